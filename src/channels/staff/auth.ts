/**
 * Sign-in for `/staff` outside local mode: OpenID Connect, authorization code flow with PKCE, through
 * openid-client, against Microsoft Entra ID (or the issuer in STAFF_OIDC_ISSUER). Only the tenant in
 * TEAMS_ALLOWED_TENANT_ID (the ID token's `tid`) and users with the staff app role (`roles`) get a session.
 *
 * State, nonce and PKCE verifier wait in a short-lived signed cookie between /staff/login and the callback;
 * the session is a signed cookie with the user's object id, name and expiry (8 hours), nothing else.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import * as oidc from 'openid-client';
import type { StaffSignInConfig } from '../../config.ts';
import { isLoopback } from '../../config.ts';

/** A signed-in staff member. */
export interface StaffSession {
  /** Entra object id (`oid`). */
  oid: string;
  name: string;
  /** Expiry, epoch ms. */
  exp: number;
}

/** Why a sign-in was refused, for the log (no personal data). */
export class SignInRefused extends Error {
  readonly reason: 'tenant' | 'role';
  constructor(reason: 'tenant' | 'role') {
    super(reason === 'tenant' ? 'signed in from another Microsoft 365 tenant' : 'no staff app role');
    this.name = 'SignInRefused';
    this.reason = reason;
  }
}

export const SESSION_COOKIE = 'trygg_staff';
const LOGIN_COOKIE = 'trygg_staff_login';
const SESSION_MS = 8 * 3_600_000;
const LOGIN_MS = 10 * 60_000;

/** `value.signature` with HMAC-SHA256 under the session secret. */
function sign(value: object, secret: string): string {
  const body = Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

function verify<T>(token: string | undefined, secret: string): T | undefined {
  const [body, mac] = (token ?? '').split('.');
  if (!body || !mac) return undefined;
  const want = createHmac('sha256', secret).update(body).digest();
  const got = Buffer.from(mac, 'base64url');
  if (got.length !== want.length || !timingSafeEqual(got, want)) return undefined;
  try {
    return JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as T;
  } catch {
    return undefined;
  }
}

/** The request's cookies by name. */
export function cookies(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = decodeURIComponent(part.slice(i + 1).trim());
  }
  return out;
}

export class StaffSignIn {
  readonly #config: StaffSignInConfig;
  readonly #secure: boolean;
  #discovered: Promise<oidc.Configuration> | undefined;

  constructor(config: StaffSignInConfig) {
    this.#config = config;
    this.#secure = new URL(config.redirectUri).protocol === 'https:';
  }

  /** The issuer's configuration, discovered once (again after a failure). http only to this machine (tests). */
  #oidc(): Promise<oidc.Configuration> {
    const issuer = new URL(this.#config.issuer);
    this.#discovered ??= oidc
      .discovery(
        issuer,
        this.#config.clientId,
        this.#config.clientSecret,
        undefined,
        issuer.protocol === 'http:' && isLoopback(issuer.hostname) ? { execute: [oidc.allowInsecureRequests] } : {},
      )
      .catch((err: unknown) => {
        this.#discovered = undefined;
        throw err;
      });
    return this.#discovered;
  }

  /** A cookie header for `name`; SameSite=None over https, so the page also works as a Teams tab. */
  cookie(name: string, value: string, maxAgeMs: number): string {
    const site = this.#secure ? '; Secure; SameSite=None' : '; SameSite=Lax';
    return `${name}=${encodeURIComponent(value)}; Path=/staff; HttpOnly; Max-Age=${Math.floor(maxAgeMs / 1000)}${site}`;
  }

  /** The session in the request's cookie, if it is valid and not expired. */
  session(req: IncomingMessage, now: number): StaffSession | undefined {
    const s = verify<StaffSession>(cookies(req)[SESSION_COOKIE], this.#config.sessionSecret);
    return s && typeof s.exp === 'number' && s.exp > now && typeof s.oid === 'string' ? s : undefined;
  }

  /** Starts a sign-in: where to send the browser, and the cookie that carries the checks. */
  async start(popup: boolean): Promise<{ location: string; cookie: string }> {
    const config = await this.#oidc();
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.#config.redirectUri,
      scope: 'openid profile',
      response_type: 'code',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    const checks = { verifier, state, nonce, popup, exp: Date.now() + LOGIN_MS };
    return {
      location: url.href,
      cookie: this.cookie(LOGIN_COOKIE, sign(checks, this.#config.sessionSecret), LOGIN_MS),
    };
  }

  /**
   * Completes a sign-in at the callback: the code is exchanged (PKCE, state and nonce checked), then the
   * tenant and the role. Resolves with the session cookie; rejects with `SignInRefused` or the library's error.
   */
  async finish(req: IncomingMessage, now: number): Promise<{ cookie: string; clear: string; popup: boolean }> {
    const checks = verify<{ verifier: string; state: string; nonce: string; popup: boolean; exp: number }>(
      cookies(req)[LOGIN_COOKIE],
      this.#config.sessionSecret,
    );
    if (!checks || checks.exp < Date.now()) throw new Error('no sign-in in progress');
    const config = await this.#oidc();
    const current = new URL(req.url ?? '', this.#config.redirectUri);
    const tokens = await oidc.authorizationCodeGrant(config, current, {
      pkceCodeVerifier: checks.verifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      idTokenExpected: true,
    });
    const claims = (tokens.claims() ?? {}) as Record<string, unknown>;
    if (claims.tid !== this.#config.tenantId) throw new SignInRefused('tenant');
    const roles = Array.isArray(claims.roles) ? claims.roles : [];
    if (!roles.includes(this.#config.role)) throw new SignInRefused('role');
    const session: StaffSession = {
      oid: String(claims.oid ?? claims.sub),
      name: String(claims.name ?? claims.preferred_username ?? ''),
      exp: now + SESSION_MS,
    };
    return {
      cookie: this.cookie(SESSION_COOKIE, sign(session, this.#config.sessionSecret), SESSION_MS),
      clear: this.cookie(LOGIN_COOKIE, '', 0),
      popup: checks.popup === true,
    };
  }
}
