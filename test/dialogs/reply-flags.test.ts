// Every activity a dialog sends carries the Reply it was rendered from (under a symbol, never on the wire), so
// middleware reads the reply's flags instead of its text: the outbound SMS cap exempts the emergency reply.
import { describe, expect, it } from 'vitest';
import { replyOf } from '../../dialogs/reply.ts';
import { harness } from './harness.ts';

describe('reply flags on sent activities', () => {
  it('on SMS the 112 reply is flagged emergency, and nothing else is, though other texts say 112 too', async () => {
    const h = await harness({ channelId: 'sms', at: '2027-01-19 23:00' });
    const sent = (await h.send('DET BRINNER I TRAPPHUSET')).filter((a) => a.type === 'message');
    expect(sent.length).toBeGreaterThan(1);
    expect(replyOf(sent[0]!)).toMatchObject({ emergency: true, lang: 'sv' });
    expect(sent[0]!.text).toMatch(/112/);
    const rest = sent.slice(1);
    expect(rest.some((a) => /112/.test(a.text ?? ''))).toBe(true);
    for (const a of rest) expect(replyOf(a)?.emergency).toBeFalsy();
    expect(rest.every((a) => replyOf(a) !== undefined)).toBe(true);
    expect(JSON.stringify(sent[0])).not.toContain('emergency');
  });

  it('a question (a prompt) carries its reply too', async () => {
    const h = await harness({ channelId: 'webchat', at: '2027-01-19 23:00' });
    const sent = (await h.send('grannen spelar hög musik')).filter((a) => a.type === 'message');
    expect(replyOf(sent.at(-1)!)).toMatchObject({ expectsInput: true });
  });
});
