/**
 * The one catalogue of the errors Trygg's HTTP routes answer with: every code, its HTTP status and the
 * message a client sees (in the spirit of fastify's error codes). `/api/messages`, the phone line, the phone
 * simulator, the web chat's token routes and the local pages all answer `{ error: <code>, message }` from here. The local Direct Line shim
 * and Bot Connector routes take their codes and statuses from here too, but answer in the shape of the
 * protocol they imitate, `{ error: { code, message } }` ({@link protocolErrorBody}), which botbuilder's
 * connector client and Web Chat read.
 *
 * Messages say what is wrong and what to do, never what a client sent: they go out before authentication.
 */

/** One entry of the catalogue. */
export interface ErrorSpec {
  /** HTTP status. */
  readonly status: number;
  /** What the client is told when the route adds nothing. */
  readonly message: string;
}

/** Every error code with its status and default message. Add new codes here, not in the routes. */
export const ERRORS = {
  // Any route: the body and the route itself.
  BadRequest: { status: 400, message: 'the request is not valid' },
  InvalidJson: { status: 400, message: 'the body is not valid JSON' },
  NotFound: { status: 404, message: 'there is nothing here' },
  MethodNotAllowed: { status: 405, message: 'this route does not take that method' },
  RequestTimeout: { status: 408, message: 'the request took too long to arrive' },
  PayloadTooLarge: { status: 413, message: 'the body is larger than 256 KB' },
  HeadersTooLarge: { status: 431, message: 'the request headers are too large' },
  UnsupportedMediaType: {
    status: 415,
    message: 'the body must be JSON sent as Content-Type: application/json, without Content-Encoding',
  },
  Internal: { status: 500, message: 'the request could not be processed; see the server log' },
  // Any route that starts new work, while the instance drains on SIGTERM (sent with Retry-After).
  Draining: { status: 503, message: 'this instance is shutting down; send again, another instance will take it' },
  // GET /readyz: the reason is in the message (never anything personal).
  NotReady: { status: 503, message: 'this instance is not ready to serve' },

  // POST /api/messages.
  BadActivity: { status: 400, message: 'the body is not a valid activity' },
  Unauthorized: { status: 401, message: 'a valid Bot Connector token is required' },
  UnsupportedInvoke: { status: 400, message: 'this bot does not handle this invoke on this channel' },

  // The phone line (ACS) and the phone simulator.
  BadEvent: { status: 400, message: 'the body is not a list of Event Grid or Call Automation events' },
  BadHandshake: { status: 400, message: 'the webhook handshake needs a WebHook-Request-Origin header' },
  WebhookSecret: { status: 403, message: 'the webhook secret is missing or wrong' },
  UnknownCall: { status: 403, message: 'not a call this line answered' },
  AnswerFailed: { status: 503, message: 'the call could not be answered; deliver again' },
  LineBusy: { status: 503, message: 'too many calls are ringing at once; deliver again' },
  BadCaller: { status: 400, message: 'caller must be a phone number such as +46701234567, or "anonymous"' },
  BadInput: { status: 400, message: 'the input is not one the simulator knows' },
  NoCall: { status: 404, message: 'no such call (it ended, or the token is wrong): ring again' },

  // The public web chat's token routes (src/channels/webchat/).
  OriginNotAllowed: {
    status: 403,
    message: 'this page may not use the chat: its origin is not in WEBCHAT_ALLOWED_ORIGINS',
  },
  TooManyRequests: { status: 429, message: 'too many chats from this address; try again after Retry-After' },
  NoToken: { status: 401, message: 'send the token to refresh as Authorization: Bearer <token>' },
  TokenExpired: { status: 403, message: 'the token has expired or is unknown; ask for a new one' },
  DirectLineUnavailable: { status: 503, message: 'the chat service cannot be reached just now; try again shortly' },

  // The operations endpoints: /metrics and /staff.
  MetricsUnauthorized: { status: 401, message: 'send METRICS_TOKEN as Authorization: Bearer <token>' },
  StaffForbidden: { status: 403, message: 'this page is for MKB staff with the Trygg staff role' },
  StaffSignInFailed: { status: 400, message: 'the sign-in did not complete; start again from /staff' },
  BadSpan: { status: 400, message: 'give night=YYYY-MM-DD, or from and to as ISO times' },

  // The local Direct Line shim and its Bot Connector routes (Direct Line's own codes).
  BadArgument: { status: 400, message: 'a field of the request is not valid' },
  TokenInvalid: { status: 403, message: 'the token is missing, expired or not for this conversation' },
  MessageSizeTooBig: { status: 413, message: 'the body is larger than 256 KB' },
  BotError: { status: 502, message: 'the bot answered with an error; see its log' },
  BotUnreachable: { status: 502, message: 'the bot cannot be reached; is it running?' },
  BotTimeout: { status: 504, message: 'the bot did not answer in time' },
  ServiceError: { status: 500, message: 'unexpected failure, see the server log' },
} as const satisfies Record<string, ErrorSpec>;

/** A code of the catalogue. */
export type ErrorCode = keyof typeof ERRORS;

/** The body Trygg's own routes answer an error with. */
export interface ErrorBody {
  error: ErrorCode;
  message: string;
}

/** A request refused with a code of the catalogue; `message` replaces the default when given. */
export class HttpError extends Error {
  readonly code: ErrorCode;
  readonly status: number;

  constructor(code: ErrorCode, message?: string, options?: { cause?: unknown }) {
    super(message ?? ERRORS[code].message, options);
    this.name = 'HttpError';
    this.code = code;
    this.status = ERRORS[code].status;
  }
}

/** `{ error: code, message }`, with the catalogue's message unless one is given. */
export function errorBody(code: ErrorCode, message?: string): ErrorBody {
  return { error: code, message: message ?? ERRORS[code].message };
}

/** Direct Line's own codes for errors every route shares. */
const PROTOCOL_CODES: Partial<Record<ErrorCode, ErrorCode>> = {
  InvalidJson: 'BadArgument',
  BadRequest: 'BadArgument',
  PayloadTooLarge: 'MessageSizeTooBig',
  Internal: 'ServiceError',
};

/**
 * `{ error: { code, message } }`: the shape of Direct Line's and the Bot Connector's errors, with Direct
 * Line's code where it has its own for the same thing.
 */
export function protocolErrorBody(code: ErrorCode, message?: string): { error: { code: ErrorCode; message: string } } {
  return { error: { code: PROTOCOL_CODES[code] ?? code, message: message ?? ERRORS[code].message } };
}

/** The catalogue's code for an HTTP status another library chose (restify's 404 and 405, Node's 408, …). */
export function codeForStatus(status: number | undefined): ErrorCode {
  switch (status) {
    case 400:
      return 'BadRequest';
    case 401:
      return 'Unauthorized';
    case 404:
      return 'NotFound';
    case 405:
      return 'MethodNotAllowed';
    case 408:
      return 'RequestTimeout';
    case 413:
      return 'PayloadTooLarge';
    case 415:
      return 'UnsupportedMediaType';
    case 431:
      return 'HeadersTooLarge';
    default:
      return 'Internal';
  }
}
