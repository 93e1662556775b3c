/**
 * Which request parameters a model accepts, by model family, read from the model (or Azure deployment) name.
 * Reasoning models reject what chat models take: a `temperature` other than 1 (400 `unsupported_value`) and
 * `max_tokens` (400 `unsupported_parameter`); chat models reject `reasoning_effort`. Each family gets only
 * what it accepts, with the lowest reasoning effort it accepts, for latency (a tenant is waiting):
 *
 * | family     | names                                   | temperature | reasoning_effort | completion budget   |
 * |------------|-----------------------------------------|-------------|------------------|---------------------|
 * | `chat`     | gpt-4o, gpt-4.1, gpt-5.x-chat, others   | 0           | not sent         | the answer's        |
 * | `o-series` | o1, o3, o3-mini, o4-mini                | not sent    | `low`            | + reasoning tokens  |
 * | `gpt-5`    | gpt-5, gpt-5-mini, gpt-5-nano           | not sent    | `minimal`        | + reasoning tokens  |
 * | `gpt-5.1+` | gpt-5.1, gpt-5.2, gpt-5.4-mini, …       | not sent    | `none`           | the answer's        |
 *
 * A name that does not tell (an Azure deployment called `trygg-prod`) is taken as `chat`. Whatever the
 * family, a 400 that names one of these parameters teaches the client to send it differently
 * ({@link adaptTo}), and the call is retried at once within its deadline; later calls send what works.
 */

/** A model family: see the module comment. */
export type ModelFamily = 'chat' | 'o-series' | 'gpt-5' | 'gpt-5.1+';

/** The reasoning efforts Trygg asks for: the lowest a family accepts. */
export type Effort = 'none' | 'minimal' | 'low';

/** How requests to one client are tuned; starts from the family and changes with what the service rejects. */
export interface Tuning {
  family: ModelFamily;
  /** The model reasons before it answers (its reasoning counts against the completion limit). */
  reasoning: boolean;
  /** `temperature: 0` is sent. */
  temperature: boolean;
  /** The reasoning effort sent, or none at all. */
  effort: Effort | undefined;
  /** The name of the completion-length parameter the service takes. */
  tokens: 'max_completion_tokens' | 'max_tokens';
}

/** The family of a model or deployment name (a provider prefix such as `openai/` is ignored). */
export function modelFamily(name: string): ModelFamily {
  const model = name.toLowerCase().split('/').at(-1) ?? '';
  if (/^o\d+(?:-|$)/.test(model)) return 'o-series';
  if (/^gpt-5(?:\.\d+)?-chat/.test(model)) return 'chat';
  if (/^gpt-5\.\d+/.test(model)) return 'gpt-5.1+';
  if (/^gpt-5(?:-|$)/.test(model)) return 'gpt-5';
  return 'chat';
}

/** Reasoning tokens allowed on top of the answer's, by effort (`undefined`: the service's default, medium). */
const BUDGET: Record<Effort | 'default', number> = { none: 0, minimal: 1_024, low: 2_048, default: 4_096 };

/** The tuning a family starts with. */
export function tuningFor(family: ModelFamily): Tuning {
  const effort: Effort | undefined =
    family === 'o-series' ? 'low' : family === 'gpt-5' ? 'minimal' : family === 'gpt-5.1+' ? 'none' : undefined;
  return {
    family,
    reasoning: family !== 'chat',
    temperature: family === 'chat',
    effort,
    tokens: 'max_completion_tokens',
  };
}

/** The tuned parameters of one request for an answer of up to `answerTokens`. */
export function tunedParams(t: Tuning, answerTokens: number): Record<string, unknown> {
  return {
    ...(t.temperature ? { temperature: 0 } : {}),
    ...(t.effort ? { reasoning_effort: t.effort } : {}),
    [t.tokens]: answerTokens + (t.reasoning ? BUDGET[t.effort ?? 'default'] : 0),
  };
}

/** What a 400 said about the request, as the OpenAI and Azure OpenAI APIs report it. */
export interface Rejection {
  status?: number;
  /** The parameter it names (`temperature`, `reasoning_effort`, `max_tokens`, …). */
  param?: string | null;
  /** `unsupported_value`, `unsupported_parameter`, … */
  code?: string | null;
}

/**
 * Changes the tuning after a 400 that names one of its parameters, and says what changed (undefined when
 * nothing can: the call is not retried):
 * - `temperature`: dropped; a model that refuses it is a reasoning model, so effort `low` is asked for;
 * - `reasoning_effort`: an effort the model does not take becomes `low` (which every reasoning model
 *   takes), and otherwise none is sent;
 * - `max_tokens` and `max_completion_tokens`: swapped.
 */
export function adaptTo(t: Tuning, r: Rejection): string | undefined {
  if (r.status !== 400 || !r.param) return undefined;
  const param = r.param === 'reasoning.effort' ? 'reasoning_effort' : r.param;
  if (param === 'temperature' && t.temperature) {
    t.temperature = false;
    if (!t.reasoning) Object.assign(t, { reasoning: true, effort: 'low' });
    return 'temperature dropped';
  }
  if (param === 'reasoning_effort' && t.effort) {
    t.effort = t.effort !== 'low' && r.code === 'unsupported_value' ? 'low' : undefined;
    return t.effort ? 'reasoning_effort low' : 'reasoning_effort dropped';
  }
  if (param === t.tokens) {
    t.tokens = t.tokens === 'max_tokens' ? 'max_completion_tokens' : 'max_tokens';
    return t.tokens;
  }
  return undefined;
}
