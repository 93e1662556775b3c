// The incident desk on its own (an in-memory store, a fixed clock): what staff may ask, and what it writes.
import { describe, expect, it } from 'vitest';
import { IncidentDesk, IncidentInputError, parseOfficeHours } from '../../src/cases/incidents/desk.ts';
import { loadAreas, Places } from '../../src/cases/incidents/places.ts';
import { loadPolicy } from '../../src/routing/policy.ts';
import { buildReport } from '../../src/report/build.ts';
import { toMarkdown } from '../../src/report/format.ts';
import { openMemoryStore } from '../../src/store/index.ts';

const NOW = new Date('2027-01-23T11:00:00Z');

async function desk(now = () => NOW) {
  const store = await openMemoryStore({ now });
  return { store, desk: new IncidentDesk({ store, policy: loadPolicy(), places: new Places(loadAreas()), now }) };
}

describe('the incident desk', () => {
  it('writes the card with the incident, and each notice to each active subscriber once', async () => {
    const { store, desk: d } = await desk();
    const i = await d.open({ where: 'rosengard', kind: 'water', text: { sv: 'Vattenläcka.' }, by: 'cli' });
    expect((await store.outbox.list()).map((x) => x.kind)).toEqual(['staff.incidentCard']);
    const conversation = { conversation: { id: 'w-1', isGroup: false, conversationType: 'personal', name: '' } };
    await d.subscribe(i.id, 1, { channelId: 'webchat', conversation, language: 'sv' });
    await d.update(i.id, { text: { sv: 'Lagat.' }, by: 'cli' });
    await d.update(i.id, { text: { sv: 'Lagat.' }, by: 'cli' }); // a double click: the same notice
    const notices = (await store.outbox.list()).filter((x) => x.kind === 'tenant.incidentNotice');
    expect(notices.map((x) => x.payload)).toEqual([{ incidentId: i.id, seq: 2, subscriptionId: expect.any(String) }]);
    expect((await store.incidents.get(i.id))!.notices).toHaveLength(2);
  });

  it('the same text a minute later is a new notice', async () => {
    let now = NOW;
    const { store, desk: d } = await desk(() => now);
    const i = await d.open({ where: 'rosengard', kind: 'water', text: { sv: 'Vattenläcka.' }, by: 'cli' });
    await d.update(i.id, { text: { sv: 'Vi jobbar på det.' }, by: 'cli' });
    now = new Date(NOW.getTime() + 61_000);
    await d.update(i.id, { text: { sv: 'Vi jobbar på det.' }, by: 'cli' });
    expect((await store.incidents.get(i.id))!.notices).toHaveLength(3);
  });

  it.each([
    [{ where: '', kind: 'fire', text: { sv: 'x' } }, 'where'],
    [{ where: 'Rosengård', kind: 'flood', text: { sv: 'x' } }, 'kind'],
    [{ where: 'Rosengård', kind: 'fire', text: { sv: ' ', en: 'x' } }, 'text'],
    [{ where: 'Rosengård', kind: 'fire', text: { sv: 'x' }, officeHours: '24/1 8-20' }, 'officeHours'],
  ])('refuses %j (%s)', async (input, reason) => {
    const { desk: d } = await desk();
    await expect(d.open({ ...input, by: 'cli' })).rejects.toMatchObject({ name: 'IncidentInputError', reason });
  });

  it('says which incident is missing or closed', async () => {
    const { desk: d } = await desk();
    await expect(d.update('H-0000-0000', { text: { sv: 'x' }, by: 'cli' })).rejects.toMatchObject({
      reason: 'missing',
    });
    const i = await d.open({ where: 'Rosengård', kind: 'fire', text: { sv: 'x' }, by: 'cli' });
    await d.close(i.id, { text: { sv: 'Klart.' }, by: 'cli' });
    const again = d.close(i.id, { text: { sv: 'Klart igen.' }, by: 'cli' });
    await expect(again).rejects.toThrow(IncidentInputError);
    await expect(again).rejects.toMatchObject({ reason: 'closed' });
  });

  it('reads office hours in the policy’s zone, across midnight too', () => {
    expect(parseOfficeHours('2027-01-24 08:00-20:00', 'Europe/Stockholm')).toEqual({
      from: new Date('2027-01-24T07:00:00Z'),
      to: new Date('2027-01-24T19:00:00Z'),
    });
    expect(parseOfficeHours('2027-03-27 18.00–02.00', 'Europe/Stockholm')).toEqual({
      from: new Date('2027-03-27T17:00:00Z'),
      to: new Date('2027-03-28T01:00:00Z'), // 02:00 does not exist that night: 03:00 summer time
    });
  });
});

describe('incidents in the night report', () => {
  it('lists the incidents open during the night, with how many tenants wrote, in Swedish', async () => {
    let now = new Date('2027-01-19T20:00:00Z'); // Tuesday 21:00
    const { store, desk: d } = await desk(() => now);
    const early = await d.open({ where: 'Rosengård', kind: 'water', text: { sv: 'Vattenläcka.' }, by: 'cli' });
    await d.close(early.id, { text: { sv: 'Klart.' }, by: 'cli' }); // closed before the night
    now = new Date('2027-01-19T23:00:00Z');
    const fire = await d.open({ where: 'Ramels väg 12', kind: 'fire', text: { sv: 'Brand.' }, by: 'cli' });
    await d.link(fire.id, { channelId: 'webchat', conversationId: 'w-1' });
    const span = { from: new Date('2027-01-19T21:00:00Z'), to: new Date('2027-01-20T06:00:00Z') };
    const { report } = await buildReport(store, span);
    expect(report.incidents).toEqual([
      { id: fire.id, kind: 'fire', where: 'Ramels väg 12', status: 'open', reports: 1 },
    ]);
    expect(toMarkdown(report, loadPolicy())).toContain(`${fire.id} Brand, Ramels väg 12: pågår, 1 kontakter`);
  });
});
