/**
 * Places for incidents: the landlord's areas and their streets (`config/areas.yaml`, data a landlord edits),
 * and finding a place in what people write. Pure: no store, no clock.
 *
 * Matching forgives what tenants do in a hurry: case; å/ä/ö written a/a/o (and é, ü …); "g." or "g" for
 * "gatan" ("Amiralsg. 105"), "gata" too; "v." for "vägen"; a stairwell letter after the number ("12B",
 * "12 b"); punctuation anywhere.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { IncidentPlace } from '../../store/index.ts';

const numbersSchema = z.union([
  z.literal('all'),
  z.string().regex(/^\s*\d+(\s*-\s*\d+)?(\s*,\s*\d+(\s*-\s*\d+)?)*\s*$/, 'house numbers like "1-59" or "2-40, 45"'),
]);

export const areasSchema = z.object({
  /** True while the list is the shipped sample: the server warns at start. */
  placeholder: z.boolean().default(false),
  areas: z
    .array(
      z.object({
        /** What staff write in `--where` (lower case letters, digits and dashes). */
        id: z.string().regex(/^[a-z0-9-]+$/, 'lower case letters, digits and dashes, e.g. "rosengard"'),
        /** The area's name, shown to staff and tenants. */
        name: z.string().min(1),
        /** Other names tenants use for it. */
        aliases: z.array(z.string().min(1)).default([]),
        /** Its streets, each with the house numbers that lie in the area (`all`, or ranges such as "1-59, 61"). */
        streets: z.array(z.object({ name: z.string().min(1), numbers: numbersSchema.default('all') })),
      }),
    )
    .refine((areas) => new Set(areas.map((a) => a.id)).size === areas.length, 'two areas have the same id'),
});

/** A validated areas file. */
export type Areas = z.infer<typeof areasSchema>;
export type Area = Areas['areas'][number];

/** An areas file that cannot be used: names the file, the field and what is wrong. */
export class AreasError extends Error {
  constructor(file: string, problems: string[]) {
    super(`Areas file ${file} is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'AreasError';
  }
}

/** The sample shipped with Trygg. */
export const DEFAULT_AREAS_FILE = new URL('../../../config/areas.yaml', import.meta.url).pathname;

/** Reads and validates an areas file (YAML or JSON). Throws {@link AreasError} naming the file and field. */
export function loadAreas(file: string = DEFAULT_AREAS_FILE): Areas {
  let data: unknown;
  try {
    data = parseYaml(readFileSync(file, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new AreasError(file, [
      code ? `cannot read the file (${code})` : `not valid YAML: ${(e as Error).message.split('\n')[0]}`,
    ]);
  }
  const result = areasSchema.safeParse(data);
  if (!result.success)
    throw new AreasError(
      file,
      result.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(top level)'}: ${i.message}`),
    );
  return result.data;
}

/** Lower case, å/ä/ö and other marks folded away, anything but letters and digits a single space. */
export function foldPlace(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
}

/** The ways a street's name is written: "amiralsgatan", "amiralsgata", "amiralsg"; "ramels vag", "ramels v". */
function spellings(street: string): string[] {
  const f = foldPlace(street).trim();
  const out = new Set([f]);
  if (f.endsWith('gatan')) out.add(f.slice(0, -4)).add(f.slice(0, -1));
  if (f.endsWith('vagen'))
    out
      .add(f.slice(0, -4))
      .add(f.slice(0, -2))
      .add(`${f.slice(0, -5)} vagen`);
  if (f.endsWith(' vag')) out.add(`${f.slice(0, -3)}v`).add(`${f}en`);
  if (f.endsWith('stigen')) out.add(f.slice(0, -2));
  return [...out];
}

/** A place found in a text or given by staff. */
export interface FoundPlace {
  /** The street, spelled as the areas file does when it is one of its streets. */
  street?: string;
  /** The house number as written, stairwell letter left out. */
  number?: string;
  /** The areas it lies in: the one its number falls in, every area of the street without one, or the area named. */
  areas: Area[];
}

function inRange(numbers: string, n: number): boolean {
  if (numbers === 'all') return true;
  return numbers.split(',').some((part) => {
    const [from, to] = part.split('-').map((x) => Number(x.trim()));
    return to === undefined ? n === from : n >= from! && n <= to;
  });
}

/** An index of the areas' names and streets, for finding places in text quickly. */
export class Places {
  readonly areas: Areas;
  /** Longest spellings first, so "rosengardsvagen" wins over "rosengard". */
  readonly #streets: { spelling: string; name: string }[];
  readonly #areaNames: { spelling: string; area: Area }[];

  constructor(areas: Areas) {
    this.areas = areas;
    const streets = new Map<string, string>();
    for (const a of areas.areas) for (const s of a.streets) for (const sp of spellings(s.name)) streets.set(sp, s.name);
    this.#streets = [...streets]
      .map(([spelling, name]) => ({ spelling, name }))
      .sort((x, y) => y.spelling.length - x.spelling.length);
    this.#areaNames = areas.areas
      .flatMap((area) => [area.name, ...area.aliases, area.id].map((n) => ({ spelling: foldPlace(n).trim(), area })))
      .sort((x, y) => y.spelling.length - x.spelling.length);
  }

  /** The areas a street (by the file's spelling) with this number lies in; every area of it without a number. */
  areasOf(street: string, number?: string): Area[] {
    const n = number ? Number.parseInt(number, 10) : undefined;
    return this.areas.areas.filter((a) =>
      a.streets.some((s) => s.name === street && (n === undefined || inRange(s.numbers, n))),
    );
  }

  /** The first street of the areas named in `text` (with its number), else the first area named; or undefined. */
  find(text: string): FoundPlace | undefined {
    const folded = foldPlace(text);
    for (const { spelling, name } of this.#streets) {
      const at = folded.indexOf(` ${spelling} `);
      if (at < 0) continue;
      const after = folded.slice(at + spelling.length + 1);
      // A number right after the street; a stairwell letter (a–h) after it is not part of the number.
      const m = /^ (\d{1,4})(?:[a-h]\b| [a-h] |\b)/.exec(after);
      const number = m?.[1];
      return { street: name, ...(number ? { number } : {}), areas: this.areasOf(name, number) };
    }
    for (const { spelling, area } of this.#areaNames)
      if (spelling && folded.includes(` ${spelling} `)) return { areas: [area] };
    return undefined;
  }

  /**
   * What staff wrote in `--where`: an area (its id or a name), or a street with an optional number (any
   * street, named as written when it is not in the file). The label is how people read it.
   */
  parseWhere(where: string): { place: IncidentPlace; where: string } | undefined {
    const text = where.trim();
    if (!text) return undefined;
    const folded = foldPlace(text).trim();
    const area = this.#areaNames.find((a) => a.spelling === folded)?.area;
    if (area) return { place: { area: area.id }, where: area.name };
    const m = /^(.*?\D)\s*(\d{1,4})\s*[A-Ha-h]?$/.exec(text);
    const streetText = (m ? m[1]! : text).replace(/[\s,]+$/, '');
    const number = m?.[2];
    const known = this.#streets.find((s) => foldPlace(streetText).trim() === s.spelling)?.name;
    const street = known ?? streetText;
    const areas = known ? this.areasOf(known, number) : [];
    const place: IncidentPlace = {
      street,
      ...(number ? { number } : {}),
      ...(areas.length === 1 ? { area: areas[0]!.id } : {}),
    };
    return { place, where: number ? `${street} ${number}` : street };
  }

  /** Whether a place someone named is the incident's: its area, or its street (any number on it). */
  matches(incident: IncidentPlace, found: FoundPlace): boolean {
    if ('street' in incident) {
      if (found.street) return foldPlace(found.street) === foldPlace(incident.street);
      return Boolean(incident.area && found.areas.some((a) => a.id === incident.area));
    }
    return found.areas.some((a) => a.id === incident.area);
  }

  /** What contacts about the same place have in common, for proposals: the area, else the street. */
  key(found: FoundPlace): string {
    if (found.areas.length === 1) return `area:${found.areas[0]!.id}`;
    return found.street ? `street:${foldPlace(found.street).trim()}` : `area:${found.areas[0]?.id ?? '?'}`;
  }

  /** How a proposal's place key reads to staff, and what `--where` would take for it. */
  describeKey(key: string): string {
    const [kind, value = ''] = key.split(':');
    if (kind === 'area') return this.areas.areas.find((a) => a.id === value)?.name ?? value;
    return this.#streets.find((s) => s.spelling === value)?.name ?? value;
  }
}
