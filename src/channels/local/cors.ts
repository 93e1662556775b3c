/**
 * Lets pages on other loopback origins use the shim, as Azure's Direct Line lets any page that holds a token:
 * the embeddable widget runs on the landlord's page, not on the bot's origin (in tests a host page on
 * 127.0.0.2; the demo opened at localhost while the shim answers on 127.0.0.1). Other origins get no CORS
 * headers, so browsers keep them out.
 */
import type { Server } from 'restify';

const LOOPBACK_ORIGIN = /^http:\/\/(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])(:\d{1,5})?$/;

/** Answers CORS preflights and marks answers readable for loopback origins, on paths under `prefix`. */
export function allowLoopbackPages(server: Server, prefix: string): void {
  server.pre(function loopbackCors(req, res, next) {
    const origin = req.headers.origin;
    if (!(req.url ?? '').startsWith(prefix) || typeof origin !== 'string' || !LOOPBACK_ORIGIN.test(origin))
      return next();
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Vary', 'Origin');
    if (req.method !== 'OPTIONS') return next();
    res.writeHead(204, {
      'Access-Control-Allow-Methods': 'GET, POST',
      'Access-Control-Allow-Headers': 'Authorization, Content-Type, Accept, X-Requested-With, x-ms-bot-agent',
      'Access-Control-Max-Age': '600',
    });
    res.end();
    return next(false);
  });
}
