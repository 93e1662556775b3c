// Shared fixtures for the language-model tests: a client against a nock host, chat-completion bodies,
// a capturing logger, and triage builders.
import nock from 'nock';
import { expect } from 'vitest';
import { createModelClient, type ModelClient } from '../../src/llm/client.ts';
import type { ModelLogger, ModelSuggestion } from '../../src/llm/types.ts';
import type { Triage } from '../../src/routing/types.ts';

/** A host only nock answers (real network is off in test/setup.ts). */
export const ORIGIN = 'https://llm.test';
export const BASE_URL = `${ORIGIN}/v1`;
export const PATH = '/v1/chat/completions';

export function testClient(): ModelClient {
  const client = createModelClient({
    OPENAI_API_KEY: 'test-key',
    OPENAI_BASE_URL: BASE_URL,
    OPENAI_MODEL: 'test-model',
  });
  if (!client) throw new Error('no client');
  return client;
}

/** A chat completion whose message content is `content` (objects are JSON-encoded). */
export function completion(content: unknown, extra: { refusal?: string; finish_reason?: string } = {}) {
  return {
    id: 'chatcmpl-test',
    object: 'chat.completion',
    created: 1_700_000_000,
    model: 'test-model',
    choices: [
      {
        index: 0,
        finish_reason: extra.finish_reason ?? 'stop',
        message: {
          role: 'assistant',
          content: extra.refusal ? null : typeof content === 'string' ? content : JSON.stringify(content),
          refusal: extra.refusal ?? null,
        },
      },
    ],
  };
}

/** A valid classification answer, with overrides. */
export function answer(overrides: Partial<ModelSuggestion> = {}): ModelSuggestion {
  return {
    category: 'information',
    danger: null,
    language: 'sv',
    languageCode: 'sv',
    confidence: 0.8,
    domestic: false,
    lockedOut: false,
    details: { address: null, stairwell: null, apartment: null, callback: null },
    ...overrides,
  };
}

/** Chat completion requests sent to the nock host; each request body is pushed to `bodies`. */
export function expectCompletion(reply: () => [number, unknown] | Promise<[number, unknown]>, bodies: any[] = []) {
  return nock(ORIGIN)
    .post(PATH, (body) => {
      bodies.push(body);
      return true;
    })
    .reply(async () => reply());
}

/** Replies after `ms`: the response headers themselves are late (see the timeout tests for why). */
export function late(ms: number, status: number, body: unknown): () => Promise<[number, unknown]> {
  return () => new Promise((resolve) => setTimeout(() => resolve([status, body]), ms));
}

/** A logger that keeps what it is given. */
export function memoryLogger(): ModelLogger & { entries: Record<string, unknown>[] } {
  const entries: Record<string, unknown>[] = [];
  return {
    entries,
    warn: (fields) => void entries.push({ level: 'warn', ...fields }),
    debug: (fields) => void entries.push({ level: 'debug', ...fields }),
  };
}

/** The reasons a logger received, warn level only. */
export const reasons = (log: { entries: Record<string, unknown>[] }) =>
  log.entries.filter((e) => e.level === 'warn').map((e) => e.reason);

/** A rules triage, with overrides. */
export function rulesTriage(overrides: Partial<Triage> = {}): Triage {
  return {
    language: 'sv',
    category: 'unknown',
    danger: null,
    uncertain: false,
    domestic: false,
    lockedOut: false,
    matches: [],
    discounted: [],
    ...overrides,
  };
}

/** The text inside `<tag>…</tag>` of a user message, decoded; and the message with the block removed. */
export function splitDataBlock(content: string, tag: string): { data: unknown; outside: string } {
  const re = new RegExp(`<${tag}>\\n([\\s\\S]*?)\\n</${tag}>`);
  const m = re.exec(content);
  expect(m, `a <${tag}> block`).not.toBeNull();
  expect(content.split(`<${tag}>`).length, 'exactly one block').toBe(2);
  return { data: JSON.parse(m![1]!), outside: content.replace(re, '') };
}
