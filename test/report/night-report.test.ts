// The night report in Teams, on the app's own timers with a clock the test sets: at 07:00 local on the night
// the clocks go forward (05:00 UTC, not 06:00), on a holiday morning (to Fastighetsjouren's channel), at the
// office's opening on a working day (to the office's channel), caught up after a restart that missed it; the
// card's actions. Two instances: test/multi-instance/report.test.ts.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY_FILE } from '../../src/routing/policy.ts';
import { ANNA, JOUR, OTHER, startHarness, until, type Harness } from '../channels/teams/teams-harness.ts';
import type { SentActivity } from '../channels/connector-sink.ts';

const THIRD = { team: '19:third@thread.tacv2', channel: '19:third@thread.tacv2' };
let h: Harness | undefined;
let h2: Harness | undefined;
afterEach(async () => {
  await h?.close();
  await h2?.close();
  h = h2 = undefined;
});

type Card = { body: { text?: string; type: string }[]; actions: { title: string }[] };
const cardOf = (post: SentActivity) =>
  (post.body as { activity: { attachments: { content: Card }[] } }).activity.attachments[0]!.content;
const isReport = (post: SentActivity) => /^Nattens rapport/.test(cardOf(post).body[0]?.text ?? '');
const reportPosts = (x: Harness) => x.teams.accepted(/\/v3\/conversations\/?$/).filter(isReport);
const channelOf = (post: SentActivity) =>
  (post.body as { channelData: { channel: { id: string } } }).channelData.channel.id;

/** The app on a clock only the test moves; channels registered for Fastighetsjouren (JOUR) and the office (OTHER). */
async function start(at: string, env: Record<string, string> = {}) {
  const clock = { now: new Date(at) };
  const x = await startHarness({ now: () => clock.now, jobs: { pollMs: 20 } }, env);
  expect((await x.staffSays('register fastighetsjour', { where: JOUR })).status).toBe(200);
  expect((await x.staffSays('register office', { where: OTHER })).status).toBe(200);
  return { x, clock, job: x.app.clockJobs[0]! };
}

async function leak(x: Harness) {
  for (const text of ['Det läcker vatten från taket i badrummet', 'nej', 'Storgatan 5, uppgång B', '0701234567', 'ja'])
    expect((await x.tenantSays(text)).status).toBe(200);
  return until(async () => (await x.app.store.cases.list())[0]);
}

describe('the 07:00 post', () => {
  it('on the night the clocks go forward: 07:00 CEST is 05:00 UTC, to Fastighetsjouren (Easter Sunday)', async () => {
    const s = await start('2027-03-27T21:00:00Z'); // Saturday 22:00 CET
    h = s.x;
    s.clock.now = new Date('2027-03-28T00:30:00Z'); // 01:30 CET, before the change
    const kase = await leak(h);
    expect(kase).toMatchObject({ route: 'fastighetsjour', category: 'urgent_fault', contact: { hearBack: true } });

    s.clock.now = new Date('2027-03-28T04:59:59Z'); // 06:59:59 CEST
    expect(await h.app.scheduler.pollClock(s.job)).toBe(false);
    expect(reportPosts(h)).toHaveLength(0);
    expect((await h.app.store.outbox.list()).filter((i) => i.kind === 'teams.report')).toEqual([]);

    s.clock.now = new Date('2027-03-28T05:00:00Z'); // 07:00 CEST
    const [post] = await until(() => (reportPosts(h!).length ? reportPosts(h!) : undefined));
    expect(channelOf(post!)).toBe(JOUR.channel);
    const card = JSON.stringify(cardOf(post!));
    expect(card).toContain('Nattens rapport 2027-03-28');
    // Since the office last closed: Maundy Thursday (Good Friday and Easter are holidays in 2027).
    expect(card).toContain('2027-03-25 16:00–2027-03-28 07:00');
    expect(card).toContain('Storgatan 5, uppgång B');
    expect(card).toContain('Det läcker vatten från taket i badrummet');
    expect(card).toContain('Jag åtgärdar');
    expect(card).not.toMatch(/070\D?123|0701234567|\+46/);
    // Later polls, on this instance or after the hour, post nothing more.
    s.clock.now = new Date('2027-03-28T06:00:00Z');
    expect(await h.app.scheduler.pollClock(s.job)).toBe(false);
    expect(reportPosts(h)).toHaveLength(1);
  });

  it('on a holiday morning (Epiphany, a Wednesday): 07:00 CET to Fastighetsjouren, as the office stays closed', async () => {
    const s = await start('2027-01-05T22:00:00Z');
    h = s.x;
    s.clock.now = new Date('2027-01-06T05:59:59Z');
    expect(await h.app.scheduler.pollClock(s.job)).toBe(false);
    s.clock.now = new Date('2027-01-06T06:00:00Z');
    const [post] = await until(() => (reportPosts(h!).length ? reportPosts(h!) : undefined));
    expect(channelOf(post!)).toBe(JOUR.channel);
    expect(JSON.stringify(cardOf(post!))).toContain('2027-01-05 16:00–2027-01-06 07:00');
  });

  it('on a working day at the office’s opening (08:00 in this policy), to the office; a missed one after a restart', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'trygg-report-'));
    const policy = path.join(dir, 'policy.yaml');
    writeFileSync(policy, readFileSync(DEFAULT_POLICY_FILE, 'utf8').replace("opens: '07:00'", "opens: '08:00'"));
    const env = { POLICY_FILE: policy, DATA_DIR: path.join(dir, 'data') };
    const s = await start('2027-01-06T22:00:00Z', env); // Wednesday 23:00
    h = s.x;
    s.clock.now = new Date('2027-01-07T06:30:00Z'); // 07:30: not yet
    expect(await h.app.scheduler.pollClock(s.job)).toBe(false);
    s.clock.now = new Date('2027-01-07T07:00:00Z'); // 08:00 CET, the opening
    const [post] = await until(() => (reportPosts(h!).length ? reportPosts(h!) : undefined));
    expect(channelOf(post!)).toBe(OTHER.channel);
    await h.close();
    h = undefined;

    // Down from Thursday until Friday 09:30: Friday's 08:00 report goes out when it is back.
    const clock = { now: new Date('2027-01-08T08:30:00Z') };
    h2 = await startHarness({ now: () => clock.now, jobs: { pollMs: 20 } }, env);
    // This test's Teams stand-in has a new address: the channels say so (a registration keeps Teams' serviceUrl).
    await h2.staffSays('register fastighetsjour', { where: JOUR });
    await h2.staffSays('register office', { where: OTHER });
    // A delivery that went to the old address is retried at its next attempt's time: the clock runs on.
    const [missed] = await until(() => {
      clock.now = new Date(clock.now.getTime() + 1000);
      return reportPosts(h2!).length ? reportPosts(h2!) : undefined;
    });
    expect(JSON.stringify(cardOf(missed!))).toContain('Nattens rapport 2027-01-08');
    expect(channelOf(missed!)).toBe(OTHER.channel);
    expect(await h2.app.store.jobOccurrences.latest('night-report')).toMatchObject({
      occurrence: '2027-01-08T08:00',
      status: 'done',
    });
  });

  it('a new installation does not post the morning’s report it was installed after', async () => {
    const s = await start('2027-01-07T10:00:00Z'); // 11:00, the 07:00 report long due
    h = s.x;
    expect(await h.app.scheduler.pollClock(s.job)).toBe(false);
    expect(await h.app.store.jobOccurrences.latest('night-report')).toMatchObject({ status: 'skipped' });
    expect(reportPosts(h)).toHaveLength(0);
  });
});

describe('the report card’s actions', () => {
  async function posted() {
    const s = await start('2027-03-27T21:00:00Z');
    h = s.x;
    s.clock.now = new Date('2027-03-28T00:30:00Z');
    const kase = await leak(h);
    s.clock.now = new Date('2027-03-28T05:00:00Z');
    const [post] = await until(() => (reportPosts(h!).length ? reportPosts(h!) : undefined));
    const thread = String((post!.reply as { id: string }).id);
    return { s, kase, thread };
  }
  const valueOf = (r: { body: string }) => JSON.parse(r.body) as { value: unknown };

  it('Jag åtgärdar, then Åtgärdat: the case is claimed and closed, the tenant who asked hears it is fixed', async () => {
    const { kase, thread } = await posted();
    const data = { report: '2027-03-28T07:00', caseId: kase.id };
    const fix = await h!.cardAction({ verb: 'reportFix', ...data }, { where: JOUR, conversationId: thread });
    expect(JSON.stringify(valueOf(fix).value)).toContain('Åtgärdas av Anna Lilja');
    expect(await h!.app.store.cases.get(kase.id)).toMatchObject({ status: 'claimed', claimedBy: 'Anna Lilja' });
    await until(() => h!.webTexts().find((t) => /har tagit ditt ärende/.test(t)));

    const fixed = await h!.cardAction({ verb: 'reportFixed', ...data }, { where: JOUR, conversationId: thread });
    expect(JSON.stringify(valueOf(fixed).value)).toContain('Fel att åtgärda: 0'); // no longer an open fault
    expect(await h!.app.store.cases.get(kase.id)).toMatchObject({ status: 'closed', outcome: 'resolved' });
    await until(() => h!.webTexts().find((t) => new RegExp(`ärende ${kase.id}\\) är åtgärdat`).test(t)));
    // Twice is once for the tenant.
    await h!.cardAction({ verb: 'reportFixed', ...data }, { where: JOUR, conversationId: thread });
    await new Promise((r) => setTimeout(r, 200));
    expect(h!.webTexts().filter((t) => /\) är åtgärdat/.test(t))).toHaveLength(1);
  });

  it('Kvittera records who took over the report; from a channel the report does not go to, refused and audited', async () => {
    const { thread } = await posted();
    const refused = await h!.cardAction(
      { verb: 'reportAck', report: '2027-03-28T07:00' },
      { where: THIRD, conversationId: THIRD.channel },
    );
    expect(JSON.stringify(valueOf(refused).value)).toContain('Rapporten hör till en annan kanal');
    const ack = await h!.cardAction(
      { verb: 'reportAck', report: '2027-03-28T07:00' },
      { where: JOUR, conversationId: thread, from: ANNA },
    );
    const card = JSON.stringify(valueOf(ack).value);
    expect(card).toMatch(/Kvitterad av Anna Lilja kl\. 07:00/);
    expect(card).not.toContain('"Kvittera"');
    const audit = await h!.app.store.staffAudit.list();
    expect(audit.map((e) => e.action)).toEqual(
      expect.arrayContaining(['teams.report.acknowledged', 'teams.cardAction.refused']),
    );
  });
});
