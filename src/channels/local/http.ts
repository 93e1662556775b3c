/**
 * Small HTTP helpers shared by the shim's routes: one error type with a status, JSON in and out, and a
 * wrapper that turns every failure into a short JSON answer instead of restify's 500.
 */
import type { Request, Response } from 'restify';

/** A request the shim refuses; `code` follows Direct Line's error codes (`BadArgument`, `NotFound`, …). */
export class ShimError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ShimError';
    this.status = status;
    this.code = code;
  }
}

export const badRequest = (message: string) => new ShimError(400, 'BadArgument', message);
export const notFound = (message: string) => new ShimError(404, 'NotFound', message);
export const forbidden = (message: string) => new ShimError(403, 'TokenInvalid', message);

/** Minimal logger; pino's instances fit. */
export interface ShimLogger {
  warn(fields: object, message: string): void;
}

/** Largest JSON body accepted; Bot Framework caps an activity at 256 KB too. */
export const MAX_BODY_BYTES = 256 * 1024;

/** Writes a JSON answer directly, so restify's content negotiation cannot turn it into something else. */
export function sendJson(res: Response, status: number, body: unknown): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

/**
 * The request body as a JSON object; an empty body is `{}`. Works whether or not the server already runs
 * restify's bodyParser (which leaves `req.body` set), because the composition root decides that, not us.
 */
export async function readJsonObject(req: Request): Promise<Record<string, unknown>> {
  const raw = await readRawBody(req);
  if (raw !== null && typeof raw === 'object' && !Buffer.isBuffer(raw)) return requireObject(raw);
  const text = Buffer.isBuffer(raw) ? raw.toString('utf8') : String(raw ?? '');
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ShimError(400, 'BadArgument', 'body is not valid JSON', { cause: error });
  }
  return requireObject(parsed);
}

function requireObject(value: unknown): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw badRequest('body must be a JSON object');
  return value as Record<string, unknown>;
}

async function readRawBody(req: Request): Promise<unknown> {
  const parsedBefore = (req as { body?: unknown }).body;
  if (parsedBefore !== undefined) return parsedBefore;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES)
      throw new ShimError(413, 'MessageSizeTooBig', `body is larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** The bearer token of the request, or undefined. */
export function bearerToken(req: Request): string | undefined {
  const header = req.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

/** A path parameter as a non-empty string (restify has already URL-decoded it). */
export function pathParam(req: Request, name: string): string {
  const value: unknown = (req.params as Record<string, unknown> | undefined)?.[name];
  if (typeof value !== 'string' || value === '') throw badRequest(`missing ${name} in the path`);
  return value;
}

/** A query parameter; restify's queryParser plugin may or may not be installed, so read the URL itself. */
export function queryParam(req: Request, name: string): string | undefined {
  return new URL(req.url ?? '/', 'http://local').searchParams.get(name) ?? undefined;
}

/**
 * Wraps a route so that a refusal becomes its JSON error and an unexpected failure is logged and answered
 * with 500 rather than left to restify; a closed socket is ignored.
 */
export function route(
  logger: ShimLogger | undefined,
  handler: (req: Request, res: Response) => Promise<void>,
): (req: Request, res: Response) => Promise<void> {
  return async function localRoute(req, res) {
    try {
      await handler(req, res);
    } catch (error) {
      if (res.headersSent) return;
      if (error instanceof ShimError) {
        sendJson(res, error.status, { error: { code: error.code, message: error.message } });
        return;
      }
      logger?.warn({ err: error, path: req.url }, 'local Direct Line: unexpected failure');
      sendJson(res, 500, { error: { code: 'ServiceError', message: 'unexpected failure, see the server log' } });
    }
  };
}
