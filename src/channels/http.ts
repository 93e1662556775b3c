/**
 * One set of HTTP helpers for every route: the JSON-only body reader (the only body parser the server runs,
 * so no route ever takes a file upload), JSON answers and errors from the catalogue (src/errors.ts), and path
 * and query parameters.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Next, Request, RequestHandler, Response } from 'restify';
import { ERRORS, errorBody, HttpError, type ErrorCode } from '../errors.ts';

/** Largest request body accepted anywhere (Bot Framework caps an activity at 256 KB too). */
export const MAX_BODY_BYTES = 256 * 1024;

/** Marks a request whose body {@link jsonBodyParser} has read (`req.body` is then final). */
const PARSED = Symbol('trygg.bodyParsed');
type Parsed = IncomingMessage & { body?: unknown; [PARSED]?: true };

/**
 * Whether a Content-Type names JSON: `application/json` or a structured `+json` type (Event Grid's CloudEvents
 * schema posts `application/cloudevents+json`), with no charset but UTF-8.
 */
export function isJsonContentType(header: string | undefined): boolean {
  if (!header) return false;
  const [type = '', ...params] = header.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json' && !/^application\/[a-z0-9.-]+\+json$/.test(type)) return false;
  return params.every((param) => {
    const [name, value = ''] = param.split('=').map((s) => s.trim());
    return name !== 'charset' || /^"?utf-8"?$/.test(value);
  });
}

/** Whether the request has a body at all: a Content-Length above 0, or a chunked body. */
function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  if (length !== undefined) return Number(length) !== 0;
  return req.headers['transfer-encoding'] !== undefined;
}

/** The client went away before its body arrived: there is nobody to answer. */
class ClientGone extends Error {
  constructor() {
    super('the client closed the connection before its body arrived');
    this.name = 'ClientGone';
  }
}

/**
 * Reads the request body as JSON; undefined when there is none. Refused before a byte is read: a body that is
 * not JSON (multipart/form-data, a form, text, octet-stream …) or is compressed (415), a Content-Length over
 * `limit` (413). A body that grows past `limit` while it arrives is refused at that byte (413) and the rest is
 * left unread. Nothing is written anywhere but memory, at most `limit` bytes of it. Throws {@link HttpError}.
 */
export async function readJsonBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<unknown> {
  if (!hasBody(req)) return undefined;
  const encoding = req.headers['content-encoding'];
  // A compressed body would be inflated past any limit (a "zip bomb"); no channel compresses its posts.
  if (encoding !== undefined && encoding.trim().toLowerCase() !== 'identity')
    throw new HttpError('UnsupportedMediaType');
  if (!isJsonContentType(req.headers['content-type'])) throw new HttpError('UnsupportedMediaType');
  if (Number(req.headers['content-length'] ?? 0) > limit) throw new HttpError('PayloadTooLarge');
  const bytes = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      // Stop reading; the answer closes the connection, so the rest is never read.
      stop();
      req.pause();
      reject(new HttpError('PayloadTooLarge'));
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks));
    };
    const onError = (err: Error) => {
      stop();
      reject(err);
    };
    const onClose = () => {
      if (req.complete) return;
      stop();
      reject(new ClientGone());
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (cause) {
    throw new HttpError('InvalidJson', 'the body is not valid UTF-8', { cause });
  }
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new HttpError('InvalidJson', undefined, { cause });
  }
}

/** How an error of the catalogue is written for a request: `{ error: code, message }` unless told otherwise. */
export type ErrorFormat = (req: Request, code: ErrorCode, message: string) => unknown;

/**
 * The server's one body parser, for every route: JSON within {@link MAX_BODY_BYTES}, or a 4xx from the
 * catalogue before the route runs. Sets `req.body` (undefined without a body).
 */
export function jsonBodyParser(options: { limit?: number; format?: ErrorFormat } = {}): RequestHandler {
  const limit = options.limit ?? MAX_BODY_BYTES;
  const format: ErrorFormat = options.format ?? ((_req, code, message) => errorBody(code, message));
  // Not async: restify would call next() itself when the promise resolves, and a refusal must stop the chain.
  return function jsonBody(req: Request, res: Response, next: Next): void {
    readJsonBody(req, limit).then(
      (body) => {
        (req as Parsed).body = body;
        (req as Parsed)[PARSED] = true;
        next();
      },
      (err: unknown) => {
        if (err instanceof HttpError && !res.headersSent) {
          // Whatever is left of the body is never read: close the connection after the answer.
          sendJson(
            res,
            err.status,
            format(req, err.code, err.message),
            err.status === 400 ? {} : { Connection: 'close' },
          );
        } else if (!res.headersSent) res.destroy();
        next(false);
      },
    );
  };
}

/**
 * The request's JSON body for a route: what {@link jsonBodyParser} read, or (on a server without it, as in
 * some tests) read now under the same rules. Another parser's `req.body` is taken as it is.
 */
export async function requestBody(req: IncomingMessage): Promise<unknown> {
  const parsed = req as Parsed;
  if (parsed[PARSED]) return parsed.body;
  const earlier = parsed.body;
  if (earlier === undefined) return readJsonBody(req);
  if (earlier !== null && typeof earlier === 'object' && !Buffer.isBuffer(earlier)) return earlier;
  const text = Buffer.isBuffer(earlier) ? earlier.toString('utf8') : String(earlier);
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new HttpError('InvalidJson', undefined, { cause });
  }
}

/** Writes a JSON answer directly, so restify's content negotiation cannot turn it into something else. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string | number> = {},
): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(text);
}

/** Answers an error of the catalogue: its status and `{ error: code, message }`. */
export function sendError(
  res: ServerResponse,
  code: ErrorCode,
  message?: string,
  headers: Record<string, string | number> = {},
): void {
  sendJson(res, ERRORS[code].status, errorBody(code, message), headers);
}

/** A query parameter, read from the URL itself (whether or not restify's queryParser ran). */
export function queryParam(req: IncomingMessage, name: string): string | undefined {
  return new URL(req.url ?? '/', 'http://local').searchParams.get(name) ?? undefined;
}

/** A path parameter (restify has decoded it), or undefined when it is missing or empty. */
export function pathParam(req: Request, name: string): string | undefined {
  const value: unknown = (req.params as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' && value ? value : undefined;
}
