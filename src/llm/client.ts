/**
 * The model client: an `openai` client configured from the environment, or undefined when no model is
 * configured (then Trygg works on rules alone).
 *
 * - OpenAI or any OpenAI-compatible server: `OPENAI_API_KEY` (+ `OPENAI_BASE_URL`, `OPENAI_MODEL`).
 * - Azure OpenAI: `AZURE_OPENAI_ENDPOINT` + `AZURE_OPENAI_API_KEY` (+ `AZURE_OPENAI_DEPLOYMENT`), through the
 *   v1 API; wins when set.
 *
 * The SDK's defaults (10 minutes, 2 retries) are unsafe for a chat that must answer in seconds: the
 * timeout is explicit and retries are off. Each call also sets its own, shorter limit.
 */
import OpenAI, { AzureOpenAI } from 'openai';
import type { Config } from '../config.ts';
import { modelFamily, tuningFor, type Tuning } from './family.ts';

/** The environment variables this layer reads (already parsed by `src/config.ts`). */
export type ModelEnv = Partial<
  Pick<
    Config['env'],
    | 'OPENAI_API_KEY'
    | 'OPENAI_BASE_URL'
    | 'OPENAI_MODEL'
    | 'AZURE_OPENAI_ENDPOINT'
    | 'AZURE_OPENAI_API_KEY'
    | 'AZURE_OPENAI_DEPLOYMENT'
  >
>;

/**
 * Model used with OpenAI when `OPENAI_MODEL` is not set: OpenAI's small, fast current model (GPT-5.4 mini,
 * 2026-03-17), with Structured Outputs; asked with reasoning effort `none` (see family.ts).
 */
export const DEFAULT_MODEL = 'gpt-5.4-mini';
/**
 * Azure OpenAI deployment used when `AZURE_OPENAI_DEPLOYMENT` is not set: name the deployment after its
 * model. The default is GPT-5.1 (2025-11-13), the newest GPT model offered as Data Zone Standard in the EU
 * data zone (Sweden Central, France Central) as of November 2026, so that prompts stay in the EU. Check
 * the model's retirement date (not before May 2027 at the time of writing) when deploying.
 */
export const DEFAULT_AZURE_DEPLOYMENT = 'gpt-5.1';
/**
 * Azure OpenAI API version: the v1 API (generally available since August 2025), which takes no dated
 * `api-version` and follows the OpenAI API, served at `<endpoint>/openai/v1`.
 */
export const DEFAULT_AZURE_API_VERSION = 'v1';
/** Upper bound for any single request, whatever the operation asks; operations set shorter ones. */
export const CLIENT_TIMEOUT_MS = 10_000;

/** A configured model: the SDK client and the model (or Azure deployment) name. */
export interface ModelClient {
  openai: OpenAI;
  /** Model name sent with each request (for Azure, the deployment). */
  model: string;
  provider: 'openai' | 'azure';
  /** Which parameters the model takes (from its family, then from what it rejected); changes as it learns. */
  tuning: Tuning;
}

/** Options for {@link createModelClient}. */
export interface ModelClientOptions {
  /** Client-wide request time limit in ms (default {@link CLIENT_TIMEOUT_MS}). */
  timeoutMs?: number;
  /** Azure OpenAI API version: `v1` (default, {@link DEFAULT_AZURE_API_VERSION}) or a dated one. */
  azureApiVersion?: string;
}

/** Model settings that cannot work together: names the variables and what to do. */
export class ModelConfigError extends Error {
  constructor(message: string) {
    super(`Language model configuration is not valid: ${message}`);
    this.name = 'ModelConfigError';
  }
}

function checkUrl(name: string, value: string): void {
  const protocol = URL.canParse(value) ? new URL(value).protocol : '';
  if (protocol !== 'https:' && protocol !== 'http:')
    throw new ModelConfigError(`${name} is not an http(s) URL (${value.slice(0, 80)}); give e.g. https://host/v1`);
}

/**
 * The client for `env`, or undefined when no key is set. Throws {@link ModelConfigError} for half an Azure
 * configuration or a base URL that is not a URL, so start-up stops with the variable to fix.
 */
export function createModelClient(env: ModelEnv, options: ModelClientOptions = {}): ModelClient | undefined {
  const timeout = options.timeoutMs ?? CLIENT_TIMEOUT_MS;
  // Explicit so the SDK neither retries, nor waits 10 minutes, nor logs request bodies when OPENAI_LOG is set.
  const common = { timeout, maxRetries: 0, logLevel: 'off' as const };
  const azureEndpoint = env.AZURE_OPENAI_ENDPOINT;
  const azureKey = env.AZURE_OPENAI_API_KEY;
  if (azureEndpoint || azureKey) {
    if (!azureEndpoint || !azureKey)
      throw new ModelConfigError('set both AZURE_OPENAI_ENDPOINT and AZURE_OPENAI_API_KEY, or neither');
    checkUrl('AZURE_OPENAI_ENDPOINT', azureEndpoint);
    const deployment = env.AZURE_OPENAI_DEPLOYMENT ?? env.OPENAI_MODEL ?? DEFAULT_AZURE_DEPLOYMENT;
    const apiVersion = options.azureApiVersion ?? DEFAULT_AZURE_API_VERSION;
    const root = `${azureEndpoint.replace(/\/+$/, '')}/openai`;
    // The v1 API is the OpenAI API at <endpoint>/openai/v1, keyed like OpenAI; a dated version needs the
    // Azure client (deployment in the path, `api-version` in the query).
    const openai =
      apiVersion === 'v1'
        ? new OpenAI({ ...common, baseURL: `${root}/v1`, apiKey: azureKey, organization: null, project: null })
        : new AzureOpenAI({ ...common, baseURL: root, apiKey: azureKey, apiVersion, deployment });
    return { openai, model: deployment, provider: 'azure', tuning: tuningFor(modelFamily(deployment)) };
  }
  if (!env.OPENAI_API_KEY) return undefined;
  if (env.OPENAI_BASE_URL) checkUrl('OPENAI_BASE_URL', env.OPENAI_BASE_URL);
  const openai = new OpenAI({
    ...common,
    apiKey: env.OPENAI_API_KEY,
    baseURL: env.OPENAI_BASE_URL ?? 'https://api.openai.com/v1',
    organization: null,
    project: null,
  });
  const model = env.OPENAI_MODEL ?? DEFAULT_MODEL;
  return { openai, model, provider: 'openai', tuning: tuningFor(modelFamily(model)) };
}
