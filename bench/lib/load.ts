/**
 * Drives a bot's /api/messages with autocannon (programmatic API): `connections` connections, each playing the
 * tenants of its share of `conversations` slots (see `Tenants`), one request at a time per connection.
 */
import { createRequire } from 'node:module';
import { Tenants } from './messages.ts';

interface Histogram {
  average: number;
  mean: number;
  stddev: number;
  min: number;
  max: number;
  total: number;
  sent?: number;
  p50: number;
  p90: number;
  p99: number;
  p99_9: number;
}

interface AutocannonResult {
  requests: Histogram;
  latency: Histogram;
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
  statusCodeStats: Record<string, { count: number }>;
}

interface AutocannonClient {
  setRequests(
    requests: {
      method?: string;
      path?: string;
      headers?: Record<string, string>;
      setupRequest?: (req: { body?: string }) => unknown;
    }[],
  ): void;
}

type Autocannon = (opts: Record<string, unknown>) => Promise<AutocannonResult>;

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

export interface LoadResult {
  requests: number;
  /** Completed requests per second over the run. */
  rps: number;
  durationS: number;
  latency: { p50: number; p90: number; p99: number; max: number; mean: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  /** Conversations begun during the run. */
  conversationsStarted: number;
  /** Every conversation id used. */
  ids: string[];
}

export interface LoadOptions {
  url: string;
  serviceUrl: string;
  phase: number;
  connections: number;
  /** Conversation slots shared out over the connections. */
  conversations: number;
  /** Run for this many seconds, or (when given) send this many requests. */
  durationS?: number;
  amount?: number;
  /** Requests per second over all connections (open pace); none = as fast as answers come back. */
  rate?: number;
}

export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const tenants: Tenants[] = [];
  const result = await autocannon({
    url: `${o.url}/api/messages`,
    connections: o.connections,
    pipelining: 1,
    timeout: 10,
    ...(o.amount ? { amount: o.amount } : { duration: o.durationS ?? 10 }),
    ...(o.rate ? { overallRate: o.rate } : {}),
    setupClient(client: AutocannonClient) {
      const t = new Tenants({
        phase: o.phase,
        first: tenants.length % o.connections,
        stride: o.connections,
        total: o.conversations,
        serviceUrl: o.serviceUrl,
      });
      tenants.push(t);
      client.setRequests([
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          setupRequest(req: { body?: string }) {
            req.body = t.next();
            return req;
          },
        },
      ]);
    },
  });
  const statusCodes: Record<string, number> = {};
  for (const [code, s] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = s.count;
  const completed = Object.values(statusCodes).reduce((a, b) => a + b, 0);
  return {
    requests: completed,
    rps: completed / result.duration,
    durationS: result.duration,
    latency: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
      mean: result.latency.mean,
    },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes,
    conversationsStarted: tenants.reduce((n, t) => n + t.started, 0),
    ids: tenants.flatMap((t) => t.ids),
  };
}
