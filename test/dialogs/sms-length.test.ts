// SMS replies stay short: whole conversations in Swedish, English and Arabic, every message answered and every
// reply at most three segments.
import { describe, expect, it } from 'vitest';
import { smsSegments } from '../../src/channels/render.ts';
import { harness } from './harness.ts';

const CONVERSATIONS: [string, string, string[]][] = [
  ['sv', '2027-01-19 23:00', ['grannen spelar hög musik', '2', 'Storgatan 5 uppgång B', 'nu är det tyst']],
  ['sv', '2027-01-19 23:00', ['Kranen droppar', '1', 'Storgatan 5']],
  ['sv', '2027-01-20 04:20', ['Jag känner mig ensam', '1']],
  ['sv', '2027-01-19 23:00', ['Min cykel är stulen']],
  ['sv', '2027-01-19 23:00', ['DET BRINNER']],
  ['sv', '2027-01-19 23:00', ['hjälp']],
  ['sv', '2027-01-20 04:20', ['personal']],
  ['en', '2027-01-19 23:00', ['Someone is playing loud music next door', '2', 'Main street 5']],
  ['en', '2027-01-19 23:00', ['I want to end my life']],
  ['ar', '2027-01-19 23:00', ['ضوضاء عالية من الشقة المجاورة', '2', 'Ramels väg 10']],
  ['ar', '2027-01-19 23:00', ['الشقة المجاورة تحترق']],
];

describe('SMS length', () => {
  it.each(CONVERSATIONS)('%s at %s: %j', async (_lang, at, messages) => {
    const h = await harness({ at, channelId: 'sms', conversationId: `sms-${messages[0]}` });
    for (const m of messages) {
      const replies = await h.texts(m);
      // Every message is answered: a length check over no reply would prove nothing.
      expect(
        replies.filter((r) => r.trim()),
        `a reply to "${m}"`,
      ).not.toHaveLength(0);
      for (const reply of replies) {
        expect(smsSegments(reply), reply).toBeLessThanOrEqual(3);
        expect(reply).not.toMatch(/\*\*|\]\(/);
      }
    }
  });
});
