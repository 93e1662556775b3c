import type { Lexicon } from '../lexicon.ts';

/**
 * Bosnian, Croatian and Serbian in Latin script (ijekavian and ekavian forms). Folding turns č ć š ž into
 * c c s z and đ into d; people also write đ as dj, so đ words are given both ways. Avoided on purpose:
 * bare `ne` as a negation (Turkish ne, "what": "ne oluyor, yangın var"), `dim` (English "dim light"),
 * `gore` (upstairs), `šlog` (Swedish slog), `kalaš` (Swedish kalas), `palic*` (Polish palić, to smoke),
 * `prasak` (prašak, powder). Typo tolerance reads a 6+ letter single word one letter off as danger, hence
 * `*prijet*` (not prijenos, transfer) and no `pretio` (pratio), `izbola` (izbora).
 */
export const lexicon: Lexicon = {
  lang: 'bs',
  markers: [
    'nije', 'ima', 'imam', 'kako', 'gdje', 'gde', 'jer', 'ovo', 'ovaj', 'ovdje', 'ovde', 'komšija', 'komšije',
    'komšinica', 'susjed', 'susjeda', 'hvala', 'molim', 'zdravo', 'treba', 'nešto', 'mogu', 'hitno', 'bila', 'bilo',
    'veoma', 'vrlo', 'smo', 'ste', 'već', 'evo', 'dobar dan', 'hoću', 'neko', 'netko', 'zgradi', 'zgrade', 'stanu',
    'kući', 'nisam', 'možete', 'trebam',
  ],
  danger: {
    fire: [
      'požar', 'požara', 'požaru', 'požarom', 'gori', 'izgorio', 'izgorjelo', 'izgorelo', 'izgorjela', 'zapalio se',
      'zapalilo se', 'zapalila se', 'zapalio je', 'zapalili su', 'plamen*', 'vatra', 'vatru', 'vatre', 'vatrom',
      'pun dima', 'puna dima', 'puno dima', 'gust dim', 'crni dim', 'dim iz', 'dim u', 'dim .. hodnik*', 'zadimljen*',
      'sve je u dimu', 'dimi se',
    ],
    explosion: [
      'eksplozij*', 'eksplodir*', 'detonacij*', 'bomba', 'bombu', 'bombe', 'bombom', 'granata', 'granatu', 'granatom',
      'ručna granata',
    ],
    weapon: [
      'pištolj*', 'pušk*', 'oružj*', 'naoružan*', 'nož', 'noža', 'nožem', 'noževima', 'mačet*', 'sjekir*', 'sekir*',
      'pucnj*', 'puca', 'pucaju', 'pucao', 'pucala', 'pucalo', 'pucali', 'pucanj', 'metak', 'metke', 'meci', 'metci',
      'kalašnjikov', 'revolver*', 'palicom', 'bejzbol*',
    ],
    violence: [
      'tuče', 'tuku', 'tukao', 'tukla', 'istuk*', 'pretuk*', 'prebio', 'prebila', 'prebili', 'prebijen*', 'premlati*', 'mlati me', 'mlati je', 'mlati ga',
      'mlati ženu', 'udara me', 'udara je', 'udara ga', 'udario me', 'udarila me', 'udario ga', 'udario je',
      'bije me', 'bije je', 'bije ga', 'bije ženu', 'bije djecu', 'tučnjav*', 'ubij*', 'ubit*', 'ubiće', 'ubio', 'ubila',
      'ubili', 'davi', 'zadavi*', 'guši je', 'guši ga', 'guši me', '*prijet*', 'preti mi', 'preti nam', 'preti joj',
      'preti mu', 'pretnj*', 'napad', 'napao', 'napala', 'napali', 'napadaju', 'napada', 'napadnut*',
      'izbo', 'izboden*', 'ubo nožem', 'silova*', 'nasilj*', 'vrišt* .. pomoć*', 'viče .. pomoć*',
      'zove .. pomoć*', 'upomoć', 'spasite',
    ],
    break_in: [
      'provaljuj*', 'obija* vrata', 'obija* stan', 'razvaljuj*', 'lopov* .. stan*', 'lopov* .. kuć*', 'lopov* .. unutra',
      'lopov u', 'neko je u stanu', 'netko je u stanu', 'neko je ušao', 'netko je ušao', 'provala u toku',
    ],
    medical: [
      'onesvijest*', 'onesvest*', 'bez svijesti', 'bez svesti', 'nije pri svijesti', 'nije pri svesti',
      'izgubi* svijest', 'izgubi* svest', 'ne diše', 'ne može disati', 'ne može da diše', 'ne mogu disati',
      'ne mogu da dišem', 'prestao .. disat*', 'prestala .. disat*', 'gušim se', 'guši se', 'krvari', 'krvarenj*',
      'puno krvi', 'mnogo krvi', 'sav u krvi', 'sva u krvi', 'lokva krvi', 'infarkt*', 'srčani udar', 'moždani udar',
      'epilept*', 'napad epilep*', 'grčevi', 'grčev*', 'predozira*', 'overdoz*', 'progut* .. tablet*',
      'progut* .. lijek*', 'hitnu', 'hitna pomoć', 'hitne pomoći', 'hitnom pomoći', 'umire', 'mrtav', 'mrtva',
      'teško povrijeđen*', 'teško povrijedjen*', 'teško povređen*', 'teško povredjen*', 'strujni udar',
      'udar struje', 'udarila .. struja', 'otrova*', 'nema pulsa', 'ne reaguje', 'ne reagira', 'ne miče se',
      'ne pomjera se', 'ne budi se',
    ],
    gas: [
      'miris* .. plin*', 'miris* .. gas*', 'smrdi .. plin*', 'smrdi .. gas*', 'curi .. plin*', 'curi .. gas*',
      'plin .. curi', 'gas .. curi', 'curenje plina', 'curenje gasa', 'osjeća* .. plin*', 'osjeća* .. gas*',
      'oseća* .. gas*', 'oseća* .. plin*', 'osjetim plin', 'ispušta* plin', 'ugljen* monoksid*', 'ugljičn* monoksid*',
    ],
    suicide: [
      'samoubistv*', 'samoubojstv*', 'samoubic*', 'ubiti se', 'ubit ću se', 'ubiću se', 'da se ubijem', 'ubijem se',
      'sebi život', 'oduzme* sebi', 'ne želim .. živjeti', 'ne želim .. živim', 'ne želim .. živeti', 'neću .. da živim',
      'želim umrijeti', 'želim umreti', 'želim da umrem', 'hoću da umrem', 'hoću umrijeti', 'objesi* se', 'obesi* se',
      'prerez* vene', 'prerez* žile', 'sječem se', 'sečem se', 'samopovređ*', 'samopovredj*', 'samoozljeđ*',
      'samoozljedj*', 'skoč* sa balkon*', 'skoč* s balkon*', 'skoč* kroz prozor', 'skoč* sa mosta', 'skoč* s mosta',
      'baci* se kroz prozor', 'bacit ću se', 'baciću se',
    ],
  },
  dangerUncertain: {
    fire: ['dima', 'dimu', 'požarni alarm', 'alarm .. zvoni', 'alarm za dim', 'detektor dima', 'paljevin*'],
    explosion: ['petard*'],
    violence: ['tuča', 'žena vrišti', 'vrišti žena', 'vrisak', 'vrišti'],
    break_in: [
      'pokušava .. otvori*', 'pokušava .. ući', 'pokušava .. provali*', 'lupa .. vrata', 'lupaju .. vrata',
      'čačka .. bravu', 'neće da ode', 'neće otići', 'provalio', 'provalili', 'provalila',
    ],
    medical: [
      'pao .. stepenic*', 'pala .. stepenic*', 'ne može ustati', 'ne može da ustane', 'umro', 'umrla', 'preminu*',
      'povrijeđen*', 'povrijedjen*', 'povređen*', 'povredjen*', 'ozlijeđen*', 'ozlijedjen*', 'otežano diše',
    ],
    gas: ['plin', 'plina', 'gasa', 'čudan miris'],
    suicide: ['nema smisla .. živ*', 'umor* od života', 'ne mogu više izdržati'],
  },
  disturbance: [
    'buka', 'buke', 'buku', 'bukom', 'bučn*', 'glasn*', 'muzika', 'muziku', 'muzike', 'žurk*', 'tulum*', 'pijan*', 'pijanc*', 'drogira*',
    'narkoman*', 'narkotik*', 'diler*', 'dilaj*', 'galam*', 'deru se', 'dere se', 'vrište', 'viču', 'svađa',
    'svađaju', 'svadja', 'svadjaju', 'maltretira*', 'uznemirava*', 'prate me', 'prati me', 'dernek*', 'nesigurn*',
    'osjeća* .. sigurn*', 'oseća* .. sigurn*', 'bojim se', 'strah me', 'skitnic*', 'motaju se', 'okuplja*',
    'psi laju', 'laje', 'laju', 'puše .. haustor*', 'puše .. ulaz*', 'haustor* .. puše',
  ],
  urgentFault: [
    'curi voda', 'voda curi', 'curi .. voda', 'voda .. curi', 'curenje vode', 'poplav*', 'pukla cijev', 'pukla cev',
    'cijev* .. pukl*', 'cev* .. pukl*', 'puk* cijev*', 'puk* cev*', 'prokišnjava', 'plafon* .. curi', 'curi .. plafon*',
    'strop* .. curi', 'curi .. strop*', 'kaplje .. plafon*', 'nema grijanja', 'nema grejanja', 'grijanj* .. ne radi',
    'grejanj* .. ne radi', 'radijator* .. hladn*', 'radijator* .. ne grij*', 'radijator* .. ne grej*', 'hladno u stanu',
    'smrzavamo se', 'ledeno u stanu', 'nema struje', 'nestalo struje', 'nestala struja', 'bez struje', 'nema svjetla',
    'nema svetla', 'mrak u haustoru', 'wc .. začepljen*', 'začepljen* .. wc', 'začepljen* .. toalet*',
    'toalet* .. začepljen*', 'začepi* .. wc', 'wc .. začepi*', 'školjk* .. začep*', 'wc .. preliva*',
    'razbijen* prozor*', 'prozor* .. razbijen*', 'razbijeno staklo', 'staklo .. razbijen*', 'vrata .. ne zaključava*',
    'vrata .. ne mogu zaključati', 'ne mogu zaključati', 'brava .. pokvaren*', 'pokvaren* brava',
    'ulazna vrata .. ne zatvaraju', 'zaglavi* .. lift*',
  ],
  minorFault: [
    'slavin* .. kaplje', 'kaplje .. slavin*', 'česm* .. kaplje', 'kaplje .. česm*', 'pipa .. kaplje', 'kaplje .. pipa',
    'sudoper* .. sporo', 'odvod .. sporo', 'sporo .. otiče', 'osigurač*', 'sijalic*', 'žarulj*', 'baterij* .. alarm*',
    'alarm* .. baterij*', 'detektor* .. pišti', 'alarm* .. pišti', 'pišti .. alarm*', 'napuklo staklo',
    'naprsl* staklo', 'plijesan', 'vlaga',
  ],
  support: [
    'usamljen*', 'živim sam', 'živim sama', 'sama sam', 'sam sam', 'nemam s kim .. razgovara*', 's kim .. razgovara*',
    's kim .. pričat*', 's kim .. popričat*', 'starij* osob*', 'penzioner*', 'umirovljenik*', 'pomoć .. papir*',
    'pomoć .. pism*', 'poresk*', 'porezn*', 'socijaln*', 'prevodilac', 'prevoditelj*', 'zbunjen*', 'demencij*',
    'nema nikoga', 'nemam nikoga', 'nikoga nema',
  ],
  crimeOver: [
    'ukraden*', 'ukrao', 'ukrala', 'ukrali', 'krađ*', 'provaljen*', 'provala', 'provale', 'provali* .. podrum*',
    'provali* .. ostav*', 'provali* .. auto*', 'provali* .. spremišt*', 'podrum* .. provaljen*', 'grafit*', 'išaran*',
    'uništen*', 'vandalizam', 'vandali', 'razbili .. auto*', 'razbijen* auto*',
  ],
  information: [
    'radno vrijeme', 'radno vreme', 'kad* .. otvoren*', 'kirij*', 'stanarin*', 'račun*', 'bašta', 'baštu', 'bašti',
    'vrt', 'vrta', 'vrtu', 'vrtlar*', 'sadnj*', 'kućn* ljubim*', 'ljubimac', 'ljubimca', 'mačk*', 'psa',
    'krečenj*', 'okreči*', 'farba*', 'molovanj*', 'komšijsk* straž*', 'nije kod kuće', 'nije kući', 'aparat za gašenje',
  ],
  domestic: [
    // partners as a victim names them (a bare "partner" or "supruga" is as often the neighbour's)
    'muž', 'muža', 'mužem', 'moj suprug', 'moja supruga', 'moja žena', 'moju ženu', 'ženu mi', 'moj partner',
    'moja partnerica', 'moj bivši', 'moja bivša', 'bivši muž', 'bivša žena', 'moj dečko', 'moj momak',
    'nasilje u porodici', 'nasilje u obitelji', 'porodičn* nasilj*',
    'obiteljsk* nasilj*',
  ],
  lockedOut: [
    'zaključa* sam se', 'zaključa* se vani', 'ostao sam vani', 'ostala sam vani', 'ostao sam ispred',
    'ostala sam ispred', 'izgubi* ključ*', 'zaboravi* ključ*', 'ključ* .. unutra', 'ključ* .. u stanu', 'ne mogu ući',
    'ne mogu da uđem', 'ne mogu da udjem', 'ne mogu u stan', 'bravar*',
  ],
  negation: ['nema', 'nije', 'nisam', 'nismo', 'nisu', 'nikakv*'],
  past: [
    'jučer', 'juče', 'prekjučer', 'prekjuče', 'prošl* sedmic*', 'prošl* nedelj*', 'prošl* nedjelj*', 'prošl* tjed*',
    'prošl* mjesec*', 'prošl* mesec*', 'prošl* godin*', 'prije .. dana', 'pre .. dana', 'prije .. sedmic*',
    'pre .. nedelj*', 'prije .. tjed*', 'prije .. mjesec*', 'pre .. mesec*', 'prije .. godin*', 'pre .. godin*',
  ],
  recentPast: ['sinoć', 'sinoćn*', 'maloprije', 'malo prije', 'malopre', 'prije .. minut*', 'pre .. minut*', 'prije .. sat*',
    'pre .. sat*'],
  notReal: [
    'vježb*', 'vežb*', 'probni alarm', 'proba alarma', 'test alarma', 'u filmu', 'seriji', 'vijesti', 'vijestima', 'vesti',
    'vestima', 'na dnevniku', 'na televiziji', 'igric*', 'šalim se', 'sanjao', 'sanjala', 'sanjam',
  ],
  ongoing: [
    'sada', 'sad', 'upravo', 'još', 'još uvijek', 'i dalje', 'trenutno', 'u ovom trenutku', 'dešava se', 'događa se',
    'dogadja se', 'traje', 'hitno', 'odmah', 'brzo',
  ],
  clauseBreaks: ['ali', 'jer', 'ako', 'kad', 'kada', 'dok', 'nego', 'već'],
};
