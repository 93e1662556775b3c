/**
 * The one place that reads process.env. Validated once at start; a bad value stops start-up with the
 * variable and what is wrong. Every variable is documented in env.sample.
 */
import path from 'node:path';
import { z } from 'zod';

const optional = z
  .string()
  .transform((s) => s.trim())
  .optional()
  .transform((s) => (s ? s : undefined));

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: optional,
  LOCAL_MODE_ALLOW_REMOTE: optional,
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: optional,
  POLICY_FILE: optional,
  AREAS_FILE: optional,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(1).max(3600).default(20),
  NODE_ENV: optional,
  MicrosoftAppId: optional,
  MicrosoftAppPassword: optional,
  MicrosoftAppType: z
    .enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI'])
    .optional()
    .or(z.literal('').transform(() => undefined)),
  MicrosoftAppTenantId: optional,
  TEAMS_ALLOWED_TENANT_ID: optional,
  TEAMS_ADMIN_IDS: optional,
  AUDIT_HMAC_KEY: optional,
  ACS_CONNECTION_STRING: optional,
  ACS_COGNITIVE_SERVICES_ENDPOINT: optional,
  PUBLIC_BASE_URL: optional,
  ACS_VOICES: optional,
  ACS_INCOMING_SECRET: optional,
  OPENAI_API_KEY: optional,
  OPENAI_BASE_URL: optional,
  OPENAI_MODEL: optional,
  AZURE_OPENAI_ENDPOINT: optional,
  AZURE_OPENAI_API_KEY: optional,
  AZURE_OPENAI_DEPLOYMENT: optional,
  DIRECT_LINE_SECRET: optional,
  DIRECT_LINE_ENDPOINT: optional,
  WEBCHAT_ALLOWED_ORIGINS: optional,
  WEBCHAT_TOKENS_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(10),
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  METRICS_TOKEN: optional,
  STAFF_SESSION_SECRET: optional,
  STAFF_OIDC_ISSUER: optional,
  STAFF_OIDC_CLIENT_ID: optional,
  STAFF_OIDC_CLIENT_SECRET: optional,
  STAFF_APP_ROLE: optional,
});

/** Every variable Trygg reads (the container image and the deployment templates set only these). */
export const ENV_VARIABLES: readonly string[] = Object.keys(envSchema.shape);

/** The shortest `AUDIT_HMAC_KEY` accepted (32 characters, e.g. 16 random bytes in hex). */
const MIN_AUDIT_KEY_LENGTH = 32;

/** The validated configuration. */
export interface Config {
  port: number;
  /**
   * Address to listen on: 127.0.0.1 in local mode (no authentication there), all interfaces otherwise. A
   * non-loopback address in local mode needs LOCAL_MODE_ALLOW_REMOTE=1.
   */
  host: string;
  /** Folder of the embedded store and local files (absolute). */
  dataDir: string;
  databaseUrl?: string;
  /** Routing policy file; undefined = the shipped default. */
  policyFile?: string;
  /** The landlord's areas and streets, for incidents (`AREAS_FILE`); undefined = the shipped sample. */
  areasFile?: string;
  logLevel: string;
  /**
   * `SHUTDOWN_GRACE_SECONDS` in ms: the longest drain on SIGTERM (turns in flight finish, leases are given
   * back, the store is closed) before the process exits anyway. Default 20 s.
   */
  shutdownGraceMs: number;
  production: boolean;
  /** No Bot Framework app id: local mode (Emulator convention), local pages on, no token checks. */
  localMode: boolean;
  bot: { appId?: string; appPassword?: string; appType?: string; tenantId?: string };
  teamsAllowedTenantId?: string;
  /**
   * `TEAMS_ADMIN_IDS`: the Entra object ids (`aadObjectId`) of the staff who may `register` a channel and
   * `shift add` in Teams; empty = nobody (registrations then only from the CLI's store, or not at all).
   */
  teamsAdminIds: readonly string[];
  /**
   * `AUDIT_HMAC_KEY`: the secret key of the audit log's conversation hashes. Required in production;
   * elsewhere, when unset, a key generated once is kept in DATA_DIR (`src/store/audit-key.ts`).
   */
  auditHmacKey?: string;
  /** `incomingSecret`: what Event Grid must send as `?secret=` on `POST /api/calls/incoming` (when set). */
  acs?: {
    connectionString: string;
    cognitiveServicesEndpoint?: string;
    publicBaseUrl: string;
    incomingSecret?: string;
  };
  /** The public web chat (src/channels/webchat/): on with `DIRECT_LINE_SECRET`, and in local mode over the shim. */
  webchat?: WebchatConfig;
  /** `METRICS_TOKEN`: the Bearer token `/metrics` requires (always in production; without it nothing is served there). */
  metricsToken?: string;
  /** Sign-in for `/staff` outside local mode (Microsoft Entra ID by default); undefined: not configured. */
  staffSignIn?: StaffSignInConfig;
  env: z.infer<typeof envSchema>;
}

/** OpenID Connect sign-in for `/staff` (code flow with PKCE). */
export interface StaffSignInConfig {
  /** `STAFF_OIDC_ISSUER`; default Entra ID's `https://login.microsoftonline.com/<TEAMS_ALLOWED_TENANT_ID>/v2.0`. */
  issuer: string;
  /** `STAFF_OIDC_CLIENT_ID`; default `MicrosoftAppId` (the bot's app registration). */
  clientId: string;
  /** `STAFF_OIDC_CLIENT_SECRET`; default `MicrosoftAppPassword`. */
  clientSecret?: string;
  /** `TEAMS_ALLOWED_TENANT_ID`: the only tenant (`tid` claim) that may sign in. */
  tenantId: string;
  /** `STAFF_APP_ROLE`: the app role (`roles` claim) a user needs; default `Trygg.Staff`. */
  role: string;
  /** `STAFF_SESSION_SECRET`: signs the session cookie (at least 32 characters). */
  sessionSecret: string;
  /** `PUBLIC_BASE_URL` + `/staff/callback`: register it as the app's redirect URI. */
  redirectUri: string;
}

/** Direct Line's European region, so that the chat's data stays in the EU. */
export const EU_DIRECT_LINE_ENDPOINT = 'https://europe.directline.botframework.com/v3/directline';

/** The public web chat's settings. */
export interface WebchatConfig {
  /** `DIRECT_LINE_SECRET`: exchanged for tokens, never sent to a browser. Absent in local mode (the shim's tokens). */
  directLineSecret?: string;
  /** `DIRECT_LINE_ENDPOINT`, without a trailing slash; default {@link EU_DIRECT_LINE_ENDPOINT}. */
  directLineEndpoint: string;
  /** `WEBCHAT_ALLOWED_ORIGINS`: the sites that may embed the widget (`https://www.mkb.se`); loopback too in local mode. */
  allowedOrigins: readonly string[];
  /** `WEBCHAT_TOKENS_PER_MINUTE`: tokens handed out per client address and minute (default 10). */
  tokensPerMinute: number;
  /**
   * `TRUSTED_PROXY_HOPS`: reverse proxies in front of Trygg (Azure App Service's front end is one). 0 (default):
   * the client address is the socket's; N: the Nth address from the right of `X-Forwarded-For`.
   */
  trustedProxyHops: number;
}

/** A configuration that cannot be used: names the variable and what is wrong. */
export class ConfigError extends Error {
  constructor(problems: string[]) {
    super(`Configuration is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Shortest ACS_INCOMING_SECRET production accepts. */
export const MIN_INCOMING_SECRET = 16;

/** Whether a listen address only this machine can reach. */
export function isLoopback(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/** Reads and validates the environment (defaults to process.env). */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  const env = parsed.data;
  const production = env.NODE_ENV === 'production';
  const problems: string[] = [];
  if (production && !env.MicrosoftAppId)
    problems.push('MicrosoftAppId: required when NODE_ENV=production (local mode is for development only)');
  if (env.MicrosoftAppId && env.MicrosoftAppType !== 'UserAssignedMSI' && !env.MicrosoftAppPassword)
    problems.push('MicrosoftAppPassword: required with MicrosoftAppId');
  if (env.MicrosoftAppType === 'SingleTenant' && env.MicrosoftAppId && !env.MicrosoftAppTenantId)
    problems.push('MicrosoftAppTenantId: required when MicrosoftAppType=SingleTenant');
  if (env.ACS_CONNECTION_STRING && !env.PUBLIC_BASE_URL)
    problems.push('PUBLIC_BASE_URL: required with ACS_CONNECTION_STRING (ACS calls back there)');
  if (production && !env.AUDIT_HMAC_KEY)
    problems.push("AUDIT_HMAC_KEY: required when NODE_ENV=production (the audit log's hashes must not be reversible)");
  if (env.AUDIT_HMAC_KEY && env.AUDIT_HMAC_KEY.length < MIN_AUDIT_KEY_LENGTH)
    problems.push(`AUDIT_HMAC_KEY: at least ${MIN_AUDIT_KEY_LENGTH} characters (e.g. \`openssl rand -hex 32\`)`);
  const adminIds = (env.TEAMS_ADMIN_IDS ?? '')
    .split(',')
    .map((id) => id.trim().toLowerCase())
    .filter(Boolean);
  if (adminIds.some((id) => !/^[0-9a-z-]{1,64}$/.test(id)))
    problems.push('TEAMS_ADMIN_IDS: Entra object ids separated by commas (letters, digits and dashes only)');
  if (production && env.ACS_CONNECTION_STRING && (env.ACS_INCOMING_SECRET ?? '').length < MIN_INCOMING_SECRET)
    problems.push(
      `ACS_INCOMING_SECRET: required in production with ACS_CONNECTION_STRING, at least ${MIN_INCOMING_SECRET} ` +
        'characters (without it anyone who knows /api/calls/incoming can post forged calls); give the Event Grid ' +
        'subscription the endpoint PUBLIC_BASE_URL/api/calls/incoming?secret=<it>',
    );
  const host = env.HOST ?? (env.MicrosoftAppId ? '0.0.0.0' : '127.0.0.1');
  if (!env.MicrosoftAppId && !isLoopback(host) && !['1', 'true'].includes(env.LOCAL_MODE_ALLOW_REMOTE ?? ''))
    problems.push(
      `HOST: ${host} is not a loopback address, and without MicrosoftAppId nothing is authenticated (local mode: ` +
        'the chat page, the Direct Line shim and the phone simulator for anyone who can reach it). Use ' +
        '127.0.0.1, set MicrosoftAppId, or set LOCAL_MODE_ALLOW_REMOTE=1 if that is really meant',
    );
  const webchat = webchatConfig(env, production, problems);
  const staffSignIn = staffSignInConfig(env, problems);
  if (problems.length) throw new ConfigError(problems);
  return {
    port: env.PORT,
    host,
    dataDir: path.resolve(env.DATA_DIR),
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    ...(env.POLICY_FILE ? { policyFile: path.resolve(env.POLICY_FILE) } : {}),
    ...(env.AREAS_FILE ? { areasFile: path.resolve(env.AREAS_FILE) } : {}),
    logLevel: env.LOG_LEVEL,
    shutdownGraceMs: env.SHUTDOWN_GRACE_SECONDS * 1000,
    production,
    localMode: !env.MicrosoftAppId,
    bot: {
      ...(env.MicrosoftAppId ? { appId: env.MicrosoftAppId } : {}),
      ...(env.MicrosoftAppPassword ? { appPassword: env.MicrosoftAppPassword } : {}),
      ...(env.MicrosoftAppType ? { appType: env.MicrosoftAppType } : {}),
      ...(env.MicrosoftAppTenantId ? { tenantId: env.MicrosoftAppTenantId } : {}),
    },
    ...(env.TEAMS_ALLOWED_TENANT_ID ? { teamsAllowedTenantId: env.TEAMS_ALLOWED_TENANT_ID } : {}),
    teamsAdminIds: adminIds,
    ...(env.AUDIT_HMAC_KEY ? { auditHmacKey: env.AUDIT_HMAC_KEY } : {}),
    ...(env.ACS_CONNECTION_STRING && env.PUBLIC_BASE_URL
      ? {
          acs: {
            connectionString: env.ACS_CONNECTION_STRING,
            publicBaseUrl: env.PUBLIC_BASE_URL,
            ...(env.ACS_COGNITIVE_SERVICES_ENDPOINT
              ? { cognitiveServicesEndpoint: env.ACS_COGNITIVE_SERVICES_ENDPOINT }
              : {}),
            ...(env.ACS_INCOMING_SECRET ? { incomingSecret: env.ACS_INCOMING_SECRET } : {}),
          },
        }
      : {}),
    ...(webchat ? { webchat } : {}),
    ...(env.METRICS_TOKEN ? { metricsToken: env.METRICS_TOKEN } : {}),
    ...(staffSignIn ? { staffSignIn } : {}),
    env,
  };
}

/** `/staff` sign-in: configured when a session secret and the public address are set (outside local mode). */
function staffSignInConfig(env: z.infer<typeof envSchema>, problems: string[]): StaffSignInConfig | undefined {
  if (!env.STAFF_SESSION_SECRET) return undefined;
  if (env.STAFF_SESSION_SECRET.length < 32)
    problems.push('STAFF_SESSION_SECRET: at least 32 characters (e.g. `openssl rand -hex 32`)');
  if (!env.TEAMS_ALLOWED_TENANT_ID)
    problems.push('TEAMS_ALLOWED_TENANT_ID: required for /staff sign-in (the only tenant)');
  if (!env.PUBLIC_BASE_URL || !URL.canParse(env.PUBLIC_BASE_URL))
    problems.push('PUBLIC_BASE_URL: required for /staff sign-in (the redirect URI is PUBLIC_BASE_URL/staff/callback)');
  const clientId = env.STAFF_OIDC_CLIENT_ID ?? env.MicrosoftAppId;
  if (!clientId) problems.push('STAFF_OIDC_CLIENT_ID: required for /staff sign-in (or MicrosoftAppId)');
  const issuer = env.STAFF_OIDC_ISSUER ?? `https://login.microsoftonline.com/${env.TEAMS_ALLOWED_TENANT_ID ?? ''}/v2.0`;
  if (!URL.canParse(issuer) || !isSecure(new URL(issuer)))
    problems.push('STAFF_OIDC_ISSUER: an https URL (http only on this machine, for tests)');
  if (problems.length || !clientId || !env.TEAMS_ALLOWED_TENANT_ID || !env.PUBLIC_BASE_URL) return undefined;
  const secret = env.STAFF_OIDC_CLIENT_SECRET ?? env.MicrosoftAppPassword;
  return {
    issuer,
    clientId,
    ...(secret ? { clientSecret: secret } : {}),
    tenantId: env.TEAMS_ALLOWED_TENANT_ID,
    role: env.STAFF_APP_ROLE ?? 'Trygg.Staff',
    sessionSecret: env.STAFF_SESSION_SECRET,
    redirectUri: `${env.PUBLIC_BASE_URL.replace(/\/+$/, '')}/staff/callback`,
  };
}

/** https, or http to this machine (development and tests). */
const isSecure = (url: URL) => url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname));

/** `https://host[:port]` (http only on loopback) as the browser writes it in `Origin`, or undefined. */
function normalOrigin(value: string): string | undefined {
  try {
    const url = new URL(value);
    const bare = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
    return isSecure(url) && bare ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/** The web chat's settings: on with a Direct Line secret, or in local mode (the shim); otherwise undefined. */
function webchatConfig(
  env: z.infer<typeof envSchema>,
  production: boolean,
  problems: string[],
): WebchatConfig | undefined {
  const entries = (env.WEBCHAT_ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const origins = entries.map(normalOrigin);
  if (origins.some((o) => !o))
    problems.push('WEBCHAT_ALLOWED_ORIGINS: origins separated by commas, each https://host[:port] without a path');
  const endpoint = (env.DIRECT_LINE_ENDPOINT ?? EU_DIRECT_LINE_ENDPOINT).replace(/\/+$/, '');
  if (!URL.canParse(endpoint) || !isSecure(new URL(endpoint)))
    problems.push('DIRECT_LINE_ENDPOINT: an https URL such as ' + EU_DIRECT_LINE_ENDPOINT);
  const localMode = !env.MicrosoftAppId && !production;
  if (env.DIRECT_LINE_SECRET && !localMode && !entries.length)
    problems.push('WEBCHAT_ALLOWED_ORIGINS: required with DIRECT_LINE_SECRET (the sites that may embed the widget)');
  if (!env.DIRECT_LINE_SECRET && !localMode) return undefined;
  return {
    // Local mode always uses the shim: Direct Line could not reach a bot without credentials anyway.
    ...(env.DIRECT_LINE_SECRET && !localMode ? { directLineSecret: env.DIRECT_LINE_SECRET } : {}),
    directLineEndpoint: endpoint,
    allowedOrigins: origins.filter((o): o is string => Boolean(o)),
    tokensPerMinute: env.WEBCHAT_TOKENS_PER_MINUTE,
    trustedProxyHops: env.TRUSTED_PROXY_HOPS,
  };
}
