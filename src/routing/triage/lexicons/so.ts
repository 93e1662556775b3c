import type { Lexicon } from '../lexicon.ts';

/**
 * Somali. Folding collapses doubled vowels (qiiq → qiq, dhiig → dhig, gaas → gas), so a doubled-vowel
 * stem can meet another word or language: `dhiig*` would also be `dhig*` (put), `daad` would be English
 * `dad`; such stems are only used inside phrases. Apostrophes are dropped (la'aan → laan).
 * Bare `ma` is not a negation: it is also Polish "has" ("on ma nóż"), and all lexicons see every message.
 * `ma jiro` and friends follow the noun ("dab ma jiro"), so before a danger word they usually belong to
 * another clause ("qof ma jiro dab baa"), and every negation also reaches two words before a hit: "dab ma
 * jiro" and the like are written out under `information`, where the longer entry explains `dab` away.
 */
export const lexicon: Lexicon = {
  lang: 'so',
  markers: [
    // not `oo`, `ii`, `baa`, `aad`: doubled vowels fold to o, i, ba, ad, which other languages use
    'waa', 'waxaan', 'waxay', 'wuxuu', 'ayaa', 'ayuu', 'ayay', 'iyo', 'waan', 'waxa', 'maxaa', 'maxaad', 'sidee',
    'halkan', 'guriga', 'fadlan', 'mahadsanid', 'badan', 'jira', 'yahay', 'ahay', 'tahay', 'inaan', 'igu', 'iga',
    'lagu', 'deriska', 'dariska', 'walaal', 'maxay', 'hooyo', 'weeye', 'xafiiska', 'hadda', 'sidoo',
  ],
  danger: {
    fire: [
      'dab', 'dabka', 'dabkii', 'dabku', 'dab qabsaday', 'dab qabatay', 'gubanay*', 'gubtay', 'gubatay',
      'gubanaysa', 'gubanaya', 'ololka dabka', 'qiiq badan', 'qiiqa .. buuxa', 'buuxa qiiq', 'qiiq .. baxaya',
      'qiiq .. soo baxay*',
    ],
    explosion: ['qarax*', 'qarxay', 'qarxday', 'qarxin*', 'qarxiy*', 'bambo'],
    weapon: [
      'qori', 'qoriga', 'bastoolad*', 'bistoolad*', 'mindi', 'mindida', 'mindidii', 'toorey*', 'rasaas*', 'xabad*',
      'toogasho*', 'toogt*', 'toogan*', 'la toogtay', 'hubaysan', 'hubeysan', 'hub sita', 'hub ku', 'gantaal*', 'seef',
    ],
    violence: [
      'garaac*', 'ku dhufan*', 'dhufanay*', 'dilaya', 'dilay', 'i dilaya', 'dili doona', 'dilaa',
      'gacan ka hadal', 'rabshad*', 'weerar*', 'hanjab*', 'ceejin*', 'kufsi*', 'gargaar', 'i gargaara',
      'i badbaadiya', 'na badbaadiya', 'qaylin* .. caawi*', 'qaylo* .. caawi*', 'qaylin* .. gargaar*',
      'mindi ku', 'tooriyeeyay', 'wax ku dhuftay',
    ],
    break_in: [
      'tuug .. guriga', 'tuug .. gudaha', 'tuugo .. guriga', 'tuug baa', 'tuug ayaa', 'tuugo baa', 'tuugo ayaa',
      'jabinaya', 'jabinayaan', 'albaab* .. jabin*',
    ],
    medical: [
      'miyir beel*', 'miyirbeel*', 'miyir ma leh', 'miyir malaha', 'miyir la aan', 'miyir laaan', 'suuxay', 'suuxsan', 'suuxday', 'suuxdin*',
      'ma neefsanayo', 'ma neefsan karo', 'neefsan kari waayay', 'neefta .. istaag*', 'dhiig badan', 'dhiigbax*',
      'dhiig bax*', 'dhiig ka .. bax*', 'wadne qabad', 'wadnaha .. istaag*', 'wadne xanuun', 'kiniin* .. liq*',
      'daawo* .. liq*', 'ambalaas*', 'gaadhi gurmad', 'gaari gurmad', 'gurmad degdeg', 'dhimanaya', 'meyd',
      'dhaawac culus', 'si xun .. *dhaawac*', 'koronto .. qabatay',
    ],
    gas: ['ur gaas', 'urta gaas*', 'gaas .. daadan*', 'gaas* .. baxay*', 'gaas* .. baxaya'],
    suicide: [
      'is dilo', 'is dili', 'is dilay', 'is dilaa', 'is dilid', 'isdil*', 'is dhaawac*', 'isdhaawac*', 'naftayda .. qaad*', 'nafteyda .. qaad*', 'naftiisa .. qaad*',
      'nafteeda .. qaad*', 'naftayda .. qaat*', 'nafteyda .. qaat*', 'inaan dhinto', 'rabaa .. dhinto', 'doonayaa .. dhinto', 'ma rabo inaan noolaado',
      'ma doonayo inaan noolaado', 'nolosha .. joojin*', 'noloshayda .. joojin*',
    ],
  },
  dangerUncertain: {
    fire: ['qiiq*', 'alaarm* .. dab*', 'qaylodhaan*', 'qaylo dhaan*'],
    violence: ['dagaal*', 'naag .. qaylinaysa', 'qaylo .. naag'],
    break_in: ['qof .. albaab* .. fur*', 'albaab* .. garaac*', 'guriga .. soo galay', 'qof aan aqoon'],
    medical: ['*dhaawac*', 'dhintay', 'ka dhacay .. jaranjar*', 'neeftu .. cidhiidh*'],
    gas: ['gaaska', 'ur xun', 'ur qariib*'],
    suicide: ['nolosha .. ka daalay', 'ka daalay nolosha', 'rajo .. ma lihi'],
  },
  disturbance: [
    'buuq*', 'qaylo', 'qaylada', 'qaylinaya', 'muusig*', 'xaflad*', 'sakhraan*', 'daroogo*', 'i dhibaya',
    'na dhibaya', 'dhawaaq .. weyn', 'cod dheer', 'codka .. dheer', 'ammaan .. ma dareem*', 'nabadgelyo .. ma dareem*',
    'cabsi*', 'dhalinyaro .. jaranjar*', 'khamri', 'qamri',
  ],
  urgentFault: [
    'biyo .. daadan*', 'biyo .. qulqul*', 'biyo .. saqaf*', 'saqaf* .. biyo', 'biyo .. ka imaan*', 'daadad*',
    'fatahaad*', 'tuubo* .. jab*', 'tuubo* .. qarax*', 'kulayl* .. ma jiro', 'kuleyl* .. ma jiro', 'kulayl* la aan',
    'kuleyl* la aan', 'diirimaad* .. ma jiro', 'hiitar* .. shaqeyn*', 'hiitar* .. shaqayn*', 'guriga .. qabow*',
    'qabow badan', 'koronto* .. ma jir*', 'koronto* .. go*', 'nal .. ma jiro', 'musqul* .. xiran*', 'suuli* .. xiran*',
    'musqul* .. buux*', 'daaqad* .. jab*', 'albaab* .. ma xirmayo', 'quful* .. jab*',
  ],
  minorFault: ['qasabad* .. tifiq*', 'tubbada .. tifiq*', 'fiyuus*', 'baytari*', 'batari*', 'nalka .. jab*'],
  support: [
    'kaligay', 'kaligey', 'keligay', 'keligey', 'kaligiis', 'kaligeed', 'cidlo*', 'kelinimo', 'kalinimo',
    'qof .. la hadlo', 'qof ma jiro', 'qofna ma jiro', 'waayeel*', 'oday', 'caawimaad .. warqad*', 'warqad* .. fahmi*',
    'turjumaan*', 'adeeg* bulsho*', 'canshuur*',
  ],
  crimeOver: ['la xaday', 'xaday', 'xadeen', 'xatooyo*', 'baaskiil* .. xad*', 'bakhaar* .. jab*', 'la jebiyay'],
  information: [
    'saacad* .. fur*', 'goorma .. fur*', 'xafiis* .. fur*', 'kiro*', 'kirada', 'biilka', 'xayawaan*', 'rinji*',
    'beerta', 'dhir', 'ubax*',
    // a danger word negated by the `ma jiro` after it (see the note on negation above)
    'dab ma jiro', 'dab majiro', 'dab ma jirin', 'dab ma jirto', 'qiiq ma jiro', 'qiiq majiro', 'gaas ma jiro',
    'cidna ma dhaawacmin', 'qofna ma dhaawacmin',
  ],
  domestic: [
    'ninkeyga', 'ninkayga', 'ninkaygu', 'ninkeygu', 'ninkeeda', 'ninkeygii hore', 'ninkaygii hore', 'xaaskayga',
    'xaaskeyga', 'naagtayda', 'naagteyda', 'rabshadaha qoyska', 'xadgudub qoys*',
  ],
  lockedOut: [
    'furaha .. gudaha', 'fure* .. lumay', 'fure* .. lumiy*', 'fure* .. ilaaway', 'fure* .. ilaaw*', 'ma geli karo',
    'ka xirmay', 'furayaasha .. gudaha',
  ],
  negation: ['maya'],
  // "dab maaha" (it is not a fire); `ma jiro` is handled under `information`
  negationAfter: ['maaha', 'ma aha', 'ma ahan'],
  past: [
    'shalay', 'doraad', 'toddobaadkii hore', 'usbuucii hore', 'bishii hore', 'sanadkii hore', 'la soo dhaafay',
    'maalmood ka hor', 'maalmo ka hor', 'maalin ka hor', 'toddobaad ka hor', 'usbuuc ka hor', 'bil ka hor',
    'bilood ka hor', 'sano ka hor',
  ],
  recentPast: ['xalay', 'daqiiqado ka hor', 'daqiiqad ka hor', 'saacad ka hor', 'dhawaan'],
  notReal: ['tababar*', 'tijaabo*', 'filim*', 'filin', 'wararka', 'taxane*', 'ciyaar fiidiyow', 'kaftan*', 'riyo', 'telefishin*'],
  ongoing: ['hadda', 'haatan', 'weli', 'wali', 'imika', 'socda', 'socota', 'xilligan', 'degdeg', 'dhaqso'],
  clauseBreaks: ['laakiin', 'iyo', 'haddii', 'markii', 'balse'],
};
