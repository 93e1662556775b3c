// Erasure reaches Teams (issue 19, finding 10): `trygg forget` and `trygg purge` turn the case's card into a
// stub and delete the bot's posts in its thread, through the outbox, from the CLI's process to the server's
// worker. And a model's summary and translations reach staff without links (finding 5).
import { afterEach, describe, expect, it } from 'vitest';
import type { LanguageModel } from '../../../src/llm/index.ts';
import { runCli } from '../../cli/cli-helpers.ts';
import { caseWithCard, type Harness, NOW, startHarness, until } from './teams-harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** The card update (PUT) and the post deletions (DELETE) the redaction of a thread sends. */
async function redactionOf(harness: Harness, threadId: string, cardId: string) {
  const put = await until(() =>
    harness.teams
      .accepted(new RegExp(`/v3/conversations/${threadId}/activities/${cardId}$`))
      .find((s) => s.method === 'PUT' && /uppgifterna är raderade/.test(JSON.stringify(s.body))),
  );
  return { put, deletes: () => harness.teams.sent.filter((s) => s.method === 'DELETE').map((s) => s.path) };
}

describe('erasure reaches Teams', () => {
  it('trygg forget: the card becomes a stub, the bot’s thread posts are deleted, from the CLI', async () => {
    h = await startHarness();
    await h.staffSays('register trygghetsjour');
    const { kase, posted } = await caseWithCard(h);
    await h.tenantSays('Tack, nu är det lugnare. Nås på 070 123 45 67');
    await until(() =>
      h!.teams
        .accepted(/activities/)
        .find((s) => /Hyresgästen skriver: Tack, nu är det lugnare/.test(String(s.body.text))),
    );
    await until(async () => ((await h!.app.store.outbox.list({ status: 'pending' })).length === 0 ? true : undefined));

    const forget = await runCli(['forget', '--phone', '+46 70 123 45 67'], {
      env: { DATA_DIR: h.dataDir },
      now: NOW.toISOString(),
    });
    expect(forget.code).toBe(0);
    expect(JSON.parse(forget.out)).toMatchObject({ cases: 1, teamsCards: 1 });

    const { put, deletes } = await redactionOf(h, posted.threadId, posted.messageId);
    const stub = JSON.stringify(put.body);
    expect(stub).toContain(kase.id);
    expect(stub).toMatch(/på begäran/);
    expect(stub).not.toMatch(/Storgatan|070|Jag tar det|musik/);
    await until(() => (deletes().length ? true : undefined));
    expect(deletes()).toHaveLength(1);
    expect(deletes()[0]).toMatch(new RegExp(`/v3/conversations/${posted.threadId}/activities/sent-\\d+$`));
  });

  it('trygg purge: an old case’s card becomes a stub too', async () => {
    h = await startHarness();
    await h.staffSays('register trygghetsjour');
    const { kase, posted } = await caseWithCard(h);
    // Three days on, the channel is registered anew: configuration this recent survives even today's purge,
    // which also deletes old registrations (issue 19, finding 2, fixed on its own branch).
    const later = new Date(NOW.getTime() + 3 * 86_400_000);
    h.setNow(later);
    await h.staffSays('register trygghetsjour');
    const purge = await runCli(['purge', '--days', '1'], { env: { DATA_DIR: h.dataDir }, now: later.toISOString() });
    expect(purge.code).toBe(0);
    expect(await h.app.store.cases.get(kase.id)).toBeUndefined();
    const { put } = await redactionOf(h, posted.threadId, posted.messageId);
    expect(JSON.stringify(put.body)).toMatch(/gallringen/);
  });
});

describe('model output reaches staff without links', () => {
  it('the summary on the card and a translation in the thread', async () => {
    const model: LanguageModel = {
      enabled: true,
      classify: async () => undefined,
      summarize: async () =>
        'Störning hos granne. [Logga in här](https://127.0.0.2/phish) ![bild](https://127.0.0.2/x.png) se www.mkb-login.test',
      translate: async () => 'Översatt: <a href="https://127.0.0.2/">MKB</a> https://127.0.0.2/y',
    };
    h = await startHarness({ model });
    await h.staffSays('register trygghetsjour');
    const { card, kase } = await caseWithCard(h, [
      'my neighbour is playing very loud music',
      'no',
      'Storgatan 5, entrance B',
      '070-123 45 67',
    ]);
    const text = JSON.stringify(card);
    expect(text).toContain('Störning hos granne');
    expect(text).toContain('Logga in här');
    expect(text).not.toMatch(/127\.0\.0\.2|www\.|phish|\]\(/);
    expect((await h.app.store.cases.get(kase.id))!.summary).not.toMatch(/127\.0\.0\.2/);

    expect(kase.language).toBe('en');
    await h.tenantSays('Thank you, it is quieter now');
    const post = await until(() =>
      h!.teams.accepted(/activities/).find((s) => /Hyresgästen skriver: Thank you/.test(String(s.body.text))),
    );
    expect(String(post.body.text)).toContain('Översatt: MKB');
    expect(String(post.body.text)).not.toMatch(/127\.0\.0\.2|<a /);
  });
});
