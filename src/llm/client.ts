/**
 * The model client: an `openai` client configured from the environment, or undefined when no model is
 * configured (then Trygg works on rules alone).
 *
 * - OpenAI or any OpenAI-compatible server: `OPENAI_API_KEY` (+ `OPENAI_BASE_URL`, `OPENAI_MODEL`).
 * - Azure OpenAI: `AZURE_OPENAI_ENDPOINT` + `AZURE_OPENAI_API_KEY` (+ `AZURE_OPENAI_DEPLOYMENT`); wins when set.
 *
 * The SDK's defaults (10 minutes, 2 retries) are unsafe for a chat that must answer in seconds: the
 * timeout is explicit and retries are off. Each call also sets its own, shorter limit.
 */
import OpenAI, { AzureOpenAI } from 'openai';
import type { Config } from '../config.ts';

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

/** Model used when `OPENAI_MODEL` is not set: small, fast, supports Structured Outputs. */
export const DEFAULT_MODEL = 'gpt-4o-mini';
/** Azure OpenAI API version: GA, with Structured Outputs. */
export const DEFAULT_AZURE_API_VERSION = '2024-10-21';
/** Upper bound for any single request, whatever the operation asks; operations set shorter ones. */
export const CLIENT_TIMEOUT_MS = 10_000;

/** A configured model: the SDK client and the model (or Azure deployment) name. */
export interface ModelClient {
  openai: OpenAI;
  /** Model name sent with each request (for Azure, the deployment). */
  model: string;
  provider: 'openai' | 'azure';
}

/** Options for {@link createModelClient}. */
export interface ModelClientOptions {
  /** Client-wide request time limit in ms (default {@link CLIENT_TIMEOUT_MS}). */
  timeoutMs?: number;
  /** Azure OpenAI API version (default {@link DEFAULT_AZURE_API_VERSION}). */
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
    const deployment = env.AZURE_OPENAI_DEPLOYMENT ?? env.OPENAI_MODEL ?? DEFAULT_MODEL;
    const openai = new AzureOpenAI({
      ...common,
      // baseURL rather than `endpoint`, so the SDK does not also read OPENAI_BASE_URL from the environment.
      baseURL: `${azureEndpoint.replace(/\/+$/, '')}/openai`,
      apiKey: azureKey,
      apiVersion: options.azureApiVersion ?? DEFAULT_AZURE_API_VERSION,
      deployment,
    });
    return { openai, model: deployment, provider: 'azure' };
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
  return { openai, model: env.OPENAI_MODEL ?? DEFAULT_MODEL, provider: 'openai' };
}
