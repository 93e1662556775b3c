/** Small HTTP helpers for the phone routes: JSON in (whether or not bodyParser ran) and JSON out. */
import type { Request, Response } from 'restify';

/** Largest body read here when restify's bodyParser has not read it already. */
const MAX_BODY_BYTES = 256 * 1024;

/** A request body that cannot be used. */
export class BadBodyError extends Error {
  readonly status: number;
  constructor(message: string, status = 400, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BadBodyError';
    this.status = status;
  }
}

/** The body as JSON: already parsed by bodyParser, a string or Buffer it left, or read from the stream. */
export async function readJson(req: Request): Promise<unknown> {
  let raw: unknown = (req as { body?: unknown }).body;
  if (raw === undefined) {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
      size += buffer.length;
      if (size > MAX_BODY_BYTES) throw new BadBodyError(`body is larger than ${MAX_BODY_BYTES} bytes`, 413);
      chunks.push(buffer);
    }
    raw = Buffer.concat(chunks);
  }
  if (raw !== null && typeof raw === 'object' && !Buffer.isBuffer(raw)) return raw;
  const text = Buffer.isBuffer(raw) ? raw.toString('utf8') : String(raw ?? '');
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new BadBodyError('body is not valid JSON', 400, { cause });
  }
}

/** Event Grid and Call Automation post arrays of events; one event alone is read as a list of one. */
export function asEventList(body: unknown): Record<string, unknown>[] {
  const list = Array.isArray(body) ? body : [body];
  return list.filter((e): e is Record<string, unknown> => e !== null && typeof e === 'object' && !Array.isArray(e));
}

/** Writes a JSON answer directly (no content negotiation). */
export function sendJson(res: Response, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body ?? {});
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(text);
}

/** A query parameter, read from the URL itself (restify's queryParser may not be installed). */
export function queryParam(req: Request, name: string): string | undefined {
  return new URL(req.url ?? '/', 'http://local').searchParams.get(name) ?? undefined;
}

/** A path parameter (restify has decoded it), or undefined. */
export function pathParam(req: Request, name: string): string | undefined {
  const value: unknown = (req.params as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' && value ? value : undefined;
}
