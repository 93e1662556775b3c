/**
 * `GET /metrics` in the Prometheus text format, through prom-client, on a registry of its own (one per app).
 * No personal data: labels are routes, channel ids, languages, model operations and failure reasons, all from
 * fixed lists; the store's figures are counts and ages. With `METRICS_TOKEN` (required in production) the
 * scraper sends it as `Authorization: Bearer <token>`; anything else gets 401.
 *
 * - `trygg_contacts_total{route,channel,language}`: routing decisions (a tenant's routed message);
 * - `trygg_turn_duration_seconds{channel}`: how long a turn took, as a histogram;
 * - `trygg_outbox_depth`, `trygg_outbox_oldest_age_seconds`: items waiting or in delivery, and the oldest's age;
 * - `trygg_unclaimed_cases`, `trygg_unclaimed_oldest_age_seconds`: open cases nobody has claimed;
 * - `trygg_model_fallbacks_total{op,reason}`: the language model gave no usable answer (rules decided);
 * - Node's defaults (`process_*`, `nodejs_*`).
 */
import { timingSafeEqual } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { LANGUAGES, ROUTES } from '../routing/types.ts';
import type { Store } from '../store/index.ts';
import { sendError } from './http.ts';

/** Channel ids that get a label of their own; any other is counted as `other`. */
const CHANNELS = ['webchat', 'directline', 'emulator', 'sms', 'telephony', 'msteams', 'test'];
const label = (value: string, known: readonly string[]) => (known.includes(value) ? value : 'other');

export interface MetricsDeps {
  store: Pick<Store, 'reports'>;
  now: () => Date;
}

/** The app's metrics: what the app records, and the route that serves them. */
export class Metrics {
  readonly registry = new Registry();
  readonly #contacts: Counter<'route' | 'channel' | 'language'>;
  readonly #turns: Histogram<'channel'>;
  readonly #fallbacks: Counter<'op' | 'reason'>;

  constructor(deps: MetricsDeps) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.#contacts = new Counter({
      name: 'trygg_contacts_total',
      help: 'Routing decisions (a tenant message routed), by route, channel and language.',
      labelNames: ['route', 'channel', 'language'],
      registers,
    });
    this.#turns = new Histogram({
      name: 'trygg_turn_duration_seconds',
      help: 'Time to handle one incoming activity (a turn), by channel.',
      labelNames: ['channel'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.#fallbacks = new Counter({
      name: 'trygg_model_fallbacks_total',
      help: 'Language model calls that gave no usable answer (timeout, cap, error, refusal): rules decided.',
      labelNames: ['op', 'reason'],
      registers,
    });
    const ageOf = (iso: string | null) => (iso ? Math.max(0, (deps.now().getTime() - Date.parse(iso)) / 1000) : 0);
    // The store's figures are read when Prometheus scrapes: one small query per gauge.
    const outbox = () => deps.store.reports.outboxBacklog();
    const open = () => deps.store.reports.unclaimed();
    new Gauge({
      name: 'trygg_outbox_depth',
      help: 'Outbox items waiting or being delivered (cards, thread posts, tenant messages).',
      registers,
      async collect() {
        this.set((await outbox()).depth);
      },
    });
    new Gauge({
      name: 'trygg_outbox_oldest_age_seconds',
      help: 'Age of the oldest outbox item waiting or being delivered; 0 when none.',
      registers,
      async collect() {
        this.set(ageOf((await outbox()).oldest));
      },
    });
    new Gauge({
      name: 'trygg_unclaimed_cases',
      help: 'Cases nobody has claimed yet (status open).',
      registers,
      async collect() {
        this.set((await open()).count);
      },
    });
    new Gauge({
      name: 'trygg_unclaimed_oldest_age_seconds',
      help: 'Age of the oldest unclaimed case; 0 when none.',
      registers,
      async collect() {
        this.set(ageOf((await open()).oldest));
      },
    });
  }

  /** A routing decision was made. */
  contact(route: string, channelId: string, language: string): void {
    this.#contacts.inc({
      route: label(route, ROUTES),
      channel: label(channelId, CHANNELS),
      language: label(language, LANGUAGES),
    });
  }

  /** Starts timing a turn; call the result when it is over. */
  turn(channelId: string): () => void {
    return this.#turns.startTimer({ channel: label(channelId, CHANNELS) });
  }

  /** The language model gave no usable answer. */
  modelFallback(op: unknown, reason: unknown): void {
    const text = (v: unknown) => (typeof v === 'string' && /^[a-z_]{1,30}$/i.test(v) ? v : 'other');
    this.#fallbacks.inc({ op: text(op), reason: text(reason) });
  }

  /** Mounts `GET /metrics`; `token` (METRICS_TOKEN) is required as a Bearer token when given. */
  mount(server: Server, token: string | undefined, requireToken: boolean): void {
    server.get('/metrics', async (req: Request, res: Response) => {
      if ((token || requireToken) && !bearerMatches(req.headers.authorization, token)) {
        res.header('WWW-Authenticate', 'Bearer realm="trygg-metrics"');
        sendError(res, 'MetricsUnauthorized');
        return;
      }
      const body = await this.registry.metrics();
      res.writeHead(200, { 'content-type': this.registry.contentType, 'cache-control': 'no-store' });
      res.end(body);
    });
  }
}

/** Whether `Authorization` is `Bearer <token>`, compared in constant time; never without a token. */
function bearerMatches(header: string | undefined, token: string | undefined): boolean {
  if (!token) return false;
  const given = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1] ?? '';
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
