/**
 * `/staff`, the operations page: the night's charts (contacts per hour; by route, channel and language;
 * time to claim; a 30-night trend), the open cases, a choice of night or span, and the night's CSV. Chart.js
 * is served from this origin (`/staff/assets/chart.umd.js`, the version in package.json), never a CDN.
 *
 * Local mode (not production): open without sign-in (the server listens on 127.0.0.1 only). Otherwise the
 * page and its data need a staff session (`auth.ts`); without sign-in configured they answer 403. The same
 * page is the Teams app's tab (`manifest/`): in a tab, sign-in opens in its own window.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import type { Logger } from '../../log.ts';
import type { StaffSignInConfig } from '../../config.ts';
import type { Policy } from '../../routing/policy.ts';
import type { Store } from '../../store/index.ts';
import { sendError } from '../http.ts';
import { SignInRefused, StaffSignIn } from './auth.ts';
import { pageTexts, staffData, staffCsv, SpanError } from './data.ts';

export interface StaffDeps {
  store: Store;
  policy: Policy;
  log: Logger;
  now: () => Date;
  /** Local mode: no sign-in. */
  open: boolean;
  signIn?: StaffSignInConfig;
}

const STATIC = new URL('./static/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, STATIC));
const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
/** A page of `static/` with its `{{key}}`s filled from the Swedish staff texts. */
const page = (name: string) =>
  read(name)
    .toString('utf8')
    .replace(/\{\{(\w+)\}\}/g, (_, key: string) => escape(pageTexts()[key] ?? key));
/** Chart.js's browser build, next to the entry point the package exports (its `dist/` folder). */
const chartJs = () =>
  readFileSync(path.join(path.dirname(createRequire(import.meta.url).resolve('chart.js')), 'chart.umd.min.js'));

/** Teams (web, desktop, the new cloud.microsoft host) may show the page in a tab; nobody else may frame it. */
export const STAFF_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.cloud.microsoft https://*.office.com",
].join('; ');

const ASSETS: Record<string, { type: string; body: () => Buffer }> = {
  'staff.js': { type: 'text/javascript; charset=utf-8', body: () => read('staff.js') },
  'staff.css': { type: 'text/css; charset=utf-8', body: () => read('staff.css') },
  'signin.js': { type: 'text/javascript; charset=utf-8', body: () => read('signin.js') },
  'chart.umd.js': { type: 'text/javascript; charset=utf-8', body: chartJs },
};

function send(
  res: Response,
  status: number,
  type: string,
  body: Buffer | string,
  extra: Record<string, string | string[]> = {},
) {
  res.writeHead(status, {
    'content-type': type,
    'content-security-policy': STAFF_CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
    ...extra,
  });
  res.end(body);
}

export function mountStaff(server: Server, deps: StaffDeps): void {
  const signIn = deps.open || !deps.signIn ? undefined : new StaffSignIn(deps.signIn);
  const cache = new Map<string, Buffer>();
  const asset = (name: string) => {
    let body = cache.get(name);
    if (!body) cache.set(name, (body = ASSETS[name]!.body()));
    return body;
  };

  /** Whether the request may see staff data; answers it when not. `page`: a person's page gets a sign-in page. */
  function allowed(req: Request, res: Response, html: boolean): boolean {
    if (deps.open) return true;
    if (!signIn) {
      sendError(res, 'StaffForbidden', 'sign-in for /staff is not configured (STAFF_SESSION_SECRET, see env.sample)');
      return false;
    }
    if (signIn.session(req, deps.now().getTime())) return true;
    if (html) send(res, 401, 'text/html; charset=utf-8', page('signin.html'));
    else sendError(res, 'StaffForbidden', 'sign in at /staff first');
    return false;
  }

  server.get('/staff', async (req: Request, res: Response) => {
    if (allowed(req, res, true)) send(res, 200, 'text/html; charset=utf-8', page('staff.html'));
  });

  server.get('/staff/assets/:file', async (req: Request, res: Response) => {
    const name = String((req.params as { file?: string }).file ?? '');
    if (!Object.hasOwn(ASSETS, name)) return sendError(res, 'NotFound');
    // The sign-in page's own script is public; the rest is served to anyone too (no data in it).
    send(res, 200, ASSETS[name]!.type, asset(name), { 'cache-control': 'public, max-age=3600' });
  });

  server.get('/staff/api/report', async (req: Request, res: Response) => {
    if (!allowed(req, res, false)) return;
    try {
      const body = await staffData(deps, new URL(req.url ?? '', 'http://x').searchParams);
      const signedIn = Boolean(signIn?.session(req, deps.now().getTime()));
      send(res, 200, 'application/json; charset=utf-8', JSON.stringify({ ...body, signedIn }));
    } catch (err) {
      if (err instanceof SpanError) return sendError(res, 'BadSpan');
      throw err;
    }
  });

  server.get('/staff/report.csv', async (req: Request, res: Response) => {
    if (!allowed(req, res, false)) return;
    try {
      const { csv, name } = await staffCsv(deps, new URL(req.url ?? '', 'http://x').searchParams);
      send(res, 200, 'text/csv; charset=utf-8', csv, { 'content-disposition': `attachment; filename="${name}"` });
    } catch (err) {
      if (err instanceof SpanError) return sendError(res, 'BadSpan');
      throw err;
    }
  });

  if (!signIn) return;
  server.get('/staff/login', async (req: Request, res: Response) => {
    const popup = new URL(req.url ?? '', 'http://x').searchParams.get('popup') === '1';
    const { location, cookie } = await signIn.start(popup);
    res.writeHead(302, { location, 'set-cookie': cookie, 'cache-control': 'no-store' });
    res.end();
  });

  server.get('/staff/callback', async (req: Request, res: Response) => {
    try {
      const done = await signIn.finish(req, deps.now().getTime());
      deps.log.info('staff: signed in to /staff');
      // In a Teams tab the sign-in ran in a window of its own: it closes, and the tab reloads.
      if (done.popup) {
        send(res, 200, 'text/html; charset=utf-8', page('signed-in.html'), { 'set-cookie': [done.cookie, done.clear] });
        return;
      }
      res.writeHead(302, { location: '/staff', 'set-cookie': [done.cookie, done.clear], 'cache-control': 'no-store' });
      res.end();
    } catch (err) {
      if (err instanceof SignInRefused) {
        deps.log.warn({ reason: err.reason }, 'staff: a sign-in to /staff was refused');
        return sendError(res, 'StaffForbidden');
      }
      deps.log.warn({ err: (err as Error).name }, 'staff: a sign-in to /staff failed');
      sendError(res, 'StaffSignInFailed');
    }
  });

  server.get('/staff/logout', async (_req: Request, res: Response) => {
    res.writeHead(302, { location: '/staff', 'set-cookie': signIn.cookie('trygg_staff', '', 0) });
    res.end();
  });
}
