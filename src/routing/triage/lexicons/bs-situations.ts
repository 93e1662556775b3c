/**
 * Bosnian/Croatian/Serbian acute situations told without the usual danger words, from the taxonomy
 * (README, "Triage"): a wish to end it all, someone at the lock or cutting locks, a confused old person gone
 * out into the cold, a child alone on a balcony, a bang that leaves the ears ringing, chest pain, a fall
 * with no way up, a battery swallowed, someone beaten behind a wall. Merged into the lexicon by `bs.ts`.
 */
import type { Lexicon } from '../lexicon.ts';

export const bsSituations: Required<Pick<Lexicon, 'danger' | 'dangerUncertain' | 'signs'>> = {
  danger: {
    suicide: [
      // "I am thinking of jumping"
      'razmišljam da skočim',
      'hoću da skočim',
      'želim skočiti',
      'skočit ću',
      'skočiću',
    ],
    break_in: [
      // tinkering at the lock, pushing something through the letterbox; cutting bike chains or locks now
      // someone else: not "petljam s bravom" (locked out)
      ...['čeprka', 'čeprkaju', 'petlja', 'petljaju', 'čačka', 'čačkaju'].flatMap((v) => [
        `neko .. ${v} .. vrat*`,
        `neko .. ${v} .. brav*`,
      ]),
      'čeprka po vratima',
      'seku lanc*',
      'sijeku lanc*',
      'reže* lanc*',
      'seku brav*',
      'sijeku brav*',
      'brusilic* .. podrum*',
      'podrum* .. brusilic*',
      'neko je u mom stanu',
      'neko je u spavaćoj',
      'obija .. ostav*',
      'obijaju .. ostav*',
    ],
    weapon: ['lovačk* pušk*', 'cilja* .. prozor*', 'nišani* .. prozor*', 'raket* .. u prozor*', 'petard* .. u prozor*'],
    violence: [
      // "you will kill me", someone beating someone, things thrown
      'ubićeš me',
      'ubit ćeš me',
      'ubiti ćeš me',
      'udara* nekog*',
      'tuče nekog*',
      'baca* stolic*',
      'baca* .. stolicom',
    ],
    medical: [
      // a battery or magnets swallowed; foam at the mouth; a fall with no way up
      'progut* .. baterij*',
      'progut* .. magnet*',
      'pjen* na ust*',
      'pjen* .. ust*',
      'pena na ustima',
      'ne mogu ustati',
      'ne mogu da ustanem',
      'steže .. u prs*',
      'steže .. u grud*',
    ],
    trapped: ['se zaključalo u', 'zaključalo se u', 'se zatvorilo u', 'zatvorilo se u'],
  },
  dangerUncertain: {
    suicide: [
      // better off without me; why do I live; nobody will notice; pills saved up; goodbyes
      'lakše bez mene',
      'bez mene .. lakše',
      'bez mene .. bolje',
      'zašto živim',
      'zašto uopšte živim',
      'čemu živim',
      'niko neće primijetiti',
      'niko neće ni primijetiti',
      'kad me ne bude',
      'kad mene ne bude',
      'skupljao sam tablete',
      'skupljala sam tablete',
      'oprostio sam se od svih',
      'oprostila sam se od svih',
      'pozdravio sam se sa svima',
      'pozdravila sam se sa svima',
      'poklonio sam sve',
      'poklonila sam sve',
    ],
    missing: [
      // gone out in slippers, with dementia
      'izaš* .. u papučama',
      'u papučama .. izaš*',
      'demencij* .. izaš*',
    ],
    trapped: [
      // a child alone on a balcony; someone alone locked in; alone in a lift, panicking
      // with "je": "sam" is also "I am" ("ja sam na balkonu", "sam zaključan vani")
      'je ostao sam na balkonu',
      'je ostala sama na balkonu',
      'je ostalo samo na balkonu',
      'je sama zaključana',
      'je sam zaključan',
      'sama sam u liftu',
      'sam sam u liftu',
      'u liftu sam sam',
      'u liftu sam sama',
      'napad panike .. u liftu',
      'u liftu .. napad panike',
    ],
    // "these are not firecrackers": shots, perhaps (the entry holds its negation, which then negates nothing)
    weapon: ['nije vatromet', 'nisu petarde', 'to nije petard*', 'to nisu petard*', 'nije petard*'],
    explosion: ['zvoni mi u ušima', 'u ušima mi zvoni', 'zuji mi u ušima', 'nešto je tresnulo', 'prasnulo je'],
    medical: [
      // a neighbour not seen for days; faint; chest pressure
      'danima .. ne otvara',
      'ne otvara .. danima',
      'dana .. ne otvara',
      'pritisak u prs*',
      'pritisak u grud*',
      'trne .. ruka',
      'utrnu* .. ruka',
    ],
    fire: [
      // a toaster glowing, black coming out; a black cloud billowing; a door or a handle too hot to touch
      'toster* .. sav crven*',
      'toster* .. užaren*',
      'izlazi crn*',
      'crno .. izlazi',
      'kulja* dim*',
      'kulja* crn*',
      'dim kulja',
      'crni oblak',
      'kvaka .. vruć*',
      'vrata su vruća',
    ],
  },
  signs: {
    // a roof; not a balcony or looking down, said of smoking or watching the street
    suicide: ['stojim na krovu'],
    violence: ['krijem se', 'sakrio sam se', 'sakrila sam se'],
    fire: ['pucketa*'],
    // several people at once: one headache is no carbon monoxide
    gas: ['nas boli glava', 'sve nas boli glava'],
  },
};
