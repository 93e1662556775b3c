/** `store.cards`: where staff cards were posted, apart from the cases they are about. */
import { expect, it } from 'vitest';
import { StoreNotFoundError, StoreValidationError } from '../../../src/store/index.ts';
import { type ContractContext, sampleCase, START } from './context.ts';

export function cardsContract(ctx: ContractContext): void {
  it('records a case’s card and finds it by subject, thread and message', async () => {
    const { cases, cards } = ctx.store;
    const posted = await cases.create(sampleCase());
    const other = await cases.create(sampleCase());
    const thread = '19:jour@thread.tacv2;messageid=1700000000001';
    expect(await cards.get(posted.id)).toBeUndefined();
    const card = await cards.record({ subject: posted.id, kind: 'case', threadId: thread, messageId: '1700000000001' });
    expect(card).toEqual({
      subject: posted.id,
      kind: 'case',
      threadId: thread,
      messageId: '1700000000001',
      postedAt: START,
    });
    expect(await cards.get(posted.id)).toEqual(card);
    expect(await cards.get(other.id)).toBeUndefined();
    expect(await cards.byThread(thread)).toEqual(card);
    expect(await cards.byThread('19:other@thread.tacv2;messageid=1')).toBeUndefined();
    expect(await cards.byMessage('1700000000001')).toEqual([card]);
    expect(await cards.byMessage('1')).toEqual([]);
    // The case itself knows nothing of Teams.
    expect(Object.keys((await cases.get(posted.id))!)).not.toContain('teams');
  });

  it('a card posted again replaces the record', async () => {
    const { cases, cards } = ctx.store;
    const c = await cases.create(sampleCase());
    await cards.record({ subject: c.id, kind: 'case', threadId: '19:a@thread.tacv2;messageid=1', messageId: '1' });
    ctx.clock.advance(1000);
    const again = await cards.record({
      subject: c.id,
      kind: 'case',
      threadId: '19:a@thread.tacv2;messageid=2',
      messageId: '2',
    });
    expect(await cards.get(c.id)).toEqual(again);
    expect(await cards.byMessage('1')).toEqual([]);
  });

  it('refuses a card for a case that is gone, and nonsense', async () => {
    const { cards } = ctx.store;
    await expect(
      cards.record({ subject: 'T-0000-0000', kind: 'case', threadId: '19:a@thread.tacv2', messageId: '1' }),
    ).rejects.toThrow(StoreNotFoundError);
    await expect(cards.record({ subject: 'T-0000-0000', kind: 'case', threadId: '', messageId: '1' })).rejects.toThrow(
      StoreValidationError,
    );
    await expect(cards.recordPost('T-0000-0000', '')).rejects.toThrow(StoreValidationError);
  });
}
