/**
 * Swedish danger words, as Malmö tenants write them in a hurry: informal, often without å/ä/ö (folding
 * covers that), compounds written together or apart. All lexicons are matched against every message, so
 * short words that are also common words in another language are avoided or only used in phrases.
 */
import type { Lexicon } from '../lexicon.ts';

/** Acute danger by kind: any hit that is not discounted is an emergency. */
export const svDanger: Lexicon['danger'] = {
  fire: [
    'brinner', 'brann', 'brinna', 'brunnit', 'brinnande', 'brand', 'branden', 'bränder', 'bränderna',
    'en brand', 'brand i', 'det är brand', 'står i brand', 'i brand', 'eldsvåda', 'mordbrand',
    'källarbrand*', 'trapphusbrand*', 'lägenhetsbrand*', 'soprumsbrand*', 'balkongbrand*', 'köksbrand*',
    'vindsbrand*', 'förrådsbrand*', 'bilbrand*', 'husbrand*', 'spisbrand*', 'containerbrand*', 'brandrök',
    'eld', 'elden', 'fattat eld', 'tagit eld', 'tar eld', 'satt eld', 'tänt eld', 'tände eld',
    'tänder eld', 'lågor', 'lågorna', 'i lågor', 'flammor', 'flammorna', 'rök', 'röken',
    'rökutveckling', 'rökfyllt', 'rökfylld*', 'full av rök', 'fullt av rök', 'luktar rök', 'lukt av rök',
    'röklukt', 'tjock rök', 'svart rök', 'ryker',
  ],
  explosion: [
    'explosion*', 'exploder*', 'sprängning*', '*sprängning', 'sprängladdning*', 'sprängämne*', 'sprängd',
    'sprängt', 'sprängde', 'sprängdes', 'detonation*', 'detonera*', 'bomb*', 'handgranat*', 'granaten',
    'en granat',
  ],
  weapon: [
    'pistol*', 'revolver*', 'gevär*', 'vapen', 'vapnet', 'vapnen', 'skjutvapen', 'automatvapen', 'k pist',
    'kpist', 'beväpnad*', 'skjuter', 'skjuta', 'skjutit', 'sköt på', 'sköt mot', 'sköt honom', 'sköt henne',
    'sköt ihjäl', 'någon sköt', 'skjuten', 'skjutna', 'skjutning*',
    'skottlossning*', 'skott', 'skotten', 'skottet', 'skottsalva*', 'kniv*', 'machete*', 'yxa', 'yxan',
    'basebollträ*', 'slagträ*', 'järnrör*', 'tillhygge*', 'batong*',
  ],
  violence: [
    'slår mig', 'slår oss', 'slår honom', 'slår henne', 'slår dem', 'slår barn*', 'slår sin*', 'slår min*',
    'slår mamma', 'slår pappa', 'slår ihjäl',
    'slå ihjäl', 'slagen', 'slagna', 'blir slagen', 'blev slagen', 'slog mig', 'slog honom', 'slog henne',
    'slog oss', 'slog dem', 'slog sin*', 'slog min*', 'slog barn*', 'slog mamma', 'slog pappa',
    'misshand*', 'slåss', 'slagsmål*', 'sparkar honom', 'sparkar henne', 'sparkar mig', 'våldtar',
    'våldtäkt*', 'våldtagen', 'stryper', 'stryptag', 'kväver henne', 'kväver honom', 'hotar att döda',
    'hotar .. döda', 'hotar mig', 'hotar oss', 'hotar att slå', 'hotar att skada', 'dödshot*', 'mordhot*',
    'överfall*', 'överfallen', 'rånar', 'rån pågår', 'attackerar', 'attackerad', 'angriper', 'angripen',
    'skriker på hjälp', 'ropar på hjälp', 'skrik på hjälp', 'skrek på hjälp', 'gör illa', 'skadar henne',
    'skadar honom', 'skadar mig', 'är våldsam', 'blir våldsam', 'grovt våld',
  ],
  break_in: [
    'bryter sig in', 'bryta sig in', 'bryter upp', 'bryta upp', 'försöker bryta*', 'håller på att bryta',
    'inbrott pågår', 'inbrott .. just nu', 'just nu .. inbrott', 'inbrott .. pågår', 'inbrott .. nu',
    'pågående inbrott', 'sparkar in dörren', 'bänder upp', 'bänder .. dörr*', 'någon är i min lägenhet',
    'någon i min lägenhet', 'främling i min lägenhet', 'inne i min lägenhet', 'någon är i lägenheten',
    'håller på att stjäla', 'stjäl just nu',
  ],
  medical: [
    'medvetslös*', 'andas inte', 'andas knappt', 'slutat andas', 'kan inte andas', 'får ingen luft',
    'blöder', 'blöder mycket', 'blödning*', 'blod överallt', 'mycket blod', 'svimmat', 'svimmade', 'svimmar',
    'avsvimmad', 'livlös*', 'ligger .. rör sig inte', 'vaknar inte', 'går inte att väcka', 'hjärtattack*',
    'hjärtstopp', 'hjärtinfarkt', 'infarkt', 'stroke', 'överdos*', 'krampanfall', 'epileptiskt anfall',
    'ambulans*', 'svårt skadad', 'allvarligt skadad', 'någon är skadad', 'han är skadad', 'hon är skadad',
    'skadad person', 'skadade personer',
    'ramlat och kommer inte upp', 'ligger död', 'verkar död', 'hittat .. död', 'förgiftad', 'förgiftning',
    'kvävs', 'sätter i halsen', 'allergisk chock', 'benbrott', 'brutit benet',
  ],
  gas: [
    'gasläck*', 'gas läcker', 'läcker gas', 'gas läcka', 'luktar .. gas*', 'gaslukt*', 'lukt av gas',
    'lukten av gas', 'doftar gas', 'gasol* .. läcker', 'gasspis* .. läcker', 'gasflaska .. läcker',
    'kolmonoxid*', 'koloxid*',
  ],
  suicide: [
    'självmord*', 'suicid*', 'livet av mig', 'livet av sig', 'ta mitt liv', 'ta mitt eget liv', 'vill dö',
    'vill bara dö', 'vill inte leva', 'orkar inte leva', 'inte vill leva', 'skada mig själv', 'skadar mig själv',
    'självskad*', 'döda mig själv', 'hänga mig', 'avsluta mitt liv', 'avsluta livet', 'hoppa från balkongen',
    'hoppa framför', 'ingen mening att leva', 'ingen mening med livet',
  ],
};

/** Possible danger: asked about, but still sent to 112 first. */
export const svDangerUncertain: Lexicon['dangerUncertain'] = {
  fire: [
    'brandlarm*', 'brandvarnare* .. piper', 'brandvarnare* .. tjuter', 'brandvarnare* .. larmar',
    'brandvarnare* .. låter', 'brandvarnare* .. går', 'brandvarnare* .. gick', 'larmet går', 'larmet tjuter',
    'luktar bränt', 'bränd lukt', 'brandlukt', 'eldar', 'tänt på', 'tänder på', 'brandkår*', 'räddningstjänst*',
    'brandbil*', 'gnistor', 'gnistrar', 'glöder', 'sotlukt',
  ],
  explosion: [
    'det small', 'det smällde', 'det smäller', 'hög smäll', 'kraftig smäll', 'stor smäll', 'enorm smäll',
    'en smäll', 'smällen', 'knall', 'hög knall', 'tryckvåg', 'rutorna skakade', 'huset skakade',
  ],
  weapon: ['ser ut som ett vapen', 'kan ha ett vapen', 'kan ha vapen'],
  violence: [
    'slår', 'slår sönder', 'jagar', 'vägrar gå', 'vägrar att gå', 'våld i nära relation*', 'utsatt för våld',
    'utsätts för våld', 'hedersvåld', 'kastar sten', 'rånad just nu',
  ],
  break_in: [
    'inbrottstjuv*', 'tjuv', 'tjuvar', 'tjuven', 'tjuvarna', 'stjäl', 'någon försöker ta sig in',
    'försöker ta sig in', 'någon försöker komma in', 'nån försöker komma in', 'någon försöker öppna',
    'rycker i dörr*', 'har tagit sig in', 'någon är inne', 'kofot', 'inbrottslarm*',
  ],
  medical: [
    // A call for help that names no danger: asked about as medical, the kind with no kind-specific advice.
    '112', 'sos', 'nödsituation', 'nödläge', 'livsfara', 'i fara', 'akut fara',
    'ramlat', 'har ramlat', 'ramlade', 'ramlat ner för trappan', 'ramlat i trappan', 'har fallit',
    'kommer inte upp', 'rör sig inte', 'reagerar inte', 'ont i bröstet', 'bröstsmärt*',
    'andnöd', 'svårt att andas', 'andas konstigt', 'kramper', 'skurit sig', 'blod', 'allergisk reaktion',
    'ligger på golvet', 'ligger i trapphuset', 'ligger på marken', 'ligger och rör sig', 'fått i sig',
    'tagit .. tabletter', 'svalt .. tabletter', 'ätit .. tabletter',
  ],
  gas: ['väser', 'pyser', 'luktar svavel', 'lukt av ruttna ägg', 'luktar ruttna ägg'],
  suicide: [
    'orkar inte längre', 'orkar inte mer', 'vill försvinna', 'skär mig', 'skära mig', 'ska hoppa', 'hoppa ut',
    'tänker på döden',
  ],
};

/** Partners and relatives: with violence, threats or a disturbance they mean a close relationship. */
export const svDomestic: string[] = [
  'min man', 'min make', 'min fru', 'min hustru', 'min sambo', 'min pojkvän', 'min flickvän', 'min kille',
  'min tjej', 'min partner', 'mitt ex', 'exet', 'min exman', 'min exsambo', 'min expojkvän', 'min exfru',
  'min pappa', 'min mamma', 'min bror', 'min styvpappa', 'min son', 'mina föräldrar', 'hennes man',
  'hennes pojkvän', 'hennes kille', 'hennes sambo', 'hans fru', 'hans flickvän', 'hans tjej', 'sin fru',
  'sin man', 'sin sambo', 'sin flickvän', 'sin pojkvän', 'sina barn', 'sitt barn', 'sin dotter', 'sin son',
  'sin mamma', 'pappan', 'mamman', 'våld i nära relation*', 'nära relation', 'hedersvåld', 'hedersrelaterat',
  'kvinnojour*', 'kvinnofrid*', 'skyddat boende',
];
