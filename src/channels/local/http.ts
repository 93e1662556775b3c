/**
 * The shim's HTTP helpers: errors from the catalogue (src/errors.ts) in Direct Line's shape
 * `{ error: { code, message } }`, the JSON body as an object, and a wrapper that turns every failure into a
 * short JSON answer instead of restify's 500. The rest is the server's shared helpers (../http.ts).
 */
import type { Request, Response } from 'restify';
import { HttpError, protocolErrorBody, type ErrorCode } from '../../errors.ts';
import { requestBody, sendJson } from '../http.ts';

export { queryParam, sendJson } from '../http.ts';

export const badRequest = (message: string) => new HttpError('BadArgument', message);
export const notFound = (message: string) => new HttpError('NotFound', message);
export const forbidden = (message: string) => new HttpError('TokenInvalid', message);

/** Minimal logger; pino's instances fit. */
export interface ShimLogger {
  warn(fields: object, message: string): void;
}

/** The request body as a JSON object; no body is `{}`. Throws `HttpError`. */
export async function readJsonObject(req: Request): Promise<Record<string, unknown>> {
  const value = await requestBody(req);
  if (value === undefined) return {};
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw badRequest('body must be a JSON object');
  return value as Record<string, unknown>;
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

/**
 * Wraps a route so that a refusal becomes its JSON error (`format`, Direct Line's shape unless told) and an
 * unexpected failure is logged and answered with 500 rather than left to restify; a closed socket is ignored.
 */
export function route(
  logger: ShimLogger | undefined,
  handler: (req: Request, res: Response) => Promise<void>,
  format: (code: ErrorCode, message?: string) => unknown = protocolErrorBody,
): (req: Request, res: Response) => Promise<void> {
  return async function localRoute(req, res) {
    try {
      await handler(req, res);
    } catch (error) {
      if (res.headersSent) return;
      if (error instanceof HttpError) {
        sendJson(res, error.status, format(error.code, error.message));
        return;
      }
      logger?.warn({ err: error, path: req.url }, 'local Direct Line: unexpected failure');
      sendJson(res, 500, format('ServiceError'));
    }
  };
}
