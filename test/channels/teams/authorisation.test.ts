// Who may redirect cases in Teams (issue 19, finding 4): only the admins in TEAMS_ADMIN_IDS register channels
// and add shifts; a re-registration tells the channel that lost the route; card actions count only from the
// case's own thread or its route's channel; every refusal and every change of route is in the staff audit.
// And a staff message that failed is handled when Teams redelivers it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ANNA, caseWithCard, GUEST, type Harness, JOUR, OTHER, startHarness, until } from './teams-harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const lastTeamsText = () => String(h.teams.messages().at(-1)?.text ?? '');

describe('register and shift add: admins only', () => {
  it('a member of the tenant who is not an admin is refused politely, and the attempt is audited', async () => {
    expect((await h.staffSays('register trygghetsjour', { from: GUEST })).status).toBe(200);
    expect(lastTeamsText()).toMatch(/bara Trygg-administratörer kan registrera/);
    expect(await h.app.teams.registrations.get('trygghetsjour')).toBeUndefined();

    await h.staffSays('register incidents'); // an admin: the team is now a registered team
    await h.staffSays('shift add trygghetsjour 22:00-06:00 extra rundor', { from: GUEST });
    expect(lastTeamsText()).toMatch(/bara Trygg-administratörer/);
    expect(await h.app.store.shifts.list()).toEqual([]);

    const audit = await h.app.store.staffAudit.list();
    expect(audit.map((e) => [e.action, e.actor])).toEqual([
      ['teams.shift.refused', 'aad-guest'],
      ['teams.register', 'aad-anna'],
      ['teams.register.refused', 'aad-guest'],
    ]);
    expect(JSON.stringify(audit)).not.toMatch(/Mallory|Anna|Lilja/); // object ids, never names
  });

  it('an admin adds a shift; the shift and the audit name the admin by object id', async () => {
    await h.staffSays('register trygghetsjour');
    await h.staffSays('shift add trygghetsjour 22:00-06:00 extra rundor');
    expect(lastTeamsText()).toMatch(/Extra pass för trygghetsjour/);
    const [shift] = await h.app.store.shifts.list();
    expect(shift?.createdBy).toBe('aad-anna');
    expect((await h.app.store.staffAudit.list())[0]).toMatchObject({
      action: 'teams.shift.add',
      actor: 'aad-anna',
      details: { route: 'trygghetsjour', shift: shift!.id },
    });
    expect((await h.app.teams.registrations.get('trygghetsjour'))?.registeredBy).toBe('aad-anna');
  });

  it('moving a route tells the channel that had it, through the outbox, and audits from where to where', async () => {
    await h.staffSays('register trygghetsjour', { where: JOUR });
    await h.staffSays('register trygghetsjour', { where: OTHER });
    expect((await h.app.teams.registrations.get('trygghetsjour'))?.channelId).toBe(OTHER.channel);

    const notice = await until(() =>
      h.teams
        .accepted(new RegExp(`/v3/conversations/${JOUR.channel}/activities`))
        .find((s) => /tar inte längre emot ärenden för trygghetsjour/.test(String(s.body.text))),
    );
    expect(notice.body.textFormat).toBe('plain');
    await until(async () =>
      (await h.app.store.outbox.list()).find((i) => i.kind === 'staff.notice' && i.status === 'done'),
    );

    const moved = (await h.app.store.staffAudit.list()).find(
      (e) => e.action === 'teams.register' && e.details.fromChannel,
    );
    expect(moved).toMatchObject({
      actor: 'aad-anna',
      details: { target: 'trygghetsjour', fromChannel: JOUR.channel, toChannel: OTHER.channel, toTeam: OTHER.team },
    });

    // Registering the same channel again moves nothing: no notice.
    await h.staffSays('register trygghetsjour', { where: OTHER });
    expect((await h.app.store.outbox.list()).filter((i) => i.kind === 'staff.notice')).toHaveLength(1);
  });
});

describe('card actions: only from where the case lives', () => {
  it('a claim with a valid case id from another team is refused and audited; the case stays open', async () => {
    await h.staffSays('register trygghetsjour');
    const { kase, card, posted } = await caseWithCard(h);
    const claim = (card.actions as { verb?: string; data?: Record<string, unknown> }[]).find(
      (a) => a.verb === 'claim',
    )!.data!;

    // Someone in another team's channel (a guest, say) replays the action data with the sequential id.
    const forged = await h.cardAction(claim, {
      from: GUEST,
      where: OTHER,
      conversationId: `${OTHER.channel};messageid=5`,
    });
    expect(forged.status).toBe(200);
    expect(forged.body).toMatch(/hör till en annan kanal/);
    const reply = await h.cardAction(
      { verb: 'reply', caseId: kase.id, replyText: 'Klicka https://127.0.0.2/x' },
      { from: GUEST, where: OTHER, conversationId: `${OTHER.channel};messageid=5` },
    );
    expect(reply.body).toMatch(/hör till en annan kanal/);
    // The Action.Submit fallback goes the same way.
    await h.staffSays('', {
      from: GUEST,
      where: OTHER,
      conversationId: `${OTHER.channel};messageid=5`,
      extra: { text: undefined, entities: [], value: { verb: 'close', caseId: kase.id, outcome: 'noAction' } },
    });
    expect(lastTeamsText()).toMatch(/hör till en annan kanal/);

    expect((await h.app.store.cases.get(kase.id))!).toMatchObject({ status: 'open', claimedBy: null });
    expect(h.webTexts().join('\n')).not.toMatch(/tagit ditt ärende|127\.0\.0\.2|avslutat/);
    const refused = (await h.app.store.staffAudit.list()).filter((e) => e.action === 'teams.cardAction.refused');
    expect(refused.map((e) => e.details.verb).sort()).toEqual(['claim', 'close', 'reply']);
    expect(refused[0]).toMatchObject({ actor: 'aad-guest', details: { caseId: kase.id, channel: OTHER.channel } });

    // A verb Trygg does not know, even from the case's own thread: nothing happens, and it is on record.
    const unknown = await h.cardAction({ verb: 'reopen', caseId: kase.id }, { conversationId: posted.threadId });
    expect(unknown.body).toMatch(/känner inte igen/);
    expect((await h.app.store.staffAudit.list())[0]).toMatchObject({
      action: 'teams.cardAction.refused',
      actor: 'aad-anna',
      details: { verb: 'reopen', caseId: kase.id },
    });
  });

  it('a message in a thread elsewhere whose root has the card’s message id reaches no tenant', async () => {
    await h.staffSays('register trygghetsjour');
    const { kase, posted } = await caseWithCard(h);
    await h.staffSays('Klicka här: https://127.0.0.2/', {
      from: GUEST,
      where: OTHER,
      conversationId: `${OTHER.channel};messageid=${posted.messageId}`,
    });
    await h.staffSays('Vi kommer.', { conversationId: posted.threadId }); // the real thread still works
    await until(() => h.webTexts().find((t) => /Vi kommer\./.test(t)));
    expect(h.webTexts().join('\n')).not.toMatch(/127\.0\.0\.2|Klicka/);
  });

  it('from the case’s own thread, or elsewhere in its route’s channel, the action counts', async () => {
    await h.staffSays('register trygghetsjour');
    const { kase, posted } = await caseWithCard(h);
    const elsewhereInChannel = await h.cardAction(
      { verb: 'claim', caseId: kase.id },
      { from: ANNA, where: JOUR, conversationId: `${JOUR.channel};messageid=999` },
    );
    expect(elsewhereInChannel.body).toMatch(/Taget av/);
    const fromThread = await h.cardAction(
      { verb: 'close', caseId: kase.id, outcome: 'visited' },
      { from: ANNA, where: JOUR, conversationId: posted.threadId },
    );
    expect(fromThread.body).toMatch(/Avslutat av/);
    expect((await h.app.store.cases.get(kase.id))!.status).toBe('closed');
  });
});

describe('staff messages: handled once, and only when the turn went through', () => {
  it('a thread message whose turn failed is relayed when Teams redelivers it, and once only', async () => {
    await h.staffSays('register trygghetsjour');
    const { kase, posted } = await caseWithCard(h);
    const cases = h.app.store.cases;
    const update = cases.update.bind(cases);
    let failures = 1;
    cases.update = async (...args) => {
      if (failures-- > 0) throw new Error('the store is briefly unavailable');
      return update(...args);
    };
    const message = { conversationId: posted.threadId, extra: { id: 'staff-msg-1' } };
    await h.staffSays('Vi är där om tio minuter.', message);
    expect(h.webTexts().join('\n')).not.toMatch(/tio minuter/);

    await h.staffSays('Vi är där om tio minuter.', message); // Teams redelivers: the turn runs now
    await until(() => h.webTexts().find((t) => /Vi är där om tio minuter/.test(t)));
    await h.staffSays('Vi är där om tio minuter.', message); // a redelivery of a handled message
    await until(async () => (await h.app.store.outbox.list({ status: 'pending' })).length === 0 || undefined);
    expect(h.webTexts().filter((t) => /tio minuter/.test(t))).toHaveLength(1);
  });
});
