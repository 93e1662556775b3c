/**
 * Who is asking for a token: the page's origin (which sites may embed the widget) and the client's address
 * (what the rate limit counts). Neither is logged in full: an address is personal data.
 */
import type { Request } from 'restify';

const LOOPBACK_ORIGIN = /^http:\/\/(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])(:\d{1,5})?$/;

/** Which page origins may ask for tokens. */
export interface OriginPolicy {
  /** Origins exactly as browsers send them (`https://www.mkb.se`). */
  allowed: readonly string[];
  /** Local mode: any `http://` loopback origin (localhost, 127.x.x.x, [::1]) on any port. */
  loopback: boolean;
}

/** The request's `Origin` if the policy allows it; undefined for a missing or refused origin. */
export function allowedOrigin(req: Request, policy: OriginPolicy): string | undefined {
  const origin = req.headers.origin;
  if (typeof origin !== 'string' || !origin) return undefined;
  if (policy.allowed.includes(origin)) return origin;
  return policy.loopback && LOOPBACK_ORIGIN.test(origin) ? origin : undefined;
}

/**
 * The client's address: the socket's, or behind `hops` reverse proxies the address the outermost of them saw
 * (`X-Forwarded-For` grows by one entry per proxy, so it is the `hops`-th from the right; entries further left
 * are whatever the client wrote). An IPv6 address counts by its /64, which one household or phone holds whole.
 */
export function clientAddress(req: Request, hops: number): string {
  let address = req.socket?.remoteAddress ?? '';
  if (hops > 0) {
    const header = req.headers['x-forwarded-for'];
    const list = (Array.isArray(header) ? header.join(',') : (header ?? ''))
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    address = list[Math.max(0, list.length - hops)] ?? address;
  }
  return addressKey(address);
}

/** `::ffff:1.2.3.4` → `1.2.3.4`; an IPv6 address → its first four groups (the /64); anything else as is. */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!address.includes(':')) return address;
  const bare = address
    .replace(/^\[|\]$/g, '')
    .split('%')[0]!
    .toLowerCase();
  const [head = '', tail] = bare.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups =
    tail === undefined
      ? left
      : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
