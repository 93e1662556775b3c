// The model layer against a loopback fake that rejects what OpenAI and Azure OpenAI reject for each model
// family: every family gets only the parameters it takes (no temperature for reasoning models, the lowest
// reasoning effort each accepts, room for reasoning tokens), on the first request; a deployment whose name
// does not tell its model is adapted to after one rejection, within the same call.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { classifyWithModel } from '../../src/llm/classify.ts';
import {
  createModelClient,
  DEFAULT_AZURE_API_VERSION,
  DEFAULT_AZURE_DEPLOYMENT,
  DEFAULT_MODEL,
} from '../../src/llm/client.ts';
import { modelFamily } from '../../src/llm/family.ts';
import { createLanguageModel } from '../../src/llm/index.ts';
import { startFakeOpenAI, type FakeOpenAI } from './fake-openai.ts';
import { answer, memoryLogger, reasons } from './helpers.ts';

let fake: FakeOpenAI;
beforeEach(async () => {
  fake = await startFakeOpenAI({
    key: 'sk-test',
    answer: (body) =>
      body.response_format.json_schema.name === 'staff_case_summary'
        ? { summary: 'Brand i trapphuset.' }
        : answer({ category: 'disturbance' }),
    deployments: { 'gpt-5.1': 'gpt-5.1', 'gpt-5-mini': 'gpt-5-mini', 'trygg-classify': 'gpt-5-mini' },
  });
});
afterEach(() => fake.close());

const openai = (model?: string) =>
  createModelClient({
    OPENAI_API_KEY: 'sk-test',
    OPENAI_BASE_URL: `${fake.origin}/v1`,
    ...(model ? { OPENAI_MODEL: model } : {}),
  })!;
const azure = (deployment?: string) =>
  createModelClient({
    AZURE_OPENAI_ENDPOINT: `${fake.origin}/`,
    AZURE_OPENAI_API_KEY: 'sk-test',
    ...(deployment ? { AZURE_OPENAI_DEPLOYMENT: deployment } : {}),
  })!;

describe('each model family gets only what it accepts, on the first request', () => {
  it.each([
    ['gpt-4.1-mini', { temperature: 0 }, ['reasoning_effort']],
    ['gpt-5.3-chat', { temperature: 0 }, ['reasoning_effort']],
    ['o4-mini', { reasoning_effort: 'low' }, ['temperature', 'max_tokens']],
    ['o3', { reasoning_effort: 'low' }, ['temperature', 'max_tokens']],
    ['gpt-5-mini', { reasoning_effort: 'minimal' }, ['temperature', 'max_tokens']],
    ['gpt-5.4-mini', { reasoning_effort: 'none' }, ['temperature', 'max_tokens']],
  ])('%s', async (model, sent, absent) => {
    const log = memoryLogger();
    const s = await classifyWithModel('Grannen spelar hög musik', openai(model), { logger: log });
    expect(s).toMatchObject({ category: 'disturbance' });
    expect(fake.requests.map((r) => r.status)).toEqual([200]);
    const body = fake.requests[0]!.body;
    expect(body).toMatchObject({ model, ...sent });
    for (const p of absent) expect(body).not.toHaveProperty(p);
    expect(body.max_completion_tokens).toBeGreaterThanOrEqual(300);
    expect(reasons(log)).toEqual([]);
  });

  it('OpenAI without OPENAI_MODEL uses the current default, a GPT-5.4 mini', async () => {
    expect(DEFAULT_MODEL).toBe('gpt-5.4-mini');
    expect(await classifyWithModel('hej', openai())).toBeDefined();
    expect(fake.requests[0]!.body).toMatchObject({ model: 'gpt-5.4-mini', reasoning_effort: 'none' });
  });

  it('Azure OpenAI: the v1 API at <endpoint>/openai/v1, no dated api-version, the EU data zone default deployment', async () => {
    expect(DEFAULT_AZURE_API_VERSION).toBe('v1');
    expect(DEFAULT_AZURE_DEPLOYMENT).toBe('gpt-5.1');
    const c = azure();
    expect(c.provider).toBe('azure');
    expect(await classifyWithModel('hej', c)).toBeDefined();
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]!.path).toBe('/openai/v1/chat/completions');
    expect(fake.requests[0]!.body).toMatchObject({ model: 'gpt-5.1', reasoning_effort: 'none' });
    expect(fake.requests[0]!.body).not.toHaveProperty('temperature');
  });

  it('summaries and translations go the same way (a reasoning deployment on Azure)', async () => {
    const lm = createLanguageModel({}, { client: azure('gpt-5-mini') });
    expect(await lm.summarize([{ from: 'tenant', text: 'Det brinner' }], { conversationId: 'case:T-1' })).toBe(
      'Brand i trapphuset.',
    );
    expect(fake.requests.map((r) => r.status)).toEqual([200]);
    expect(fake.requests[0]!.body).not.toHaveProperty('temperature');
  });
});

describe('a name that does not tell the family', () => {
  it('is adapted to after one rejection, within the same call, and later calls are right the first time', async () => {
    const log = memoryLogger();
    const c = azure('trygg-classify'); // a GPT-5 mini behind a name of MKB's own
    expect(modelFamily(c.model)).toBe('chat');
    expect(await classifyWithModel('hej', c, { logger: log })).toBeDefined();
    expect(fake.requests.map((r) => r.status)).toEqual([400, 200]);
    expect(fake.requests[1]!.body).not.toHaveProperty('temperature');
    expect(fake.requests[1]!.body.reasoning_effort).toBe('low');
    expect(log.entries.find((e) => e.param === 'temperature')).toMatchObject({ adapted: 'temperature dropped' });
    expect(await classifyWithModel('hej igen', c, { logger: log })).toBeDefined();
    expect(fake.requests.map((r) => r.status)).toEqual([400, 200, 200]);
    // No failure reported: the answers were used.
    expect(log.entries.filter((e) => e.reason)).toEqual([]);
  });

  it('an effort the model does not take becomes low', async () => {
    const c = openai('o4-mini');
    c.tuning.effort = 'none'; // as if the name had been read as a newer family
    expect(await classifyWithModel('hej', c)).toBeDefined();
    expect(fake.requests.map((r) => [r.status, r.body.reasoning_effort])).toEqual([
      [400, 'none'],
      [200, 'low'],
    ]);
  });

  it('gives up (rules decide) on a rejection that names no parameter it can change', async () => {
    const log = memoryLogger();
    expect(await classifyWithModel('hej', openai('no-such-model'), { logger: log })).toBeUndefined();
    expect(fake.requests).toHaveLength(1);
    expect(reasons(log)).toEqual(['http_error']);
  });
});

describe('modelFamily', () => {
  it.each([
    ['gpt-4o-mini', 'chat'],
    ['gpt-4.1', 'chat'],
    ['llama3.1', 'chat'],
    ['gpt-5-chat-latest', 'chat'],
    ['gpt-5.2-chat', 'chat'],
    ['o1', 'o-series'],
    ['o3-mini', 'o-series'],
    ['o4-mini-2025-04-16', 'o-series'],
    ['gpt-5', 'gpt-5'],
    ['gpt-5-nano', 'gpt-5'],
    ['GPT-5-mini', 'gpt-5'],
    ['gpt-5.1', 'gpt-5.1+'],
    ['gpt-5.4-mini', 'gpt-5.1+'],
    ['openai/gpt-5.5', 'gpt-5.1+'],
    ['omni-model', 'chat'],
  ])('%s → %s', (name, family) => expect(modelFamily(name)).toBe(family));
});
