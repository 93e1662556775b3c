/**
 * The widget's files: `embed.js`, `connection.js` and `embed.css` (static, from ./static/), `widget.json` (languages and texts,
 * built at start), Microsoft Web Chat's bundle from the installed, pinned `botframework-webchat` under a path
 * that names its version (so it can be cached for a year), and in local mode the demo host page.
 * Only these fixed paths are served: nothing from a request ever reaches the file system.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Request, Response, Server } from 'restify';
import { widgetCsp } from './csp.ts';
import { widgetConfig } from './texts.ts';

const STATIC_DIR = fileURLToPath(new URL('./static/', import.meta.url));

/** The installed Web Chat: its version and its browser bundle (`dist/webchat.js`). */
export function installedWebChat(): { version: string; bundle: string } {
  // The package exports no file paths; go from its CommonJS entry (…/lib/index.js) to its folder.
  const folder = join(dirname(createRequire(import.meta.url).resolve('botframework-webchat')), '..');
  const { version } = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { version: string };
  return { version, bundle: join(folder, 'dist', 'webchat.js') };
}

/** Where the bundle is served: the version is in the path, so a new version is a new URL. */
export const bundlePath = (version: string) => `/webchat/botframework-webchat-${version}.js`;

/** Options of {@link mountWidgetAssets}. */
export interface WidgetAssetsOptions {
  /** Serve `GET /webchat/demo` (local mode only). */
  demo: boolean;
}

/** Mounts `GET /webchat/embed.js`, `connection.js`, `embed.css`, `widget.json`, the Web Chat bundle and (local mode) `/webchat/demo`. */
export function mountWidgetAssets(server: Server, options: WidgetAssetsOptions): void {
  const webChat = installedWebChat();
  const fixed = (file: string) => readFileSync(join(STATIC_DIR, file));
  const short = 'public, max-age=300';
  serve(server, '/webchat/embed.js', fixed('embed.js'), 'text/javascript; charset=utf-8', short);
  serve(server, '/webchat/connection.js', fixed('connection.js'), 'text/javascript; charset=utf-8', short);
  serve(server, '/webchat/embed.css', fixed('embed.css'), 'text/css; charset=utf-8', short);
  const widget = Buffer.from(JSON.stringify(widgetConfig(bundlePath(webChat.version))));
  serve(server, '/webchat/widget.json', widget, 'application/json; charset=utf-8', short);
  // About 4 MB, 1 MB gzipped: read and compressed on first use, then kept.
  serve(
    server,
    bundlePath(webChat.version),
    () => readFileSync(webChat.bundle),
    'text/javascript; charset=utf-8',
    'public, max-age=31536000, immutable',
  );
  if (options.demo) {
    const page = fixed('demo.html').toString('utf8');
    server.get('/webchat/demo', async (_req: Request, res: Response) => {
      const nonce = randomBytes(16).toString('base64');
      const body = page.replaceAll('{{nonce}}', nonce);
      res.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Length': String(Buffer.byteLength(body)),
        'Cache-Control': 'no-store',
        'Content-Security-Policy': `${widgetCsp({ trygg: "'self'", directLine: "'self'", nonce })}; frame-ancestors 'none'`,
        'X-Content-Type-Options': 'nosniff',
      });
      res.end(body);
    });
  }
}

const gzipAsync = promisify(gzip);

/** Serves fixed bytes, gzipped when the client takes it (compressed once, on the first such request). */
function serve(server: Server, path: string, content: Buffer | (() => Buffer), type: string, cache: string): void {
  let plain: Buffer | undefined = typeof content === 'function' ? undefined : content;
  let packed: Promise<Buffer> | undefined;
  server.get(path, async (req: Request, res: Response) => {
    plain ??= (content as () => Buffer)();
    const gzipped = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const body = gzipped ? await (packed ??= gzipAsync(plain)) : plain;
    res.writeHead(200, {
      'Content-Type': type,
      'Content-Length': String(body.length),
      'Cache-Control': cache,
      Vary: 'Accept-Encoding',
      'X-Content-Type-Options': 'nosniff',
      // Host pages that isolate themselves (Cross-Origin-Embedder-Policy) may still load the widget.
      'Cross-Origin-Resource-Policy': 'cross-origin',
      // The same for every page, nothing private: any page may read them (the widget reads widget.json).
      'Access-Control-Allow-Origin': '*',
      ...(gzipped ? { 'Content-Encoding': 'gzip' } : {}),
    });
    res.end(body);
  });
}
