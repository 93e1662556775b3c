/**
 * One Structured Outputs request: fixed system prompt, data-only user message, a strict JSON schema, a
 * time limit, and zod validation of the answer. Every failure becomes a {@link FailureReason}, logged
 * without text; nothing here throws.
 */
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import type { ChatCompletion } from 'openai/resources/chat/completions';
import type { z } from 'zod';
import type { ModelClient } from './client.ts';
import { adaptTo, tunedParams } from './family.ts';
import type { FailureReason, ModelLogger, ModelOperation } from './types.ts';

/** What to ask: everything but the client and the per-call context. */
export interface StructuredRequest<T> {
  op: ModelOperation;
  /** Fixed instructions; never contains tenant or staff text. */
  system: string;
  /** The data message; untrusted text only inside a {@link dataBlock}. */
  user: string;
  /** JSON schema name and body for `response_format` (strict: every property required, no extras). */
  schemaName: string;
  schema: Record<string, unknown>;
  /** The same contract in zod: the answer is checked, not trusted. */
  parse: z.ZodType<T>;
  timeoutMs: number;
  maxTokens: number;
}

/** The outcome of a call: the validated value, or why there is none. */
export type CallResult<T> = { ok: true; value: T } | { ok: false; reason: FailureReason };

/**
 * Wraps untrusted text (tenant or staff) as data: JSON-encoded inside `<tag>…</tag>`, with `<` and `>`
 * escaped, so the text can neither leave its JSON string nor close the block, whatever it contains.
 */
export function dataBlock(tag: string, value: unknown): string {
  const json = JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e');
  return `<${tag}>\n${json}\n</${tag}>`;
}

/** Logs a failure: operation, reason code, HTTP status and duration only. */
export function reportFailure(
  logger: ModelLogger | undefined,
  op: ModelOperation,
  reason: FailureReason,
  extra: Record<string, unknown> = {},
): void {
  logger?.warn(
    { op, reason, ...extra },
    'language model gave no usable answer; falling back to rules or original text',
  );
}

function reasonOf(err: unknown): { reason: FailureReason; status?: number } {
  if (err instanceof APIConnectionTimeoutError) return { reason: 'timeout' };
  if (err instanceof APIUserAbortError) return { reason: 'aborted' };
  if (err instanceof APIConnectionError) return { reason: 'network' };
  if (err instanceof APIError && typeof err.status === 'number') {
    const status = err.status;
    if (status === 429) return { reason: 'rate_limited', status };
    return { reason: status >= 500 ? 'server_error' : 'http_error', status };
  }
  if (err instanceof SyntaxError) return { reason: 'invalid_json' };
  return { reason: 'invalid_response' };
}

function readAnswer<T>(completion: ChatCompletion, parse: z.ZodType<T>): CallResult<T> {
  const choice = completion?.choices?.[0];
  if (!choice?.message) return { ok: false, reason: 'invalid_response' };
  if (choice.message.refusal) return { ok: false, reason: 'refusal' };
  if (choice.finish_reason === 'length') return { ok: false, reason: 'truncated' };
  if (choice.finish_reason === 'content_filter') return { ok: false, reason: 'content_filter' };
  const content = choice.message.content;
  if (typeof content !== 'string' || !content.trim()) return { ok: false, reason: 'empty' };
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    return { ok: false, reason: 'invalid_json' };
  }
  const parsed = parse.safeParse(json);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: 'schema' };
}

/**
 * Sends one request and validates the answer. Resolves (never rejects) within `timeoutMs` plus the time
 * to settle an abort: on a timeout, a refusal, 429, 5xx, a network error or an answer outside the schema
 * it resolves `{ ok: false, reason }` and logs the reason.
 */
export async function callStructured<T>(
  client: ModelClient,
  req: StructuredRequest<T>,
  ctx: { signal?: AbortSignal; timeoutMs?: number },
  logger?: ModelLogger,
): Promise<CallResult<T>> {
  const started = performance.now();
  const limit = ctx.timeoutMs ?? req.timeoutMs;
  const timer = new AbortController();
  const timeout = setTimeout(() => timer.abort(), limit);
  const signal = ctx.signal ? AbortSignal.any([timer.signal, ctx.signal]) : timer.signal;
  let result: CallResult<T> | undefined;
  let status: number | undefined;
  try {
    // A 400 naming a parameter the model does not take teaches the client (adaptTo) and is retried at once,
    // within the same deadline: at most twice, since a service reports one parameter at a time.
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const completion = await client.openai.chat.completions.create(
          {
            model: client.model,
            messages: [
              { role: 'system', content: req.system },
              { role: 'user', content: req.user },
            ],
            response_format: {
              type: 'json_schema',
              json_schema: { name: req.schemaName, strict: true, schema: req.schema },
            },
            ...tunedParams(client.tuning, req.maxTokens),
          },
          { signal, timeout: Math.max(1, Math.ceil(limit - (performance.now() - started))), maxRetries: 0 },
        );
        result = readAnswer(completion, req.parse);
        break;
      } catch (err) {
        const adapted =
          err instanceof APIError && attempt < 2 && !timer.signal.aborted ? adaptTo(client.tuning, err) : undefined;
        if (adapted) {
          logger?.warn(
            { op: req.op, provider: client.provider, param: (err as APIError).param, adapted },
            'the model rejected a request parameter; sending what it accepts from now on',
          );
          continue;
        }
        const r = reasonOf(err);
        status = r.status;
        // Our own timer fired: a timeout, whatever error the SDK reports for the abort.
        result = { ok: false, reason: timer.signal.aborted && !ctx.signal?.aborted ? 'timeout' : r.reason };
        break;
      }
    }
  } finally {
    clearTimeout(timeout);
  }
  result ??= { ok: false, reason: 'invalid_request' };
  const ms = Math.round(performance.now() - started);
  if (!result.ok)
    reportFailure(logger, req.op, result.reason, { ms, ...(status ? { status } : {}), provider: client.provider });
  else logger?.debug?.({ op: req.op, ms, provider: client.provider }, 'language model answered');
  return result;
}
