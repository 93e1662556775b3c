/**
 * Turkish acute situations told without the usual danger words, from the taxonomy (README, "Triage"): a
 * wish to end it all, someone at the lock or inside the home, a confused old person or a child gone, a child
 * alone on a balcony, a bang that leaves the ears ringing, a seizure, a neighbour not seen for days, someone
 * hiding from violence at home. Merged into the lexicon by `tr.ts`.
 */
import type { Lexicon } from '../lexicon.ts';

/** A child or a helpless person, as the phrases below name them. */
const CHILD = ['çocuğ*', 'çocuk*', 'oğl*', 'kızım*', 'bebe*', 'torun*', 'yaşındaki'];

export const trSituations: Required<Pick<Lexicon, 'danger' | 'dangerUncertain' | 'signs'>> = {
  danger: {
    suicide: [
      // "I want to end it all", "I am thinking of jumping"
      'her şeyi bitirmek isti*',
      'hepsini bitirmek isti*',
      'her şeye son vermek isti*',
      'atlamayı düşünüyorum',
      'atlamak istiyorum',
      'kendimi atmak isti*',
    ],
    break_in: [
      // something pushed into the lock and turned; a stranger in the bedroom; a torch inside
      // someone else, now: not "kilidi çeviriyorum ama açılmıyor" (locked out)
      'kilid* .. bir şey sokuyo*',
      'kilit* .. bir şey sokuyo*',
      'kilid* .. bir şey sokup',
      'kilit* .. bir şey sokup',
      'bir şey sokup çeviriyor',
      'tanımadığım biri .. evim*',
      'evimde tanımadığım',
      'yatak odam* .. biri var',
      'içeride .. fener*',
      'içerde .. fener*',
      'fener ışığı .. içer*',
    ],
    weapon: ['tüfeğ*', 'vuruldum', 'havai fişek* .. pencere*', 'roket* .. pencere*'],
    violence: [
      // "you will kill me", someone beating someone, chairs thrown
      'öldüreceksin beni',
      'beni öldüreceksin',
      'birisi birini dövüyor',
      'biri birini dövüyor',
      'sandalye* fırlat*',
      'sandalye* .. atıyor',
    ],
    medical: [
      // a seizure; a child that swallowed a battery; chest pain spreading to the arm
      'ağzından köpük',
      'köpük* .. ağz*',
      'pil* .. yuttu',
      'pil* .. yutmuş',
      'mıknatıs* .. yut*',
      'sol kol* .. uyuş*',
      'kolu .. uyuşuyor',
    ],
    gas: ['tüp koku*', 'tüp gaz* koku*'],
  },
  dangerUncertain: {
    suicide: [
      // better off without me; why do I live; nobody would notice; pills saved up; goodbyes
      'bensiz .. daha iyi',
      'bensiz .. rahat*',
      'ben olmasam .. daha iyi',
      'ne diye yaşıyorum',
      'neden yaşıyorum',
      'niye yaşıyorum',
      'gitsem .. kimse fark*',
      'ölsem .. kimse*',
      'olmasam .. kimse fark*',
      'ilaç* .. biriktir*',
      'hap* .. biriktir*',
      'herkese veda*',
      'veda ettim',
      'yük olmak istemiyorum',
      'eşyalarımı dağıttım',
      'eşyalarımı verdim',
    ],
    missing: [
      // gone out in slippers, with dementia; a child that was just here and is not
      'terlik* .. çıkmış',
      'terlikle* .. çık*',
      'alzheimer* .. çık*',
      'demans* .. çık*',
      ...CHILD.map((c) => `${c} .. şimdi yok`),
    ],
    trapped: [
      // a child alone on the balcony or in the lift; someone alone locked in
      // not just a child and a lift: children playing in the lift are a disturbance
      ...CHILD.flatMap((c) => [`${c} .. balkonda kal*`, `${c} .. asansörde kal*`, `asansör* .. içinde .. ${c}`]),
      'balkonda kilitli kal*',
      'içeride yalnız',
      'içerde yalnız',
      'içeride tek başına',
      'asansör* .. tek başıma',
      'asansör* .. yalnızım',
    ],
    break_in: ['fener* .. depo*', 'depo* .. tek tek'],
    // "these are not fireworks": shots, perhaps (the entry holds its negation, which then negates nothing)
    weapon: ['havai fişek değil', 'fişek değil', 'havai fişek falan değil'],
    explosion: ['kulağım çınlıyor', 'kulaklarım çınlıyor', 'kulaklarımız çınlıyor'],
    medical: [
      // a seizure, perhaps
      'kasılıyor',
      'kasılma*',
      // a neighbour not seen for days
      'gündür .. açmıyor',
      'günlerdir .. açmıyor',
      'gündür .. görmedi*',
      'günlerdir .. görmedi*',
      'gündür .. yanık',
      // chest tight, faint in a stuck lift
      'göğsüm sıkış*',
      'göğsü sıkış*',
      'şekerim düş*',
      'fenalaşıyorum',
      'bayılacak gibiyim',
    ],
    fire: [
      // smoke seeping under a door, a door or a handle too hot to touch
      'gri .. sızıyo*',
      'kapı* .. sıcacık',
      'kapı kolu .. sıcak',
      'kapı* .. çok sıcak',
    ],
  },
  signs: {
    // a roof; not a balcony or looking down, said of smoking or watching the street
    suicide: ['çatı* .. duruyorum'],
    // "(he) is not inside", of a person whose door stands open; not "evde yok" (not at home), said of anyone
    missing: ['içerde yok', 'içeride yok'],
    violence: ['saklanıyorum', 'dolapta saklan*', 'saklandım'],
    // not `fısss*`: repeated letters fold, and `fıs*` would be every "fişek"
    gas: ['baş* dönü*', 'başımız ağrıyor', 'hepimizin başı ağrıyor', 'fıs diye', 'fıs fıs diye'],
  },
};
