// Staff cards show what tenants, staff display names and the model wrote as typed: never as Markdown, never
// as a link, never as a line that looks like Trygg's own (issue 19, finding 5).
import { describe, expect, it } from 'vitest';
import { caseCard } from '../../../src/channels/teams/cards.ts';
import { staffNameForTenant } from '../../../src/cases/desk.ts';
import { plain, stripLinks } from '../../../src/channels/teams/untrusted.ts';
import { loadPolicy } from '../../../src/routing/policy.ts';
import type { Case } from '../../../src/store/index.ts';

const HOSTILE = [
  '[Klicka här](https://127.0.0.2/phish)',
  'https://127.0.0.2/login',
  'www.mkb-login.test',
  '**VIKTIGT**',
  '# Rubrik',
  '![bild](https://127.0.0.2/x.png)',
  "<a href='https://127.0.0.2/'>MKB</a> <b>fet</b>",
  'hej\n\n**Trygg:** Ärendet är löst, åk inte dit',
  'Trygg: ingen fara\r\nTrygg 12:00: klart',
  'evil\u202Egnp.exe',
].join(' ');

const hostileCase = (status: Case['status']): Case => ({
  id: 'T-2701-0001',
  route: 'trygghetsjour',
  category: 'disturbance',
  danger: null,
  language: 'sv',
  channelId: 'webchat',
  conversation: {},
  summary: `Störning. ${HOSTILE}`,
  transcript: [
    { at: '2027-01-23T11:00:00Z', from: 'tenant', text: HOSTILE },
    { at: '2027-01-23T11:01:00Z', from: 'bot', text: 'Var är det?' },
  ],
  contact: { name: `Kalle ${HOSTILE}`, address: `Storgatan 5 ${HOSTILE}`, stairwell: '**B**', phone: '0701234567' },
  status,
  claimedBy: status === 'open' ? null : `Anna **Trygg-admin** [x](https://127.0.0.2)`,
  outcome: status === 'closed' ? `**löst** https://127.0.0.2` : null,
  createdAt: '2027-01-23T11:00:00Z',
  updatedAt: '2027-01-23T11:05:00Z',
});

/** Every element of a card, depth first. */
function* elements(node: unknown): Generator<Record<string, unknown>> {
  if (Array.isArray(node)) for (const n of node) yield* elements(n);
  else if (node && typeof node === 'object') {
    yield node as Record<string, unknown>;
    for (const v of Object.values(node)) yield* elements(v);
  }
}

const MARKERS = /Klicka|127\.0\.0\.2|VIKTIGT|Rubrik|fet|löst|Trygg-admin|Kalle|Storgatan|ingen fara|gnp/;

describe('the case card with hostile text everywhere', () => {
  for (const status of ['open', 'claimed', 'closed'] as const)
    it(`${status}: untrusted text only in TextRuns, inert`, () => {
      const card = caseCard(hostileCase(status), 'Europe/Stockholm');
      const all = [...elements(card)];
      // What parses Markdown (TextBlock, FactSet) carries only Trygg's own texts.
      for (const e of all.filter((e) => e.type === 'TextBlock' || e.type === 'FactSet'))
        expect(JSON.stringify(e)).not.toMatch(MARKERS);
      // Nothing that links or shows a picture.
      expect(all.some((e) => e.type === 'Image' || e.selectAction || e.type === 'Action.OpenUrl')).toBe(false);
      const runs = all.filter((e) => e.type === 'TextRun').map((e) => e as { text: string; weight?: string });
      const untrusted = runs.filter((r) => MARKERS.test(r.text));
      expect(untrusted.length).toBeGreaterThan(0);
      for (const r of untrusted) {
        expect(r.text).not.toMatch(/[\r\n\u202e]|:\/\/|www\./);
        expect(r.weight).toBeUndefined(); // never bold like Trygg's labels
      }
      // Each transcript line starts with Trygg's own bold label; the tenant's "Trygg:" stays inside their text.
      const lines = all.filter(
        (e) =>
          e.type === 'RichTextBlock' &&
          /^(Hyresgäst|Trygg) \d\d:\d\d: $/.test(String((e.inlines as { text: string }[])[0]?.text)),
      );
      expect(lines).toHaveLength(2);
      const tenantLine = (lines[0]!.inlines as { text: string }[])[1]!.text;
      expect(tenantLine).toContain('hej ⏎ **Trygg:** Ärendet är löst');
      expect(runs.filter((r) => r.weight === 'Bolder').every((r) => !MARKERS.test(r.text))).toBe(true);
    });

  it('an open case hides the number in the text too, and the masked contact', () => {
    const text = JSON.stringify(caseCard(hostileCase('open'), 'Europe/Stockholm'));
    expect(text).not.toContain('0701234567');
  });
});

describe('plain and stripLinks', () => {
  it.each([
    ['https://127.0.0.2/a', 'https[:]//127.0.0.2/a'],
    ['se WWW.evil.test', 'se www[.]evil.test'],
    ['rad1\n\nrad2', 'rad1 ⏎ rad2'],
    ['a\u200bb\u202ec', 'abc'],
    ['javascript://x', 'javascript[:]//x'],
  ])('plain(%j) = %j', (input, output) => {
    expect(plain(input)).toBe(output);
  });

  it.each([
    ['Se [här](https://127.0.0.2/x).', 'Se här.'],
    ['![alt](https://127.0.0.2/i.png) text', 'alt text'],
    ['<a href="https://127.0.0.2">MKB</a> och <b>fet</b>', 'MKB och fet'],
    ['ring oss https://127.0.0.2/y nu', 'ring oss nu'],
    ['besök www.evil.test', 'besök'],
    ['Ingen länk, 112 och 114 14.', 'Ingen länk, 112 och 114 14.'],
  ])('stripLinks(%j) = %j', (input, output) => {
    expect(stripLinks(input)).toBe(output);
  });
});

describe('who the tenant is told took the case', () => {
  const base = loadPolicy();
  const c = { ...hostileCase('open'), language: 'en' as const };
  it('by default the team, in the tenant’s language; never the full name', () => {
    expect(base.handoff.staffNameToTenant).toBe('team');
    const name = staffNameForTenant(c, 'Anna Lilja', base);
    expect(name).toBe(base.destinations.trygghetsjour.name.en ?? base.destinations.trygghetsjour.name.sv);
    expect(name).not.toMatch(/Anna|Lilja/);
  });
  it('with staffNameToTenant: firstName, the first name only (the team when Teams gave none)', () => {
    const policy = { ...base, handoff: { ...base.handoff, staffNameToTenant: 'firstName' as const } };
    expect(staffNameForTenant(c, 'Anna Lilja', policy)).toBe('Anna');
    expect(staffNameForTenant(c, '  ', policy)).toBe(base.destinations.trygghetsjour.name.en);
  });
});
