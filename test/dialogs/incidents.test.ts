// Incidents in the conversation: told first what MKB knows (danger still first), linked without a card of
// their own, updates offered (JA / YES) and stopped (STOPP / STOP), and contacts that cluster proposed to staff.
import { describe, expect, it } from 'vitest';
import type { IncidentDesk } from '../../src/cases/incidents/desk.ts';
import { harness, type Harness } from './harness.ts';

const TUESDAY_NIGHT = '2027-01-19 23:00'; // jour on duty, office closed

const FIRE_SV =
  'Det har brunnit i ett trapphus på Ramels väg 12. Räddningstjänsten är klar. Använd inte uppgång B i natt.';
const FIRE_EN = 'There was a fire in a stairwell at Ramels väg 12. Do not use stairwell B tonight.';

async function fire(incidents: IncidentDesk) {
  return incidents.open({ where: 'Ramels väg 12', kind: 'fire', text: { sv: FIRE_SV, en: FIRE_EN }, by: 'cli' });
}

const joined = async (h: Harness, text: string) => (await h.texts(text)).join('\n---\n');

describe('told first what MKB knows', () => {
  it('a tenant asking about the place gets the notice and the offer, is counted, and makes no case', async () => {
    const h = await harness({ at: TUESDAY_NIGHT });
    const incident = await fire(h.incidents);
    const reply = await joined(h, 'Vad har hänt på ramels vag 12?');
    expect(reply).toMatch(/MKB känner till händelsen vid Ramels väg 12/);
    expect(reply).toContain(FIRE_SV);
    expect(reply).toMatch(/Svara JA/);
    expect(await h.store.cases.list()).toEqual([]);
    expect(await h.store.incidents.get(incident.id)).toMatchObject({ reports: 1, subscribers: 0 });
    // Asking again: still one report, and the notice is not repeated word for word as news.
    await h.texts('Rosengård, vad är det som händer?');
    expect(await h.store.incidents.get(incident.id)).toMatchObject({ reports: 1 });
  });

  it('in English from staff’s English text; in Arabic the Swedish text with one line saying so', async () => {
    const en = await harness({ at: TUESDAY_NIGHT, locale: 'en-GB', conversationId: 'en-1' });
    await fire(en.incidents);
    const reply = await joined(en, 'What happened at Ramels vag 12 tonight?');
    expect(reply).toContain(FIRE_EN);
    expect(reply).not.toContain(FIRE_SV);
    expect(reply).toMatch(/Reply YES/);

    const ar = await harness({ at: TUESDAY_NIGHT, locale: 'ar', conversationId: 'ar-1', store: en.store });
    const arabic = await joined(ar, 'ماذا حدث في Ramels väg 12؟');
    expect(arabic).toContain(FIRE_SV);
    expect(arabic).toContain('كتبت MKB هذه الرسالة باللغة السويدية');
  });

  it('danger still first: 112 in its own first reply, then the notice; counted, no card of its own', async () => {
    const h = await harness({ at: TUESDAY_NIGHT });
    const incident = await fire(h.incidents);
    const out = (await h.send('Det brinner igen på Ramels väg 12!!')).filter((a) => a.type === 'message');
    expect(out[0]!.text).toMatch(/^\**Ring 112 nu/);
    expect(JSON.stringify(out[0]!.attachments)).toContain('tel:112');
    expect(out[0]!.text).not.toContain(FIRE_SV);
    expect(
      out
        .slice(1)
        .map((a) => a.text)
        .join('\n'),
    ).toContain(FIRE_SV);
    expect(await h.store.cases.list()).toEqual([]);
    expect(await h.store.incidents.get(incident.id)).toMatchObject({ reports: 1 });
  });

  it('danger of another kind at the place: 112, the notice, and its own emergency case, linked', async () => {
    const h = await harness({ at: TUESDAY_NIGHT });
    const incident = await fire(h.incidents);
    const out = await h.texts('Någon är medvetslös i trappan på Ramels väg 12');
    expect(out[0]).toMatch(/Ring 112 nu/);
    expect(out.join('\n')).toContain(FIRE_SV);
    expect(await h.store.cases.list()).toMatchObject([{ route: 'emergency', danger: 'medical' }]);
    expect(await h.store.incidents.get(incident.id)).toMatchObject({ reports: 1 });
  });

  it('something else at the place (a disturbance): the notice first, then the jour’s questions and its case', async () => {
    const h = await harness({ at: TUESDAY_NIGHT });
    const incident = await fire(h.incidents);
    const first = await joined(h, 'Grannarna på Ramels väg 12 har fest och spelar hög musik');
    expect(first.indexOf(FIRE_SV)).toBeGreaterThanOrEqual(0);
    expect(first.indexOf(FIRE_SV)).toBeLessThan(first.search(/Är någon i fara/));
    await h.texts('nej');
    await h.texts('Ramels väg 12, uppgång A');
    const done = await joined(h, 'skip');
    expect(done).toMatch(/T-\d{4}-\d{4}/);
    // The offer comes once no question is open.
    expect(done).toMatch(/Svara JA/);
    expect(await h.store.cases.list()).toMatchObject([{ route: 'trygghetsjour' }]);
    expect(await h.store.incidents.get(incident.id)).toMatchObject({ reports: 1 });
  });

  it('damage in the tenant’s own flat is something else: the notice first, and its own case', async () => {
    const h = await harness({ at: TUESDAY_NIGHT });
    const water = await h.incidents.open({
      where: 'Ramels väg 12',
      kind: 'water',
      text: { sv: 'Ett vattenrör har brustit på Ramels väg 12. Vattnet är avstängt.' },
      by: 'cli',
    });
    const reply = await joined(h, 'Det rinner in vatten i min lägenhet på Ramels väg 12');
    expect(reply).toMatch(/Ett vattenrör har brustit/);
    expect(reply).toMatch(/Är någon i fara/); // Fastighetsjouren's questions: a case is on its way
    // A tenant who only asks about the water is linked without a case.
    const other = await harness({ at: TUESDAY_NIGHT, conversationId: 'other', store: h.store });
    await other.texts('vattnet på Ramels väg 12, när kommer det tillbaka?');
    expect(await h.store.incidents.get(water.id)).toMatchObject({ reports: 2 });
  });

  it('an address given in the dialog names the place: the notice comes in that reply, the case is linked', async () => {
    const h = await harness({ at: TUESDAY_NIGHT });
    const incident = await fire(h.incidents);
    await h.texts('grannen spelar hög musik');
    await h.texts('nej');
    const asked = await joined(h, 'Ramels vag 12b');
    const done = asked + (await joined(h, 'skip'));
    expect(done).toContain(FIRE_SV);
    expect(await h.store.cases.list()).toHaveLength(1);
    expect(await h.store.incidents.get(incident.id)).toMatchObject({ reports: 1 });
  });

  it('nothing about the incident’s place: no notice, the usual answer', async () => {
    const h = await harness({ at: TUESDAY_NIGHT });
    const incident = await fire(h.incidents);
    const reply = await joined(h, 'Det brinner på Storgatan 5');
    expect(reply).not.toContain(FIRE_SV);
    expect(await h.store.cases.list()).toHaveLength(1);
    expect(await h.store.incidents.get(incident.id)).toMatchObject({ reports: 0 });
  });
});

describe('updates: JA / YES subscribes, STOPP / STOP stops', () => {
  it('web chat: JA subscribes; an update is queued for this conversation only; STOPP ends it at once', async () => {
    const a = await harness({ at: TUESDAY_NIGHT, conversationId: 'web-a' });
    const b = await harness({ at: TUESDAY_NIGHT, conversationId: 'web-b', store: a.store });
    const incident = await fire(a.incidents);
    await a.texts('vad hände på Ramels väg?');
    expect(await joined(a, 'ja')).toMatch(/Du får uppdateringar om händelsen vid Ramels väg 12/);
    await b.texts('vad hände på Ramels väg?'); // told, did not ask for updates
    expect(await a.store.incidents.get(incident.id)).toMatchObject({ reports: 2, subscribers: 1 });

    await a.incidents.update(incident.id, { text: { sv: 'Uppgång B är öppen igen.' }, by: 'cli' });
    const queued = (await a.store.outbox.list()).filter((i) => i.kind === 'tenant.incidentNotice');
    expect(queued).toHaveLength(1);
    const sub = await a.store.incidents.subscription((queued[0]!.payload as { subscriptionId: string }).subscriptionId);
    expect(sub?.conversation.conversation?.id).toBe('web-a');

    expect(await joined(a, 'STOPP')).toMatch(/inga fler uppdateringar/);
    expect(await a.store.incidents.subscription(sub!.id)).toMatchObject({ status: 'stopped' });
  });

  it('SMS, English: YES and STOP; a "yes" with no offer open is an ordinary answer', async () => {
    const h = await harness({ at: TUESDAY_NIGHT, channelId: 'sms', locale: 'en-GB' });
    const incident = await fire(h.incidents);
    const told = await h.send('what is going on at Ramels vag 12?');
    const texts = told.filter((a) => a.type === 'message').map((a) => a.text!);
    expect(texts.join('\n')).toMatch(/YES/);
    for (const text of texts) expect(text).not.toMatch(/\*\*|\[.+\]\(/);
    expect(await joined(h, 'yes')).toMatch(/Reply STOP/);
    expect(await h.store.incidents.get(incident.id)).toMatchObject({ subscribers: 1 });
    expect(await joined(h, 'Stop')).toMatch(/no more updates/);
    expect(await h.store.incidents.get(incident.id)).toMatchObject({ subscribers: 0 });
    // Nothing subscribed now: STOP is just a message again, and YES subscribes to nothing.
    await h.texts('yes');
    expect(await h.store.incidents.get(incident.id)).toMatchObject({ subscribers: 0 });
  });

  it('STOPP in other languages ends the updates too', async () => {
    for (const [lang, stop] of [
      ['ar', 'توقف'],
      ['pl', 'STOP'],
      ['tr', 'durdur'],
    ] as const) {
      const h = await harness({ at: TUESDAY_NIGHT, locale: lang, conversationId: `c-${lang}` });
      const incident = await fire(h.incidents);
      await h.incidents.subscribe(incident.id, 1, {
        channelId: 'webchat',
        conversation: { conversation: { id: `c-${lang}`, isGroup: false, conversationType: 'personal', name: '' } },
        language: lang,
      });
      await h.texts(stop);
      expect(await h.store.incidents.get(incident.id), lang).toMatchObject({ subscribers: 0 });
    }
  });
});

describe('proposals', () => {
  it('three tenants about water at one place within 30 minutes: one proposal for staff, however many write', async () => {
    const base = await harness({ at: TUESDAY_NIGHT, conversationId: 'p-0' });
    const proposals = async () =>
      (await base.store.outbox.list()).filter((i) => i.kind === 'staff.proposal').map((i) => i.payload);
    for (let n = 1; n <= 5; n++) {
      const h = await harness({ at: TUESDAY_NIGHT, conversationId: `p-${n}`, store: base.store });
      await h.texts(
        n % 2 ? 'Det forsar vatten i källaren på Ramels väg 40' : 'vattenläcka i trapphuset, Rosengårdsvägen 3',
      );
      expect(await proposals()).toHaveLength(n >= 3 ? 1 : 0);
    }
    expect(await proposals()).toEqual([
      { proposalId: expect.any(String), kind: 'water', where: 'Rosengård', contacts: 3 },
    ]);
  });
});
