// classifyWithModel against a nock host: the request it sends, and every way the answer can fail.
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { CLASSIFY_JSON_SCHEMA, CLASSIFY_SYSTEM_PROMPT, classifyWithModel } from '../../src/llm/classify.ts';
import { CATEGORIES, DANGER_KINDS } from '../../src/routing/types.ts';
import {
  answer,
  completion,
  expectCompletion,
  late,
  memoryLogger,
  ORIGIN,
  PATH,
  reasons,
  splitDataBlock,
  testClient,
} from './helpers.ts';

describe('classifyWithModel', () => {
  it('happy path: a Structured Outputs request with the fixed prompt, the text as data, and a validated answer', async () => {
    const bodies: any[] = [];
    const scope = expectCompletion(
      () => [
        200,
        completion(answer({ category: 'disturbance', confidence: 0.85, language: 'so', languageCode: 'so' })),
      ],
      bodies,
    );
    const log = memoryLogger();
    const s = await classifyWithModel('Deriska ayaa qeylinaya habeenkii oo dhan', testClient(), { logger: log });
    expect(scope.isDone()).toBe(true);
    expect(s).toMatchObject({
      category: 'disturbance',
      danger: null,
      language: 'so',
      languageCode: 'so',
      confidence: 0.85,
    });
    expect(reasons(log)).toEqual([]);

    const body = bodies[0];
    expect(body.model).toBe('test-model');
    expect(body.temperature).toBe(0);
    expect(body.response_format).toEqual({
      type: 'json_schema',
      json_schema: { name: 'tenant_message_triage', strict: true, schema: CLASSIFY_JSON_SCHEMA },
    });
    expect(body.messages).toHaveLength(2);
    expect(body.messages[0]).toEqual({ role: 'system', content: CLASSIFY_SYSTEM_PROMPT });
    expect(body.messages[1].role).toBe('user');
    expect(splitDataBlock(body.messages[1].content, 'tenant_message').data).toEqual({
      text: 'Deriska ayaa qeylinaya habeenkii oo dhan',
    });
  });

  it('the strict schema lists exactly the core categories and danger kinds, every field required, no extras', () => {
    const props = CLASSIFY_JSON_SCHEMA.properties as Record<string, { enum?: unknown[] }>;
    expect(props.category!.enum).toEqual([...CATEGORIES]);
    expect(props.danger!.enum).toEqual([...DANGER_KINDS, null]);
    expect(CLASSIFY_JSON_SCHEMA.required).toEqual(Object.keys(props));
    expect(CLASSIFY_JSON_SCHEMA.additionalProperties).toBe(false);
  });

  it('masks phone numbers, e-mail addresses and personal identity numbers before sending', async () => {
    const bodies: any[] = [];
    const scope = expectCompletion(() => [200, completion(answer())], bodies);
    await classifyWithModel('Ring mig på 070-123 45 67 eller anna@example.se, pnr 850101-1234', testClient());
    expect(scope.isDone()).toBe(true);
    const raw = JSON.stringify(bodies[0]);
    for (const secret of ['070-123 45 67', '0701234567', 'anna@example.se', '850101-1234'])
      expect(raw).not.toContain(secret);
    expect(splitDataBlock(bodies[0].messages[1].content, 'tenant_message').data).toEqual({
      text: 'Ring mig på [phone-1] eller [email-1], pnr [pnr-1]',
    });
  });

  it('masks before cutting a long message, so a cut never leaves part of a number behind', async () => {
    const bodies: any[] = [];
    const scope = expectCompletion(() => [200, completion(answer())], bodies);
    await classifyWithModel(`${'a'.repeat(1_995)} 070-123 45 67 och mer`, testClient());
    expect(scope.isDone()).toBe(true);
    const sent = (splitDataBlock(bodies[0].messages[1].content, 'tenant_message').data as { text: string }).text;
    expect(sent).toHaveLength(2_000);
    expect(sent).not.toMatch(/\d/);
  });

  it('extracts address, stairwell, flat and callback as written, restores masked values locally, drops invented ones', async () => {
    const details = {
      address: 'Rosengårdsgatan 12',
      stairwell: 'uppgång B',
      apartment: 'Storgatan 1',
      callback: 'ring [phone-1] efter 8',
    };
    const scope = expectCompletion(() => [200, completion(answer({ category: 'urgent_fault', details }))]);
    const s = await classifyWithModel(
      'Vatten forsar, Rosengardsgatan 12 uppgång B. Ring 0701234567 efter 8',
      testClient(),
    );
    expect(scope.isDone()).toBe(true);
    expect(s?.details).toEqual({
      address: 'Rosengårdsgatan 12',
      stairwell: 'uppgång B',
      apartment: null,
      callback: 'ring 0701234567 efter 8',
    });
  });

  it('timeout: a server slower than the limit gives undefined, logged as timeout, within the limit', async () => {
    // nock's `.delay()` only holds back the end of the body, and aborting a fetch while it waits trips an
    // undici assertion; a reply function that answers late holds back the headers, like a slow server.
    const scope = nock(ORIGIN)
      .post(PATH)
      .reply(late(1_500, 200, completion(answer())));
    const log = memoryLogger();
    const t0 = performance.now();
    const s = await classifyWithModel('hej', testClient(), { logger: log, timeoutMs: 300 });
    const ms = performance.now() - t0;
    expect(scope.isDone()).toBe(true);
    expect(s).toBeUndefined();
    expect(reasons(log)).toEqual(['timeout']);
    expect(ms).toBeLessThan(1_400); // before the server's 1.5 s answer
  });

  it('the default limit is 2.5 s', async () => {
    const scope = nock(ORIGIN)
      .post(PATH)
      .reply(late(4_000, 200, completion(answer())));
    const log = memoryLogger();
    const t0 = performance.now();
    expect(await classifyWithModel('hej', testClient(), { logger: log })).toBeUndefined();
    const ms = performance.now() - t0;
    expect(scope.isDone()).toBe(true);
    expect(reasons(log)).toEqual(['timeout']);
    expect(ms).toBeGreaterThanOrEqual(2_400);
    expect(ms).toBeLessThan(3_900); // before the server's 4 s answer
  });

  it('a caller abort gives undefined, logged as aborted', async () => {
    const scope = nock(ORIGIN)
      .post(PATH)
      .reply(late(1_500, 200, completion(answer())));
    const log = memoryLogger();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    expect(await classifyWithModel('hej', testClient(), { logger: log, signal: controller.signal })).toBeUndefined();
    expect(scope.isDone()).toBe(true);
    expect(reasons(log)).toEqual(['aborted']);
  });

  const failures: Array<[string, () => nock.Scope, string]> = [
    [
      'HTTP 500',
      () =>
        nock(ORIGIN)
          .post(PATH)
          .reply(500, { error: { message: 'boom' } }),
      'server_error',
    ],
    ['HTTP 503', () => nock(ORIGIN).post(PATH).reply(503, 'unavailable'), 'server_error'],
    [
      'HTTP 429',
      () =>
        nock(ORIGIN)
          .post(PATH)
          .reply(429, { error: { message: 'slow down' } }, { 'retry-after': '1' }),
      'rate_limited',
    ],
    [
      'HTTP 400',
      () =>
        nock(ORIGIN)
          .post(PATH)
          .reply(400, { error: { message: 'bad' } }),
      'http_error',
    ],
    ['a network error', () => nock(ORIGIN).post(PATH).replyWithError('socket hang up'), 'network'],
    [
      'a response body that is not JSON',
      () => nock(ORIGIN).post(PATH).reply(200, '{"id": "x", "choices": [', { 'content-type': 'application/json' }),
      'invalid_json',
    ],
    [
      'content that is not JSON',
      () => nock(ORIGIN).post(PATH).reply(200, completion('{"category": "information", ')),
      'invalid_json',
    ],
    [
      'content that is prose',
      () => nock(ORIGIN).post(PATH).reply(200, completion('Sure! This is information.')),
      'invalid_json',
    ],
    [
      'a category outside the schema',
      () =>
        nock(ORIGIN)
          .post(PATH)
          .reply(200, completion({ ...answer(), category: 'office' })),
      'schema',
    ],
    [
      'a danger kind outside the schema',
      () =>
        nock(ORIGIN)
          .post(PATH)
          .reply(200, completion({ ...answer(), danger: 'flood' })),
      'schema',
    ],
    [
      'a missing field',
      () =>
        nock(ORIGIN)
          .post(PATH)
          .reply(200, completion({ category: 'information', confidence: 1 })),
      'schema',
    ],
    [
      'an extra field',
      () =>
        nock(ORIGIN)
          .post(PATH)
          .reply(200, completion({ ...answer(), route: 'office' })),
      'schema',
    ],
    [
      'a confidence above 1',
      () =>
        nock(ORIGIN)
          .post(PATH)
          .reply(200, completion({ ...answer(), confidence: 1.5 })),
      'schema',
    ],
    [
      'a refusal',
      () =>
        nock(ORIGIN)
          .post(PATH)
          .reply(200, completion(null, { refusal: "I'm sorry, I can't help with that." })),
      'refusal',
    ],
    [
      'a truncated answer',
      () =>
        nock(ORIGIN)
          .post(PATH)
          .reply(200, completion('{"category":', { finish_reason: 'length' })),
      'truncated',
    ],
    [
      'a content filter stop',
      () =>
        nock(ORIGIN)
          .post(PATH)
          .reply(200, completion('', { finish_reason: 'content_filter' })),
      'content_filter',
    ],
    ['an empty answer', () => nock(ORIGIN).post(PATH).reply(200, completion('')), 'empty'],
    [
      'no choices',
      () =>
        nock(ORIGIN)
          .post(PATH)
          .reply(200, { ...completion(answer()), choices: [] }),
      'invalid_response',
    ],
  ];
  it.each(failures)('%s → undefined, logged with a reason code and no text', async (_name, arrange, reason) => {
    const scope = arrange();
    const log = memoryLogger();
    const s = await classifyWithModel('Secret words 040-12 34 56', testClient(), { logger: log });
    expect(scope.isDone()).toBe(true);
    expect(s).toBeUndefined();
    expect(reasons(log)).toEqual([reason]);
    const logged = JSON.stringify(log.entries);
    expect(logged).not.toMatch(/Secret|040|boom|sorry/);
  });

  it('makes exactly one request: no retries on 429 or 5xx', async () => {
    const scope = nock(ORIGIN).post(PATH).reply(500, {}).post(PATH).reply(200, completion(answer()));
    expect(await classifyWithModel('hej', testClient())).toBeUndefined();
    expect(scope.pendingMocks()).toHaveLength(1);
  });
});
