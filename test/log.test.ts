// The log scrubber keeps the case ids operators act on (an alert names its case), and still masks numbers.
import { describe, expect, it } from 'vitest';
import { createLogger, scrub } from '../src/log.ts';

describe('scrub', () => {
  it('keeps case ids, masks the phone numbers next to them', () => {
    expect(scrub('ärende T-2701-0001 och T-2612-10234')).toBe('ärende T-2701-0001 och T-2612-10234');
    expect(scrub('T-2701-0001 ring 070-123 45 67')).toBe('T-2701-0001 ring [phone]');
    expect(scrub('2701-0001234')).toBe('[phone]');
  });

  it('an alert line names its case', () => {
    const lines: Record<string, unknown>[] = [];
    const log = createLogger('info', { write: (l: string) => void lines.push(JSON.parse(l)) });
    log.error({ alert: 'TRYGG_ALERT_NO_CHANNEL', caseId: 'T-2701-0001', phone: '0701234567' }, 'alert');
    expect(lines[0]).toMatchObject({ alert: 'TRYGG_ALERT_NO_CHANNEL', caseId: 'T-2701-0001' });
    expect(JSON.stringify(lines[0])).not.toContain('0701234567');
  });
});
