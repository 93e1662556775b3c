/**
 * Polish acute situations told without the usual danger words, from the taxonomy (README, "Triage"): a
 * wish to end it all, someone at the lock or inside the home, a confused old person gone out into the cold,
 * a child alone in a lift, a bang that leaves the ears ringing, a seizure, chest pain spreading to the arm,
 * a neighbour not seen for days, someone hiding from violence at home. Merged into the lexicon by `pl.ts`.
 */
import type { Lexicon } from '../lexicon.ts';

/** A child, as the phrases below name it. */
const CHILD = ['dzieck*', 'dziecko', 'dziecię', 'syn', 'synek', 'córk*', 'córeczk*', 'maluch*', 'wnuk*', 'wnucz*'];

export const plSituations: Required<Pick<Lexicon, 'danger' | 'dangerUncertain' | 'signs'>> = {
  danger: {
    suicide: [
      // "thinking of ending it", "I want to jump"
      'żeby to skończyć',
      'chcę to skończyć',
      'skończyć z tym wszystkim',
      'myślę żeby skoczyć',
      'chcę skoczyć',
      'zaraz skoczę',
    ],
    break_in: [
      // something put into the lock and turned; tinkering at the door; a stranger inside; a torch
      // someone else: not "wkładam klucz do zamka" (locked out)
      'coś wkłada do zamka',
      'wkłada coś do zamka',
      'ktoś .. do zamka',
      'majstruj* przy .. drzwi*',
      'dłubie .. zamk*',
      'dłubie .. drzwi*',
      'dobiera* się do',
      'się dobiera* do',
      'szarpie .. za .. drzwi*',
      'po kolei .. drzwi komórek',
      'ktoś obcy .. w mieszkaniu',
      'ktoś obcy .. w domu',
      'nieznajom* .. w mieszkaniu',
      'ktoś jest w moim mieszkaniu',
      'ktoś jest w sypialni',
      'w środku .. latark*',
      'latark* .. w mieszkaniu',
      // bike chains or locks cut right now
      'tną łańcuch*',
      'tnie łańcuch*',
      'tnie kłódk*',
      'przecina* łańcuch*',
      'przecina* zapięci*',
      'przecina* kłódk*',
      'szlifierk* .. piwnic*',
    ],
    weapon: ['strzelb*', 'dubeltówk*', 'celuje .. w okn*', 'celuje do'],
    violence: [
      // "you will kill me", someone beating someone, chairs thrown
      'zabijesz mnie',
      'ktoś kogoś bije',
      'bije kogoś',
      'rzuca* krzesł*',
      'rzuca* .. krzesłem',
    ],
    medical: [
      // a seizure: foam at the mouth, not responding
      'pian* na ust*',
      'pianę na ust*',
      'nie kontaktuje',
      // chest pain spreading to the arm
      'złapał* się za klatk*',
      'złapał* się za serce',
      'drętwie* .. lewa ręka',
      'drętwie* .. lew* ręk*',
      // a battery or magnets swallowed
      'połkn* .. bateri*',
      'połkn* .. magnes*',
      'nie może złapać oddechu',
    ],
    trapped: ['zatrzasnęł* się w', 'zatrzasnęło się', 'zamknęło się w'],
  },
  dangerUncertain: {
    suicide: [
      // better off without me; why do I still live; nobody would notice; goodbyes
      'lżej beze mnie',
      'lepiej by było beze mnie',
      'po co ja jeszcze żyję',
      'po co żyję',
      'po co mam żyć',
      'jak mnie nie będzie',
      'gdy mnie nie będzie',
      'nikt nawet nie zauważy',
      'opakowanie tabletek',
      'zbierał* tabletki',
      'pożegnał* się ze wszystkimi',
      'rozdał* wszystko',
    ],
    missing: [
      // gone out in slippers, with dementia
      'w kapciach .. wyszedł',
      'w kapciach .. wyszła',
      'wyszedł w kapciach',
      'wyszła w kapciach',
      'demencj* .. wyszedł',
      'demencj* .. wyszła',
    ],
    trapped: [
      // a child alone in a stuck lift; someone alone in a lift, faint; a panic attack in a lift
      ...CHILD.flatMap((c) => [`w środku ${c}`, `${c} samo w windzie`, `w windzie .. ${c} samo`]),
      'w windzie sam',
      'w windzie sama',
      'sam w windzie',
      'sama w windzie',
      'w windzie .. atak* panik*',
      'atak* panik* .. w windzie',
      'sama zamknięta',
      'sam zamknięty',
      'samo na balkonie',
      'sam na balkonie',
    ],
    break_in: ['piwnic* .. latark*', 'latark* .. piwnic*'],
    explosion: ['dzwoni mi w uszach', 'w uszach dzwoni', 'dzwoni w uszach', 'grzmotn*', 'huknęł*', 'jebnęł*'],
    medical: [
      // a neighbour not seen for days; faint; sugar dropping
      'od .. dni .. nie otwiera',
      'nie otwiera od .. dni',
      'cukier leci',
      'ściska .. w klatce',
    ],
    fire: [
      // something black on the stove and grey smoke, eyes stinging; a door or a handle too hot to touch
      'na kuchence .. czarn*',
      'szar* dym*',
      'pełno szarego',
      'pieką .. oczy',
      'szczypią .. oczy',
      'klamka .. gorąc*',
      'drzwi .. gorące',
    ],
    gas: ['urządzeni* od czadu', 'czuć gas'],
  },
  signs: {
    // a roof; not a balcony or looking down, said of smoking or watching the street
    suicide: ['stoję na dachu'],
    // the smell of New Year's Eve: not broken glass or dust, which a bottle or a renovation leave too
    explosion: ['jak po sylwestrze'],
    violence: ['chowam się', 'schował* się', 'jestem w szafie', 'ukrywam się'],
    // several people at once: one headache is no carbon monoxide
    gas: ['wszystkich nas boli głowa', 'wszystkich boli głowa', 'bolą nas głowy', 'jest nam niedobrze'],
  },
};
