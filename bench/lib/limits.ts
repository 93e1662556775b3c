/**
 * The abuse limits Trygg runs with in the benchmark: raised far out of the way (the defaults are 30 messages
 * a minute per conversation, 120 an hour per phone number, 60 SMS a day per number), so the limiter counts
 * every message as usual but never holds one back and does not shape the load.
 */
export const BENCH_LIMITS = {
  perConversation: { max: 1e9, windowMs: 60_000 },
  perPhone: { max: 1e9, windowMs: 3_600_000 },
  smsPerNumberPerDay: 1e9,
};

export const describeLimits = (): string =>
  `abuse limits raised out of the way (per conversation ${BENCH_LIMITS.perConversation.max.toExponential(0)}/min, per phone ` +
  `${BENCH_LIMITS.perPhone.max.toExponential(0)}/h, SMS ${BENCH_LIMITS.smsPerNumberPerDay.toExponential(0)}/day): still counted, never limiting`;
