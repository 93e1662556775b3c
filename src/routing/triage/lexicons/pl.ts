import type { Lexicon } from '../lexicon.ts';

/**
 * Polish. Folding turns ą ę ś ć ź ż ń ó ł into a e s c z z n o l, so each entry is written once with its
 * diacritics and also matches hurried text without them. Stems avoid other languages' words: not `broń`
 * (Swedish "bron", the bridge), not `bójk*` (Swedish "bojkott"), not `napad*` (napadało śniegu), not
 * `martw*` (martwi mnie, it worries me), not `pal*` (pali się is fire, palą is smoking). Typo tolerance
 * reads a 6+ letter single word one letter off as danger, so near-twins of common words are written as
 * `*infix*` (no typo tolerance): `*martwy*` (martwi), and no `czadem` (czasem, sometimes).
 */
export const lexicon: Lexicon = {
  lang: 'pl',
  markers: [
    'jest', 'nie', 'się', 'że', 'czy', 'mam', 'jestem', 'mnie', 'proszę', 'bardzo', 'ale', 'tylko', 'już', 'przez',
    'który', 'która', 'które', 'dlaczego', 'gdzie', 'kiedy', 'dzień dobry', 'dziękuję', 'mieszkanie', 'mieszkaniu',
    'sąsiad', 'sąsiadka', 'sąsiedzi', 'coś', 'ktoś', 'tego', 'jego', 'jeszcze', 'tutaj', 'dobrze', 'został',
  ],
  danger: {
    fire: [
      'pożar', 'pożaru', 'pożarze', 'pożarem', 'pożary', 'pali się', 'palą się', 'paliło się', 'płonie', 'płoną',
      'płonął', 'płonęło', 'spłonął*', 'spalił* się', 'ogień', 'ognia', 'ogniu', 'ogniem', 'płomieni*', 'płomień',
      'podpalił*', 'podpalen*', 'podpalaj*', 'zapalił* się', 'pełno dymu', 'dużo dymu', 'kłęby dymu', 'zadymion*',
      'dym na klatce', 'dym w mieszkaniu', 'dym z', 'czuć dym', 'dymi się', 'wszędzie dym',
    ],
    explosion: ['wybuch*', 'eksplozj*', 'eksplodował*', 'granat', 'granatem', 'granatu', 'bomba', 'bombę', 'bomby'],
    weapon: [
      'pistolet*', 'rewolwer*', 'karabin*', 'strzela*', 'strzelił*', 'strzelanin*', 'strzały', 'strzał', 'strzałów',
      'wystrzał*', 'postrzel*', 'nóż', 'noża', 'nożem', 'nożami', 'noże', 'maczet*', 'siekier*', 'bejsbol*',
      'broń palna', 'broni palnej', 'ma broń', 'z bronią', 'bronią', 'uzbrojon*', 'spluw*',
    ],
    violence: [
      'bije', 'biją', 'bić', 'pobił*', 'pobit*', 'bijatyk*', 'bójka', 'bójki', 'bójkę', 'bójce', 'leje mnie', 'mnie leje', 'ją leje', 'leje ją',
      'tłucze', 'dusi mnie', 'dusi ją', 'dusi go', 'udusi*', 'zabij*', 'zabije', 'zabić', 'zabił*', 'morderstw*',
      'zamord*', 'grozi mi', 'grozi nam', 'grozi jej', 'grozi mu', 'grozi .. zabic*', 'grozi .. nożem', 'groźb*',
      'napad', 'napadł*', 'napadli', 'napadnięt*', 'napaść', 'napadają', 'atakuj*', 'zaatakow*', 'dźgn*', 'zadźga*',
      'pchnął nożem', 'ratunku', 'krzycz* .. pomocy', 'woła .. pomocy', 'wołają .. pomocy', 'wzywa pomocy',
      'gwałci', 'zgwałcił*', 'gwałt', 'przemoc*', 'kopie mnie', 'kopią go',
    ],
    break_in: [
      'włamuje się', 'włamują się', 'włamuj*', 'włamywacz*', 'złodziej* .. mieszkani*', 'złodziej* .. w domu',
      'złodziej* .. w środku', 'wyważa*', 'wyłamuj*', 'ktoś jest w mieszkaniu', 'ktoś wszedł do mieszkania',
    ],
    medical: [
      'nieprzytomn*', 'stracił* przytomność', 'zemdlał*', 'omdlenie', 'nie oddycha', 'przestał* oddychać',
      'nie może oddychać', 'nie mogę oddychać', 'nie mogę złapać oddechu', 'duszę się', 'dusi się', 'krwawi*',
      'krwotok*', 'dużo krwi', 'cały we krwi', 'cała we krwi', 'zawał', 'zawału', 'zawałem', 'atak serca', 'udar', 'udaru', 'udarem',
      'ból w klatce', 'drgawk*', 'padaczk*', 'przedawkow*', 'połkn* .. tabletk*', 'połkn* .. pigułk*', 'połkn* .. leki',
      'łyknął .. tabletk*', 'karetk*', 'po pogotowie', 'wezw* pogotowie', 'pogotowie ratunkowe',
      'umiera', 'nie żyje', '*martwy*', '*martwa*', '*martwego*', 'zatruci*', 'zatruł*', 'porażeni* prądem',
      'poraził* .. prąd', 'kopnął .. prąd', 'ciężko rann*', 'nie rusza się', 'nie reaguje', 'nie ma pulsu',
      'nie ma tętna', 'nie oddychał*',
    ],
    gas: [
      'gazem', 'zapach* gaz*', 'czuć gaz*', 'czuję gaz*', 'wyciek* gaz*', 'ulatnia* .. gaz*', 'ulatnia się',
      'śmierdzi* gaz*', 'zatrucie czadem', 'czuć czad', 'gaz .. ulatnia*', 'gaz .. czuć',
    ],
    suicide: [
      'samobój*', 'zabić się', 'zabiję się', 'zabił* się', 'sobie życie', 'chcę umrzeć',
      'chciał* umrzeć', 'wolę umrzeć', 'chcę się zabić', 'skończyć ze sobą', 'skończę ze sobą', 'powiesić się',
      'powieszę się', 'powiesił* się', 'podci* żył*', 'podetnę żyły', 'tnę się', 'tnie się', 'okaleczam się',
      'samookalecz*', 'skocz* z balkonu', 'skocz* z okna', 'skocz* z mostu', 'wyskocz* z okna', 'rzucę się pod',
      'nie chcę .. żyć', 'nie chce mi się żyć',
    ],
  },
  dangerUncertain: {
    fire: [
      'dym', 'dymu', 'dymem', 'dymi', 'spalenizn*', 'czujnik* dymu', 'alarm* .. wyje', 'alarm pożarowy', 'czujnik* .. wyje',
    ],
    explosion: ['huk', 'petard*'],
    violence: ['kobieta krzyczy', 'krzyczy kobieta', 'awantura .. krzyk*', 'szarpie mnie'],
    break_in: [
      'próbuj* .. otworzy*', 'próbuj* .. wejść', 'próbuj* .. włamać', 'dobija* się', 'szarpie za klamk*',
      'szarpie .. drzwi', 'ktoś .. pod drzwiami', 'majstruj* .. zamk*', 'włamał* się', 'włamali się',
    ],
    medical: [
      'nie może wstać', 'nie otwiera*', 'upadł* ze schodów', 'spadł* ze schodów', 'zmarł*', 'duszności', 'wysoka gorączka',
    ],
    gas: ['gaz', 'gazu', 'dziwny zapach'],
    suicide: ['nie mam po co żyć', 'mam dość życia', 'nie mam siły żyć', 'zmęczon* życiem'],
  },
  disturbance: [
    'hałas*', 'głośn*', 'imprez*', 'balang*', 'libacj*', 'krzycz*', 'wrzask*', 'awantur*', 'pijan*', 'nachlan*',
    'naćpan*', 'narkoty*', 'ćpa*', 'diler*', 'menel*', 'żul*', 'kręcą się', 'wystają na klatce', 'przesiaduj*',
    'koczuj*', 'nęka mnie', 'nękają', 'nękanie', 'zaczepia*', 'molestuj*', 'prześladuj*', 'boję się',
    'czuj* .. bezpieczn*', 'niebezpieczn*', 'szczeka*', 'palą .. klatc*', 'palą papieros*', 'sikaj*', 'muzyk*',
  ],
  urgentFault: [
    'przeciek*', 'cieknie', 'ciekną', 'cieknąca', 'cieknący', 'leje się', 'leje .. woda', 'woda .. leje',
    'woda .. leci', 'leci woda', 'zalewa*', 'zalało', 'zalał*', 'zalan*', 'powódź', 'pękł* rur*', 'pęknięt* rur*',
    'rur* .. pękł*', 'awari* .. wod*', 'awari* .. ogrzewan*', 'brak ogrzewania', 'nie ma ogrzewania',
    'ogrzewani* .. nie dział*', 'kaloryfer* .. zimn*', 'kaloryfer* .. nie grzej*', 'nie grzej*', 'zimno w mieszkaniu',
    'lodowato', 'brak prądu', 'nie ma prądu', 'prąd* .. wysiadł*', 'wysiadł* prąd*', 'bez prądu', 'ciemno na klatce',
    'zatkan* .. toalet*', 'toalet* .. zatkan*', 'sedes* .. zatkan*', 'kibel .. zatkan*', 'kibel .. zapchan*',
    'toalet* .. zapchan*', 'sedes* .. zapchan*', 'ubikacj* .. zatkan*', 'wc .. zatkan*', 'wc .. zapchan*',
    'toalet* .. przelewa*', 'wybit* szyb*', 'szyb* .. wybit*', 'rozbit* szyb*', 'szyb* .. rozbit*', 'okno .. wybite',
    'rozbite okno', 'drzwi .. nie zamyka*', 'drzwi .. nie da się zamknąć', 'nie da się zamknąć', 'zamek .. zepsut*',
    'zepsut* zamek', 'drzwi .. nie domyka*', 'utknął* w windzie', 'winda .. utknęła',
  ],
  minorFault: [
    'kran* .. kapie', 'kapie .. kran*', 'kran* .. cieknie', 'cieknie .. kran*', 'kapiący kran', 'zlew .. wolno',
    'odpływ .. wolno', 'wolno .. spływa', 'bezpiecznik*', 'wywalił* korki', 'wywaliło korki', 'korki wywal*',
    'wybił* korki', 'czujnik* .. bateri*', 'bateri* .. czujnik*', 'czujnik* .. piszczy', 'czujnik* .. pika',
    'piszczy .. czujnik*', 'żarówk*', 'lamp* .. nie dział*', 'pęknięt* szyb*', 'rysa na szybie', 'pralk* .. zepsut*',
    'lodówk* .. zepsut*', 'pleśń', 'grzyb na ścianie',
  ],
  support: [
    'samotn*', 'mieszkam sam*', 'nie mam z kim .. porozmawia*', 'z kim porozmawia*', 'porozmawia* z kimś',
    'starsz* osob*', 'starsz* pan*', 'pomoc .. urzęd*', 'urząd skarbow*', 'skarbówk*', 'opiek* społeczn*',
    'pomoc społeczn*', 'socjal*', 'zdezorientowan*', 'demencj*', 'tłumacz*', 'nie ma nikogo', 'nie mogę wyjść',
    'nikt mi nie pomaga', 'pismo .. nie rozumiem', 'zajęcia dla', 'zajęć dla',
  ],
  crimeOver: [
    'ukradł*', 'ukradzion*', 'skradzion*', 'kradzież*', 'ukradli', 'włamanie do piwnic*', 'włamanie do komórk*',
    'włamali się do piwnic*', 'włamani*', 'zniszczon*', 'wandal*', 'zdewastowan*', 'porysowan*',
    'pomazan*',
  ],
  information: [
    'godzin* otwarci*', 'kiedy .. otwarte', 'kiedy .. otwieracie', 'czynsz*', 'fakturę', 'fakturze',
    'rachun*', 'rachun* .. gaz*', 'za gaz', 'ogród*',
    'ogródk*', 'ogrodnictw*', 'sadzeni*', 'zwierzę*', 'zwierzak*', 'zwierząt*', 'pies', 'psa', 'kot', 'kota',
    'malowani*', 'pomalować', 'malować', 'straż sąsiedzk*', 'sąsiedzk* czuwani*', 'nie wiem', 'nie mogę',
    'nie działa', 'gaśnic*',
  ],
  domestic: [
    // partners as a victim names them (a bare "żona" or "partner" is as often the neighbour's)
    'mąż', 'męża', 'mężem', 'moja żona', 'moją żonę', 'mój partner', 'moja partnerka', 'mój chłopak', 'były mąż',
    'mój były', 'była żona', 'mój konkubent', 'przemoc domowa', 'przemocy domowej', 'przemoc w rodzinie',
  ],
  lockedOut: [
    'zatrzasn*', 'zgubił* klucz*', 'zapomniał* klucz*', 'klucz* .. w środku', 'klucz* .. w mieszkaniu',
    'nie mogę wejść', 'nie mogę się dostać', 'klucz* .. złamał*', 'złamał* klucz*', 'ślusarz*',
  ],
  // not `ani` (Turkish ani, sudden: "ani bir patlama") nor `nic` ("nie mogę nic zrobić, dym")
  // not `nikt`: "nikt nie otwiera, czuć gaz" must keep the gas
  negation: ['nie', 'żaden', 'żadnego', 'żadnej', 'żadnych'],
  past: [
    'wczoraj', 'przedwczoraj', 'zeszł* tygodni*', 'zeszł* miesiąc*', 'zeszł* roku', 'ubiegł* tygodni*',
    'ubiegł* miesiąc*', 'ubiegł* roku', 'dni temu', 'dzień temu', 'tydzień temu', 'tygodnie temu', 'tygodni temu',
    'miesiąc temu', 'miesiące temu', 'miesięcy temu', 'rok temu', 'lata temu', 'lat temu',
  ],
  recentPast: [
    'wczoraj wieczorem', 'wczoraj w nocy', 'zeszłej nocy', 'przed chwilą', 'chwilę temu', 'minut temu', 'minutę temu',
    'godzinę temu', 'godzin temu', 'niedawno',
  ],
  notReal: [
    // not `film*`: English "I'm filming them" must not discount danger
    'ćwiczeni*', 'próbn* alarm*', 'alarm* próbn*', 'test* alarm*', 'filmie', 'filmu', 'serialu', 'wiadomościach',
    'telewizji', 'w grze', 'grze komputerowej', 'żartuj*', 'żart', 'śniło mi się', 'śnił* mi się',
  ],
  ongoing: [
    'teraz', 'w tej chwili', 'właśnie', 'nadal', 'wciąż', 'ciągle', 'cały czas', 'trwa', 'dzieje się', 'natychmiast',
    'szybko',
  ],
  clauseBreaks: ['ale', 'bo', 'jeśli', 'jeżeli', 'gdy', 'ponieważ', 'żeby', 'lecz'],
};
