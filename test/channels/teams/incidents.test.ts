// Incidents in Teams, end to end over loopback: `@Trygg incident` gives the form in the incidents channel,
// the form opens the incident and its one card (with how many tenants wrote), the card's actions send each
// update and the closing notice to those who asked (once, however the connector fails), STOPP ends them,
// nothing reaches a tenant who did not ask; contacts that cluster give one proposal card with a button.
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, TENANT_ID, until, type Harness } from './outbox-harness.ts';

const INCIDENTS = '19:incidents@thread.tacv2';
const TIMING = { cardEveryMs: 200, cacheMs: 0, smsGapMs: 50 };
const FIRE = 'Det har brunnit i ett trapphus på Ramels väg 12. Uppgång B är stängd i natt.';

let h: Harness;
afterEach(async () => h?.close());

/** A message or card action from Anna in the incidents channel (or one of its threads). */
function incidentsChannel(conversationId = INCIDENTS, channel = INCIDENTS) {
  return {
    conversation: { id: conversationId, isGroup: true, conversationType: 'channel', tenantId: TENANT_ID },
    channelData: { tenant: { id: TENANT_ID }, team: { id: '19:team@thread.tacv2' }, channel: { id: channel } },
  };
}

const cardAction = (data: Record<string, unknown>, conversationId = INCIDENTS, channel = INCIDENTS) =>
  h.teamsMessage('', conversationId, {
    type: 'invoke',
    name: 'adaptiveCard/action',
    text: undefined,
    entities: [],
    ...incidentsChannel(conversationId, channel),
    // Teams sends the id of the message that holds the card (a thread's root, or the form's message).
    replyToId: /;messageid=(\d+)/.exec(conversationId)?.[1] ?? '1',
    value: { action: { type: 'Action.Execute', verb: data.verb, data }, trigger: 'manual' },
  });

async function sms(text: string, number = '+46701234567') {
  const res = await h.post({
    type: 'message',
    channelId: 'sms',
    serviceUrl: h.web.url,
    from: { id: number },
    recipient: { id: 'trygg' },
    conversation: { id: number },
    text,
  });
  expect(res.status).toBe(200);
}

/** Messages the tenants' connector accepted for a conversation. */
const to = (conversation: string) =>
  h.web
    .accepted(new RegExp(`/v3/conversations/${conversation.replace('+', '\\+')}/activities`))
    .map((s) => String(s.body.text ?? ''));

const incidentCards = () => h.cardPosts().filter((p) => JSON.stringify(p.body).includes('Händelse H-'));

async function setUp() {
  h = await startHarness({ incidents: TIMING });
  await h.teamsMessage('register incidents', INCIDENTS, incidentsChannel());
}

async function openFromForm() {
  const form = await h.teamsMessage('incident', INCIDENTS, incidentsChannel());
  expect(form.status).toBe(200);
  const formCard = await until(() =>
    h.teams.accepted(/activities/).find((s) => JSON.stringify(s.body).includes('Öppna händelsen')),
  );
  expect(JSON.stringify(formCard.body)).toContain('incident.open');
  const opened = await cardAction({ verb: 'incident.open', where: 'Ramels väg 12', kind: 'fire', text: FIRE });
  expect(opened.body).toMatch(/Händelse H-\d{4}-0001 \(Ramels väg 12\) är öppnad/);
  const [incident] = await h.app.store.incidents.list();
  const card = await until(() => h.app.store.cards.get(incident!.id));
  return { incident: incident!, card };
}

describe('incidents in Teams', () => {
  it('the form opens an incident with one card in the incidents channel; tenants are counted on it', async () => {
    await setUp();
    const { incident, card } = await openFromForm();
    expect(incidentCards()).toHaveLength(1);
    expect(JSON.stringify(incidentCards()[0]!.body)).toContain('Ramels väg 12');
    expect((incidentCards()[0]!.body as { channelData: { channel: { id: string } } }).channelData.channel.id).toBe(
      INCIDENTS,
    );
    // Two tenants name the place; the card is redrawn with the count (not one card per tenant).
    await h.tenantSays('Vad har hänt på Ramels väg 12?', 'web-a');
    await h.tenantSays('det luktar rök på ramels vag', 'web-b');
    await until(() => h.teams.sent.find((s) => s.method === 'PUT' && /"text":"2"/.test(JSON.stringify(s.body))));
    // Redrawn in place: every PUT to the card's thread is to the card's own message.
    const redraws = h.teams.sent.filter((s) => s.method === 'PUT' && s.path.includes(card.threadId));
    expect(redraws.length).toBeGreaterThan(0);
    expect(redraws.every((s) => s.path.endsWith(`/activities/${card.messageId}`))).toBe(true);
    expect(await h.app.store.cases.list()).toEqual([]);
    expect(incidentCards()).toHaveLength(1);
    // @Trygg status lists it.
    await h.teamsMessage('status', INCIDENTS, incidentsChannel());
    await until(() =>
      h.teams
        .accepted(/activities/)
        .find((s) => /Pågående händelse H-\d{4}-0001: Brand, Ramels väg 12 \(2 hyresgäster/.test(String(s.body.text))),
    );
    expect(await h.app.store.staffAudit.list()).toContainEqual(
      expect.objectContaining({
        action: 'teams.incident.open',
        actor: 'aad-anna',
        details: expect.objectContaining({ incident: incident.id }),
      }),
    );
  });

  it('updates and the closing notice reach each subscriber once through connector failures; STOPP and not asking get nothing', async () => {
    await setUp();
    const { incident, card } = await openFromForm();
    await h.tenantSays('Vad har hänt på Ramels väg 12?', 'web-a');
    await h.tenantSays('ja', 'web-a');
    await h.tenantSays('Vad har hänt på Ramels väg 12?', 'web-quiet'); // told, never asked for updates
    await sms('vad hande pa Ramels vag 12');
    await sms('JA');
    await until(async () => ((await h.app.store.incidents.get(incident.id))!.subscribers === 2 ? true : undefined));
    await h.drained();
    const before = { a: to('web-a').length, quiet: to('web-quiet').length, sms: to('+46701234567').length };

    // The tenants' connector fails twice (one 503 and one 429 with Retry-After): the outbox retries.
    h.web.failNext(/activities/, 1, 503);
    h.web.failNext(/activities/, 1, 429, { 'retry-after': '0' });
    const updated = await cardAction(
      {
        verb: 'incident.update',
        incidentId: incident.id,
        text: 'Uppgång B är öppen igen.',
        textEn: 'Stairwell B is open again.',
      },
      card.threadId,
    );
    expect(updated.body).toContain('Uppgång B är öppen igen.');
    await until(() => (to('web-a').length > before.a && to('+46701234567').length > before.sms ? true : undefined));
    await h.drained();
    expect(h.web.sent.filter((s) => s.status !== 200).length).toBe(2);
    expect(to('web-a').slice(before.a)).toEqual([
      expect.stringMatching(/Uppdatering från MKB[\s\S]*Uppgång B är öppen igen\.[\s\S]*STOPP/),
    ]);
    expect(to('+46701234567').slice(before.sms)).toHaveLength(1);
    expect(to('web-quiet')).toHaveLength(before.quiet);

    // STOPP: the SMS tenant gets nothing more; the closing notice reaches web-a once, with what it adds.
    await sms('STOPP');
    const stopped = to('+46701234567').length;
    const closed = await cardAction(
      {
        verb: 'incident.close',
        incidentId: incident.id,
        text: 'Allt är klart. Tack för ert tålamod.',
        officeHours: '2027-01-24 08:00-20:00',
      },
      card.threadId,
    );
    expect(closed.body).toMatch(/Avslutad/);
    await until(() => (to('web-a').length > before.a + 1 ? true : undefined));
    await h.drained();
    const closing = to('web-a').slice(before.a + 1);
    expect(closing).toHaveLength(1);
    expect(closing[0]).toMatch(/Händelsen vid Ramels väg 12 är avslutad/);
    expect(closing[0]).toMatch(/extra öppet söndag 24 januari 08:00–20:00/);
    expect(closing[0]).toMatch(/Stödcentrum, 040-34 92 92/);
    expect(closing[0]).toMatch(/113 13/);
    expect(closing[0]).toMatch(/Skåne Stadsmission/);
    expect(to('+46701234567')).toHaveLength(stopped); // the STOPP reply was the last
    expect(to('web-quiet')).toHaveLength(before.quiet);
    // The extra office hours are an office shift: the bot says the office is open then.
    expect(await h.app.store.shifts.list({ activeAt: new Date('2027-01-24T10:00:00Z') })).toMatchObject([
      { route: 'office', kind: 'extra' },
    ]);
  });

  it('SMS at the SMS channel’s pace; STOPP stops an update that is still waiting for its turn', async () => {
    h = await startHarness({ incidents: { ...TIMING, smsGapMs: 3_000 } });
    await h.teamsMessage('register incidents', INCIDENTS, incidentsChannel());
    const { incident, card } = await openFromForm();
    for (const n of ['+46701111111', '+46702222222']) {
      await sms('Vad har hänt på Ramels väg 12?', n);
      await sms('ja', n);
    }
    await h.drained();
    const before = { first: to('+46701111111').length, second: to('+46702222222').length };
    await cardAction(
      { verb: 'incident.update', incidentId: incident.id, text: 'Uppgång B är öppen igen.' },
      card.threadId,
    );
    await until(() => (to('+46701111111').length > before.first ? true : undefined));
    // The second SMS waits for its turn, about 3 s after the first (the pace), while the first is sent.
    const [waiting, ...more] = (await h.app.store.outbox.list({ status: 'pending' })).filter(
      (i) => i.kind === 'tenant.incidentNotice',
    );
    expect(more).toEqual([]);
    const gap = Date.parse(waiting!.nextAttemptAt!) - Date.parse(waiting!.createdAt);
    expect(gap).toBeGreaterThan(2_000);
    expect(gap).toBeLessThanOrEqual(3_000);
    await sms('stopp', '+46702222222'); // before its turn comes
    h.clock.advance(5_000);
    await h.drained();
    expect(to('+46701111111').slice(before.first)).toEqual([expect.stringMatching(/Uppgång B är öppen igen/)]);
    expect(to('+46702222222').slice(before.second)).toEqual([expect.stringMatching(/inga fler uppdateringar/)]);
  });

  it('only from the incidents channel: the form and the card actions are refused elsewhere, and audited', async () => {
    await setUp();
    const { incident } = await openFromForm();
    const elsewhere = '19:channel@thread.tacv2';
    await h.teamsMessage('incident', elsewhere);
    await until(() =>
      h.teams.accepted(/activities/).find((s) => /bara i kanalen som är registrerad/.test(String(s.body.text))),
    );
    const forged = await cardAction(
      { verb: 'incident.update', incidentId: incident.id, text: 'Falskt larm' },
      `${elsewhere};messageid=5`,
      elsewhere,
    );
    expect(forged.body).toMatch(/bara i kanalen som är registrerad för incidents/);
    expect((await h.app.store.incidents.get(incident.id))!.notices).toHaveLength(1);
    expect((await h.app.store.staffAudit.list()).filter((e) => e.action === 'teams.incident.refused')).toHaveLength(2);
  });

  it('three tenants about water at one place: one proposal card; its button opens the incident', async () => {
    await setUp();
    for (const [i, text] of [
      'Vattnet forsar i källaren på Ramels väg 40',
      'vattenläcka Ramels vag 3',
      'det läcker vatten i trapphuset, Rosengårdsvägen 2',
      'mer vatten på Ramels väg 40',
    ].entries())
      await h.tenantSays(text, `w-${i}`);
    const proposal = await until(() =>
      h.cardPosts().find((p) => JSON.stringify(p.body).includes('Förslag: Vatten vid Rosengård')),
    );
    await h.drained();
    expect(h.cardPosts().filter((p) => JSON.stringify(p.body).includes('Förslag:'))).toHaveLength(1);
    const action = (
      proposal.body as { activity: { attachments: { content: { actions: { data: Record<string, unknown> }[] } }[] } }
    ).activity.attachments[0]!.content.actions[0]!.data;
    expect(action).toMatchObject({ verb: 'incident.open' });
    const opened = await cardAction(
      { ...action, where: 'Rosengård', kind: 'water', text: 'Vi vet om vattenläckan.' },
      `${INCIDENTS};messageid=77`,
    );
    expect(opened.body).toMatch(/Händelse H-\d{4}-0001 \(Rosengård\) är öppnad/);
    // The next tenant writing about it is told, and counted.
    await h.tenantSays('Vad händer med vattnet på Ramels väg?', 'w-9');
    expect(h.webTexts().join('\n')).toContain('Vi vet om vattenläckan.');
  });
});
