// createModelClient: off without a key; explicit timeout and no retries; base URL, model and Azure variants.
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { classifyWithModel } from '../../src/llm/classify.ts';
import {
  CLIENT_TIMEOUT_MS,
  createModelClient,
  DEFAULT_AZURE_DEPLOYMENT,
  DEFAULT_MODEL,
  ModelConfigError,
} from '../../src/llm/client.ts';
import { createLanguageModel, RULES_ONLY } from '../../src/llm/index.ts';
import { answer, completion } from './helpers.ts';

describe('createModelClient', () => {
  it('is undefined without a key, and the façade is then rules-only and silent', async () => {
    expect(createModelClient({})).toBeUndefined();
    expect(createModelClient({ OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1', OPENAI_MODEL: 'x' })).toBeUndefined();
    const lm = createLanguageModel({});
    expect(lm).toBe(RULES_ONLY);
    expect(lm.enabled).toBe(false);
    expect(await lm.classify('det brinner', { conversationId: 'c' })).toBeUndefined();
    expect(await lm.summarize([{ from: 'tenant', text: 'hej' }], { conversationId: 'c' })).toBeUndefined();
    expect(await lm.translate('hej', { to: 'en' }, { conversationId: 'c' })).toBeUndefined();
  });

  it('sets its own timeout and no retries (the SDK would wait 10 minutes and retry twice)', () => {
    const c = createModelClient({ OPENAI_API_KEY: 'k' })!;
    expect(c.openai.timeout).toBe(CLIENT_TIMEOUT_MS);
    expect(c.openai.maxRetries).toBe(0);
    expect(c.openai.baseURL).toBe('https://api.openai.com/v1');
    expect(c.model).toBe(DEFAULT_MODEL);
    expect(c.provider).toBe('openai');
  });

  it('uses OPENAI_BASE_URL and OPENAI_MODEL for any OpenAI-compatible server', async () => {
    const c = createModelClient({
      OPENAI_API_KEY: 'local',
      OPENAI_BASE_URL: 'https://local-llm.test/v1',
      OPENAI_MODEL: 'llama3.1',
    })!;
    expect(c.openai.baseURL).toBe('https://local-llm.test/v1');
    let model: unknown;
    const scope = nock('https://local-llm.test', { reqheaders: { authorization: 'Bearer local' } })
      .post('/v1/chat/completions', (b) => ((model = b.model), true))
      .reply(200, completion(answer()));
    expect(await classifyWithModel('hej', c)).toBeDefined();
    expect(scope.isDone()).toBe(true);
    expect(model).toBe('llama3.1');
  });

  it('uses Azure OpenAI with endpoint, key and deployment (and wins over OPENAI_API_KEY), through the v1 API', async () => {
    const c = createModelClient({
      OPENAI_API_KEY: 'ignored',
      AZURE_OPENAI_ENDPOINT: 'https://mkb-trygg.openai.azure.test/',
      AZURE_OPENAI_API_KEY: 'azure-key',
      AZURE_OPENAI_DEPLOYMENT: 'trygg-mini',
    })!;
    expect(c.provider).toBe('azure');
    expect(c.model).toBe('trygg-mini');
    expect(c.openai.maxRetries).toBe(0);
    let query = '';
    const scope = nock('https://mkb-trygg.openai.azure.test', { reqheaders: { authorization: 'Bearer azure-key' } })
      .post('/openai/v1/chat/completions', (b) => b.model === 'trygg-mini')
      .query((q) => ((query = JSON.stringify(q)), true))
      .reply(200, completion(answer()));
    expect(await classifyWithModel('hej', c)).toBeDefined();
    expect(scope.isDone()).toBe(true);
    expect(query).toBe('{}');
  });

  it('still speaks a dated Azure API version when asked to (deployment in the path, api-key header)', async () => {
    const c = createModelClient(
      { AZURE_OPENAI_ENDPOINT: 'https://mkb-trygg.openai.azure.test', AZURE_OPENAI_API_KEY: 'azure-key' },
      { azureApiVersion: '2025-04-01-preview' },
    )!;
    expect(c.model).toBe(DEFAULT_AZURE_DEPLOYMENT);
    const scope = nock('https://mkb-trygg.openai.azure.test', { reqheaders: { 'api-key': 'azure-key' } })
      .post(`/openai/deployments/${DEFAULT_AZURE_DEPLOYMENT}/chat/completions`)
      .query({ 'api-version': '2025-04-01-preview' })
      .reply(200, completion(answer()));
    expect(await classifyWithModel('hej', c)).toBeDefined();
    expect(scope.isDone()).toBe(true);
  });

  it('stops start-up on half an Azure configuration or a base URL that is not a URL', () => {
    expect(() => createModelClient({ AZURE_OPENAI_ENDPOINT: 'https://x.test' })).toThrow(ModelConfigError);
    expect(() => createModelClient({ AZURE_OPENAI_API_KEY: 'k' })).toThrow(
      /AZURE_OPENAI_ENDPOINT and AZURE_OPENAI_API_KEY/,
    );
    expect(() => createModelClient({ OPENAI_API_KEY: 'k', OPENAI_BASE_URL: 'localhost:8080' })).toThrow(
      /OPENAI_BASE_URL/,
    );
  });
});
