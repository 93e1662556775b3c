// Finding a place in what tenants and staff write, against the shipped sample of config/areas.yaml.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AreasError, loadAreas, Places } from '../../src/cases/incidents/places.ts';

const places = new Places(loadAreas());

describe('a place in what a tenant writes', () => {
  it.each([
    // text, street, number, areas
    ['Det brinner på Ramels väg 12', 'Ramels väg', '12', ['rosengard']],
    ['DET BRINNER PÅ RAMELS VÄG 12', 'Ramels väg', '12', ['rosengard']],
    ['det brinner pa ramels vag 12b', 'Ramels väg', '12', ['rosengard']],
    ['rök i uppgången, Ramels väg 12 B', 'Ramels väg', '12', ['rosengard']],
    ['Ramels v. 40', 'Ramels väg', '40', ['rosengard']],
    ['vatten överallt på Amiralsg. 105', 'Amiralsgatan', '105', ['rosengard']],
    ['amiralsg 70 har inget vatten', 'Amiralsgatan', '70', ['seved']],
    ['Amiralsgata 120', 'Amiralsgatan', '120', ['rosengard']],
    ['what happened at Rosengardsvagen?', 'Rosengårdsvägen', undefined, ['rosengard']],
    ['Rosengårdsv 3, uppgång A', 'Rosengårdsvägen', '3', ['rosengard']],
    ['polisen på Amiralsgatan', 'Amiralsgatan', undefined, ['rosengard', 'seved']],
    ['strömmen har gått i rasmusgatan 1', 'Rasmusgatan', '1', ['seved']],
  ])('%s', (text, street, number, areas) => {
    const found = places.find(text)!;
    expect(found.street).toBe(street);
    expect(found.number).toBe(number);
    expect(found.areas.map((a) => a.id)).toEqual(areas);
  });

  it.each([
    ['Vad har hänt i Rosengård?', 'rosengard'],
    ['vad har hant i rosengarden', 'rosengard'],
    ['brand i södra sofielund', 'seved'],
  ])('an area named: %s', (text, area) => {
    expect(places.find(text)).toEqual({ areas: [expect.objectContaining({ id: area })] });
  });

  it.each(['det brinner i trapphuset', 'Storgatan 5', 'Ramelsvägen?? nej: Ramelsgatan 3', 'Rosengårdsskolan'])(
    'nothing the file knows: %s',
    (text) => expect(places.find(text)).toBeUndefined(),
  );
});

describe('what staff write in --where', () => {
  it.each([
    ['rosengard', { area: 'rosengard' }, 'Rosengård'],
    ['Rosengård', { area: 'rosengard' }, 'Rosengård'],
    ['ramels vag 12', { street: 'Ramels väg', number: '12', area: 'rosengard' }, 'Ramels väg 12'],
    ['Amiralsg. 70', { street: 'Amiralsgatan', number: '70', area: 'seved' }, 'Amiralsgatan 70'],
    ['Amiralsgatan', { street: 'Amiralsgatan' }, 'Amiralsgatan'],
    ['Storgatan 5', { street: 'Storgatan', number: '5' }, 'Storgatan 5'],
  ])('%s', (where, place, label) => {
    expect(places.parseWhere(where)).toEqual({ place, where: label });
  });

  it('nothing is no place', () => expect(places.parseWhere('  ')).toBeUndefined());
});

describe('whether a contact is about the incident’s place', () => {
  const at = (text: string) => places.find(text)!;
  it.each([
    [{ area: 'rosengard' }, 'Ramels väg 12', true],
    [{ area: 'rosengard' }, 'Rosengård', true],
    [{ area: 'rosengard' }, 'Amiralsgatan 70', false],
    [{ area: 'rosengard' }, 'Amiralsgatan', true], // no number: it may be the Rosengård part
    [{ area: 'seved' }, 'Ramels väg 12', false],
    [{ street: 'Ramels väg', number: '12', area: 'rosengard' }, 'ramels vag 40', true],
    [{ street: 'Ramels väg', number: '12', area: 'rosengard' }, 'Rosengård', true],
    [{ street: 'Ramels väg', number: '12', area: 'rosengard' }, 'Rosengårdsvägen 3', false],
    [{ street: 'Storgatan', number: '5' }, 'Rosengård', false],
  ] as const)('%j and "%s": %s', (incident, text, expected) => {
    expect(places.matches(incident, at(text))).toBe(expected);
  });

  it('keys contacts by area when the area is clear, else by street', () => {
    expect(places.key(at('Ramels väg 12'))).toBe('area:rosengard');
    expect(places.key(at('Amiralsgatan'))).toBe('street:amiralsgatan');
    expect(places.describeKey('area:rosengard')).toBe('Rosengård');
    expect(places.describeKey('street:amiralsgatan')).toBe('Amiralsgatan');
  });
});

describe('the areas file', () => {
  it('the shipped sample is marked as a placeholder', () => expect(loadAreas().placeholder).toBe(true));

  it('a mistake names the file and the field', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'trygg-areas-')), 'areas.yaml');
    writeFileSync(file, 'areas:\n  - id: Rosengård\n    name: R\n    streets:\n      - { name: X, numbers: "ett" }\n');
    expect(() => loadAreas(file)).toThrow(AreasError);
    expect(() => loadAreas(file)).toThrow(/areas\.yaml[\s\S]*areas\.0\.id[\s\S]*areas\.0\.streets\.0\.numbers/);
    expect(() => loadAreas(path.join(path.dirname(file), 'missing.yaml'))).toThrow(/cannot read the file \(ENOENT\)/);
  });
});
