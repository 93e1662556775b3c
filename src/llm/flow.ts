/**
 * triageWithModel: decide, and if danger reply now; otherwise consult the model within a deadline.
 *
 * Order, which the tests and the benchmark check:
 * 1. The rules' triage (already computed by the caller, pure and fast) says acute danger →
 *    `onEmergency(rules, 'rules')` is called synchronously, before any model call is started.
 * 2. If a model is enabled and the message calls for it ({@link consultReason}), the model is asked, with a
 *    deadline (default 2.5 s). A late, failed or capped answer counts as no answer.
 * 3. The answer is merged (`mergeTriage`: danger is the maximum). If only the model saw danger,
 *    `onEmergency(merged, 'model')` is called then. `onEmergency` is called at most once.
 * The returned `triage` is what to decide on; `details` holds what the tenant wrote about where and how to
 * be reached back, for the staff card.
 */
import type { Triage } from '../routing/types.ts';
import { CLASSIFY_TIMEOUT_MS } from './classify.ts';
import type { LanguageModel } from './index.ts';
import { mergeTriage, WELL_COVERED } from './merge.ts';
import type { ExtractedDetails, ModelSuggestion } from './types.ts';

/**
 * Why the model is consulted:
 * - `unknown`: the rules found no category; `uncertain`: the rules' danger is only possible;
 * - `discounted`: danger words were found but discounted (negated, past, a drill): the model may add caution;
 * - `language`: the rules read the message as a language the lexicons cover less well than sv/en/ar;
 * - `details`: a rules emergency (already answered): the model extracts address and callback for staff;
 * - `asked`: the caller asked for it (`consult: 'always'`).
 */
export type ConsultReason = 'unknown' | 'uncertain' | 'discounted' | 'language' | 'details' | 'asked';

/** Options for {@link triageWithModel}. */
export interface ModelTriageOptions {
  /** The rules' triage of the same text (`triage(text, …)` from the routing core). */
  rules: Triage;
  /** The language-model façade (`RULES_ONLY` when none is configured). */
  model: LanguageModel;
  /** Counts against the per-conversation cap; never sent. */
  conversationId: string;
  /** Counts against the per-sender fair share (a phone number, a web-chat user); never sent. */
  sender?: string;
  /**
   * Sends the emergency reply. Called synchronously before any model call when the rules see danger, or
   * after the model when only the model does; at most once. Its promise is awaited before this resolves,
   * and its rejection is passed on.
   */
  onEmergency: (triage: Triage, source: 'rules' | 'model') => void | Promise<void>;
  /** Longest wait for the model, ms (default {@link CLASSIFY_TIMEOUT_MS}). */
  deadlineMs?: number;
  /** `auto` (default): when {@link consultReason} gives a reason; `always`; `never`. */
  consult?: 'auto' | 'always' | 'never';
  /** Cancels the model call (the turn was abandoned). */
  signal?: AbortSignal;
}

/** What happened, and the triage to decide on. */
export interface ModelTriageResult {
  /** Rules and model merged: decide the route on this. */
  triage: Triage;
  rules: Triage;
  /** The model's answer, when it came in time and fitted the schema. */
  suggestion?: ModelSuggestion;
  /** Address, stairwell, flat and callback as the tenant wrote them (from the model), if any. */
  details?: ExtractedDetails;
  /** Who triggered `onEmergency`, if anyone. */
  emergency?: 'rules' | 'model';
  /** `skipped`: no call (no model, no reason, `never`); `used`: an answer was merged; `failed`: no usable answer in time. */
  model: 'skipped' | 'used' | 'failed';
  consulted?: ConsultReason;
}

/** Extra time, beyond the deadline, for an aborted call to settle before the flow stops waiting. */
const SETTLE_MS = 250;

/** Why the model should look at a message the rules triaged, or undefined when the rules suffice. */
export function consultReason(rules: Triage): ConsultReason | undefined {
  if (rules.category === 'acute_danger') return rules.uncertain ? 'uncertain' : 'details';
  if (rules.category === 'unknown') return 'unknown';
  if (rules.discounted.length > 0) return 'discounted';
  if (!WELL_COVERED.includes(rules.language)) return 'language';
  return undefined;
}

/** `promise`, or undefined once `ms` have passed. */
function withinDeadline<T>(promise: Promise<T | undefined>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** Decides, and if danger replies now; otherwise consults the model within a deadline. See the module comment. */
export async function triageWithModel(text: string, options: ModelTriageOptions): Promise<ModelTriageResult> {
  const { rules, model } = options;
  let emergency: ModelTriageResult['emergency'];
  // Settles to the send's error (or undefined), so a failed send is never an unhandled rejection.
  let sent: Promise<unknown> = Promise.resolve(undefined);
  if (rules.category === 'acute_danger') {
    emergency = 'rules';
    sent = Promise.resolve(options.onEmergency(rules, 'rules')).then(
      () => undefined,
      (err: unknown) => ({ err }),
    );
  }
  const finish = async (result: ModelTriageResult): Promise<ModelTriageResult> => {
    const failure = (await sent) as { err: unknown } | undefined;
    if (failure) throw failure.err;
    return result;
  };

  const mode = options.consult ?? 'auto';
  const reason =
    mode === 'never' ? undefined : mode === 'always' ? (consultReason(rules) ?? 'asked') : consultReason(rules);
  if (!model.enabled || !reason || !text.trim())
    return finish({ triage: rules, rules, model: 'skipped', ...(emergency ? { emergency } : {}) });

  const deadline = options.deadlineMs ?? CLASSIFY_TIMEOUT_MS;
  const call = model.classify(text, {
    conversationId: options.conversationId,
    ...(options.sender ? { sender: options.sender } : {}),
    timeoutMs: deadline,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const suggestion = await withinDeadline(call, deadline + SETTLE_MS);
  const triage = mergeTriage(rules, suggestion);
  if (!emergency && triage.category === 'acute_danger') {
    emergency = 'model';
    sent = Promise.resolve(options.onEmergency(triage, 'model')).then(
      () => undefined,
      (err: unknown) => ({ err }),
    );
  }
  return finish({
    triage,
    rules,
    model: suggestion ? 'used' : 'failed',
    consulted: reason,
    ...(suggestion ? { suggestion, details: suggestion.details } : {}),
    ...(emergency ? { emergency } : {}),
  });
}
