/**
 * The local chat page: `/` and its assets under `/webchat/`, with Microsoft Web Chat served from the
 * installed package rather than a CDN, so local mode works offline and nothing leaves the machine.
 * Only a fixed list of files is served: no path from the request ever reaches the file system.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import type { Response, Server } from 'restify';
import { errorBody } from '../../errors.ts';
import { sendError } from '../http.ts';
import { route, type ShimLogger } from './http.ts';

/** Options of {@link mountLocalPages}. */
export interface LocalPagesOptions {
  /** Web Chat's browser bundle; default `dist/webchat.js` of the installed `botframework-webchat`. */
  webchatBundle?: string;
  /** Where a file that cannot be read is reported; pino fits. */
  logger?: ShimLogger;
}

const STATIC_DIR = fileURLToPath(new URL('./static/', import.meta.url));

// The page may talk only to this server; Web Chat injects its styles at run time, hence 'unsafe-inline'
// for styles (scripts stay 'self' only).
const PAGE_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The installed Web Chat bundle. The package exports no file paths, so go from its CommonJS entry. */
export function defaultWebchatBundle(): string {
  const entry = createRequire(import.meta.url).resolve('botframework-webchat'); // …/lib/index.js
  return join(dirname(entry), '..', 'dist', 'webchat.js');
}

/**
 * Serves the chat page at `/` and its assets at `/webchat/page.js`, `/webchat/page.css` and
 * `/webchat/webchat.js`. Mount together with `mountDirectLine`, which the page talks to; local mode only.
 */
export function mountLocalPages(server: Server, options: LocalPagesOptions = {}): void {
  const files: Record<string, { file: string; type: string; cache: string }> = {
    '/': { file: join(STATIC_DIR, 'index.html'), type: 'text/html; charset=utf-8', cache: 'no-cache' },
    '/webchat/page.js': {
      file: join(STATIC_DIR, 'page.js'),
      type: 'text/javascript; charset=utf-8',
      cache: 'no-cache',
    },
    '/webchat/page.css': { file: join(STATIC_DIR, 'page.css'), type: 'text/css; charset=utf-8', cache: 'no-cache' },
    // Almost 4 MB and fixed per installed version; the page reloads on every preview change.
    '/webchat/webchat.js': {
      file: options.webchatBundle ?? defaultWebchatBundle(),
      type: 'text/javascript; charset=utf-8',
      cache: 'max-age=3600',
    },
  };
  for (const [path, asset] of Object.entries(files)) {
    server.get(
      path,
      route(options.logger, async (_req, res) => serveFile(res, asset, options.logger), errorBody),
    );
  }
}

async function serveFile(
  res: Response,
  asset: { file: string; type: string; cache: string },
  logger?: ShimLogger,
): Promise<void> {
  let size: number;
  try {
    size = (await stat(asset.file)).size;
  } catch (error) {
    logger?.warn({ err: error, file: asset.file }, 'local pages: file missing; is botframework-webchat installed?');
    sendError(res, 'NotFound', 'a file of the chat page is missing; see the server log');
    return;
  }
  res.writeHead(200, {
    'Content-Type': asset.type,
    'Content-Length': size,
    'Cache-Control': asset.cache,
    'X-Content-Type-Options': 'nosniff',
    ...(asset.type.startsWith('text/html') ? { 'Content-Security-Policy': PAGE_POLICY } : {}),
  });
  try {
    await pipeline(createReadStream(asset.file), res);
  } catch (error) {
    // Headers are gone; a reader that hung up is all this usually is.
    logger?.warn({ err: error, file: asset.file }, 'local pages: sending a file failed');
    res.destroy();
  }
}
