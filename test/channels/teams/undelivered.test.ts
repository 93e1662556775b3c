// A case must never be marked delivered without reaching Teams. The registrations survive the retention job;
// a case whose route has no channel, or whose card Teams refuses for good, raises an alert (a log line with
// a stable code, a notice in the incidents channel, and the tenant told to call) and, when it can still be
// delivered, waits for it; the model's summary is written once, however often the card is retried.
import { afterEach, describe, expect, it } from 'vitest';
import type { LanguageModel } from '../../../src/llm/index.ts';
import { startHarness, until, type Harness } from './outbox-harness.ts';

let h: Harness;
afterEach(async () => {
  await h.close();
});

type Post = { body: { activity?: { attachments?: unknown[] } } };
const caseCards = () => h.cardPosts().filter((p) => (p as Post).body.activity?.attachments);
/** Alert notices: new threads in the incidents channel. */
const notices = () =>
  h.teams.accepted(/activities/).filter((p) => /^Varning/.test(String((p.body as { text?: string }).text)));
const noticeText = (p: ReturnType<typeof notices>[number]) => String((p.body as { text?: string }).text);
const alerts = (code: string) => h.logs.filter((l) => l.alert === code);
const DAY = 86_400_000;

describe('cards that cannot be delivered', () => {
  it('the retention job never deletes the channel registrations: a case after retention.days still gets its card', async () => {
    h = await startHarness({ jobs: { pollMs: 20 } });
    await h.teamsMessage('register trygghetsjour');
    await h.tenantSays('hej', 'web-before-retention');
    await until(() => h.logs.find((l) => l.msg === 'retention purge'));

    // 91 days on (retention is 90): the purge job runs again and deletes what is older, registrations not.
    h.clock.advance(91 * DAY);
    const purge = await until(() =>
      h.logs.filter((l) => l.msg === 'retention purge').length >= 2
        ? (h.logs.filter((l) => l.msg === 'retention purge').at(-1) as { counts: { state: number } })
        : undefined,
    );
    expect(purge.counts.state).toBeGreaterThanOrEqual(1); // the tenant's conversation state went

    await h.onDuty();
    await h.reportDisturbance('web-after-retention');
    await until(() => (caseCards().length ? true : undefined));
    await h.drained();
    expect(caseCards()).toHaveLength(1);
    expect(alerts('TRYGG_ALERT_NO_CHANNEL')).toEqual([]);
  });

  it('a route without a channel: an alert, the case waits (pending), the tenant and operators are told; registering delivers it', async () => {
    h = await startHarness();
    await h.teamsMessage('register incidents'); // operators' channel, but none for the jour
    await h.onDuty();
    await h.reportDisturbance();
    const [kase] = await h.app.store.cases.list();

    const alert = await until(() => alerts('TRYGG_ALERT_NO_CHANNEL')[0]);
    expect(alert).toMatchObject({ level: 50, caseId: kase!.id, route: 'trygghetsjour', kind: 'staff.card' });
    await until(() => h.webTexts().find((t) => /Ingen har hunnit ta ditt ärende/.test(t)));
    const [notice] = await until(() => (notices().length ? notices() : undefined));
    expect(noticeText(notice!)).toMatch(
      new RegExp(`ärende ${kase!.id} \\(trygghetsjour\\).*ingen kanal är registrerad för trygghetsjour`),
    );
    expect(noticeText(notice!)).toMatch(/ringa 040-000 00 01/);
    // Still waiting after several attempts: never done without reaching Teams.
    await until(() => (alerts('TRYGG_ALERT_NO_CHANNEL').length >= 3 ? true : undefined));
    const [card] = await h.app.store.outbox.list({ caseId: kase!.id });
    expect(card).toMatchObject({ kind: 'staff.card', lastError: 'WaitingError' });
    expect(['pending', 'leased']).toContain(card!.status);
    expect(caseCards()).toHaveLength(0);

    await h.teamsMessage('register trygghetsjour');
    await until(() => (caseCards().length ? true : undefined));
    await h.drained();
    expect(caseCards()).toHaveLength(1);
    expect(notices()).toHaveLength(1); // once per case, however often the alert was raised
    expect(h.webTexts().filter((t) => /Ingen har hunnit/.test(t))).toHaveLength(1);
    expect((await h.app.store.cards.get(kase!.id))!.threadId).toBeTruthy();
  });

  it('a card Teams refuses for good: an alert, a notice to operators, the tenant told to call', async () => {
    h = await startHarness();
    await h.teamsMessage('register trygghetsjour');
    await h.teamsMessage('register incidents');
    await h.onDuty();
    h.teams.failNext(/\/v3\/conversations\/?$/, 1, 403);
    await h.reportDisturbance();
    const [kase] = await h.app.store.cases.list();

    const alert = await until(() => alerts('TRYGG_ALERT_CARD_REJECTED')[0]);
    expect(alert).toMatchObject({ caseId: kase!.id, reason: 'HTTP 403', kind: 'staff.card' });
    const [notice] = await until(() => (notices().length ? notices() : undefined));
    expect(noticeText(notice!)).toMatch(new RegExp(`Teams tog inte emot kortet för ärende ${kase!.id}`));
    expect(noticeText(notice!)).toMatch(/ringa 040-000 00 01/);
    await until(() => h.webTexts().find((t) => /Ingen har hunnit ta ditt ärende/.test(t)));
    await h.drained();
    expect((await h.app.store.outbox.list({ caseId: kase!.id, status: 'dead' })).map((i) => i.kind)).toEqual([
      'staff.card',
    ]);
    // The re-alert job later sends the tenant nothing new: the notice used the re-alert's own key.
    h.clock.advance(11 * 60_000);
    expect(await h.app.desk.remindUnclaimed()).toBe(1);
    await h.drained();
    expect(h.webTexts().filter((t) => /Ingen har hunnit/.test(t))).toHaveLength(1);
    // Its thread post cannot go to a thread that will never exist: given up at once, not retried for hours.
    expect((await h.app.store.outbox.list({ caseId: kase!.id, status: 'dead' })).map((i) => i.kind)).toEqual([
      'staff.card',
      'staff.post',
    ]);
  });

  it('the model’s summary is written to the case once, however often the card is retried', async () => {
    let summaries = 0;
    const model: LanguageModel = {
      enabled: true,
      classify: async () => undefined,
      summarize: async () => `Hög musik i uppgång B (${++summaries})`,
      translate: async (text) => text,
    };
    h = await startHarness({ model });
    await h.teamsMessage('register trygghetsjour');
    await h.onDuty();
    h.teams.failNext(/\/v3\/conversations\/?$/, 2, 412); // not retried inside the connector: the outbox retries
    await h.reportDisturbance();
    await until(() => (caseCards().length ? true : undefined), 20_000);
    await h.drained();
    const [kase] = await h.app.store.cases.list();
    expect(summaries).toBe(1);
    expect(kase!.summary.match(/Maskinskriven sammanfattning/g)).toHaveLength(1);
    expect(JSON.stringify(caseCards()[0]!.body)).toContain('Hög musik i uppgång B (1)');
  });
});
