/**
 * The optional language-model layer, as one small façade for the dialogs: `classify`, `summarize`,
 * `translate`, and `enabled`. Without a configured model every method resolves undefined at once and
 * Trygg runs on rules alone. Every call counts against the caps; a capped call is not made.
 *
 * What the dialogs call: `triageWithModel` (flow.ts) for each tenant message; `summarize` when a staff card
 * is made; `translate` for staff replies and tenant messages. Everything resolves undefined on failure;
 * nothing here rejects.
 */
import { reportFailure } from './call.ts';
import { classifyWithModel } from './classify.ts';
import { createModelClient, type ModelClient, type ModelClientOptions, type ModelEnv } from './client.ts';
import { createCallLimits, type CallLimitOptions, type CallLimits } from './limits.ts';
import { summarizeForStaff } from './summary.ts';
import { sameLanguage, translateText, type TranslateLanguages } from './translate.ts';
import type { CallContext, ModelLogger, ModelOperation, ModelSuggestion, TranscriptLine } from './types.ts';

export {
  createModelClient,
  DEFAULT_AZURE_DEPLOYMENT,
  DEFAULT_MODEL,
  ModelConfigError,
  type ModelClient,
  type ModelEnv,
} from './client.ts';
export { modelFamily, type ModelFamily } from './family.ts';
export { CLASSIFY_TIMEOUT_MS, classifyWithModel } from './classify.ts';
export {
  consultReason,
  triageWithModel,
  type ConsultReason,
  type ModelTriageOptions,
  type ModelTriageResult,
} from './flow.ts';
export { createCallLimits, type CallLimits, type CallLimitOptions } from './limits.ts';
export { createMasker, maskPersonalData, unmask, type Masked } from './mask.ts';
export { CONFIDENT, mergeTriage, modelSeesDanger, RECATEGORIZE_CONFIDENCE, WELL_COVERED } from './merge.ts';
export { summarizeForStaff } from './summary.ts';
export { translateText, type TranslateLanguages } from './translate.ts';
export type * from './types.ts';

/** What the dialogs call. Every method resolves (never rejects); undefined means "use rules / the original". */
export interface LanguageModel {
  /** False when no model is configured: the methods then resolve undefined without any I/O. */
  readonly enabled: boolean;
  /** The model's reading of a tenant message, to pass to `mergeTriage`. */
  classify(text: string, ctx: CallContext): Promise<ModelSuggestion | undefined>;
  /** A short Swedish summary of a case's transcript for the staff card. */
  summarize(transcript: readonly TranscriptLine[], ctx: CallContext): Promise<string | undefined>;
  /** `text` translated (staff → tenant's language, tenant → `sv`); the text itself when the languages match. */
  translate(text: string, languages: TranslateLanguages, ctx: CallContext): Promise<string | undefined>;
}

/** Options for {@link createLanguageModel}. */
export interface LanguageModelOptions {
  /** Where failures are reported (reason codes, never text). A pino logger fits. */
  logger?: ModelLogger;
  /** Call caps, or a shared `CallLimits`. Defaults: 10 per conversation a day, 25 per sender and 500 an hour. */
  limits?: CallLimitOptions | CallLimits;
  /** A ready client (tests); otherwise one is made from `env`. */
  client?: ModelClient;
  /** Passed to `createModelClient`. */
  clientOptions?: ModelClientOptions;
}

/** The layer with no model: rules alone. */
export const RULES_ONLY: LanguageModel = {
  enabled: false,
  classify: async () => undefined,
  summarize: async () => undefined,
  translate: async () => undefined,
};

function isLimits(l: CallLimitOptions | CallLimits | undefined): l is CallLimits {
  return typeof (l as CallLimits | undefined)?.take === 'function';
}

/**
 * The façade for `env` (`config.env`): {@link RULES_ONLY} when no key is set. Throws `ModelConfigError`
 * only for a configuration that cannot work (half an Azure setup, a base URL that is not a URL).
 */
export function createLanguageModel(env: ModelEnv, options: LanguageModelOptions = {}): LanguageModel {
  const client = options.client ?? createModelClient(env, options.clientOptions);
  if (!client) return RULES_ONLY;
  const { logger } = options;
  const limits = isLimits(options.limits) ? options.limits : createCallLimits(options.limits);

  /** Runs `call` if the caps allow; otherwise logs the cap and resolves undefined. */
  const capped = async <T>(
    op: ModelOperation,
    ctx: CallContext,
    call: () => Promise<T | undefined>,
  ): Promise<T | undefined> => {
    const verdict = await limits.take({
      conversationId: ctx.conversationId,
      ...(ctx.sender ? { sender: ctx.sender } : {}),
    });
    if (!verdict.ok) {
      reportFailure(logger, op, verdict.reason);
      return undefined;
    }
    return call();
  };
  const callOptions = (ctx: CallContext) => ({
    ...(logger ? { logger } : {}),
    ...(ctx.signal ? { signal: ctx.signal } : {}),
    ...(ctx.timeoutMs !== undefined ? { timeoutMs: ctx.timeoutMs } : {}),
  });

  return {
    enabled: true,
    classify: (text, ctx) =>
      text.trim()
        ? capped('classify', ctx, () => classifyWithModel(text, client, callOptions(ctx)))
        : Promise.resolve(undefined),
    summarize: (transcript, ctx) =>
      transcript.some((l) => l.text.trim())
        ? capped('summarize', ctx, () => summarizeForStaff(transcript, client, callOptions(ctx)))
        : Promise.resolve(undefined),
    translate: (text, languages, ctx) =>
      !text.trim() || sameLanguage(languages)
        ? Promise.resolve(text)
        : capped('translate', ctx, () => translateText(text, languages, client, callOptions(ctx))),
  };
}
