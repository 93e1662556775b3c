import type { Lexicon } from '../lexicon.ts';

/**
 * Turkish. Folding turns ç ğ ı ö ş ü into c g i o s u (İ, I and ı all become i), so each entry is written
 * once with its letters and also matches text typed without them. Folding also makes "öldü" (died) and
 * "ölüyor" (is dying) into "oldu" / "oluyor" (happened / is happening), so those two are not used.
 * Not negations: `yok` and `hiç`. Turkish puts yok after the noun ("yangın yok"), so before a danger word
 * it belongs to another clause ("kimse yok yangın var"), and every negation also reaches two words before a
 * hit; `hiç` is also "at all" ("hiç nefes alamıyor"). "yangın yok" and the like are written out under
 * `information` instead, where the longer entry explains the danger word away.
 * Typo tolerance reads a 6+ letter single word one letter off as danger, and -ıyor verbs are one letter
 * apart (yanıyor/yapıyor/yazıyor, kanıyor/kalıyor, patlıyor/parlıyor): danger verbs are written as 5-letter
 * stems (`yanıy*`, `kanıy*`) or `*infix*`, which typo tolerance leaves alone; `yangı*` keeps yanında out.
 */
export const lexicon: Lexicon = {
  lang: 'tr',
  markers: [
    'bir', 've', 'bu', 'için', 'yok', 'çok', 'evet', 'ama', 'gibi', 'şey', 'lütfen', 'merhaba', 'benim', 'değil',
    'daha', 'kadar', 'sonra', 'şimdi', 'evde', 'bana', 'beni', 'ile', 'nasıl', 'neden', 'nerede', 'kapı', 'komşu',
    'komşum', 'teşekkürler', 'ediyor', 'oldu', 'yardım', 'acil', 'selam', 'geliyor', 'misiniz',
  ],
  danger: {
    fire: [
      'yangı*', 'yanıy*', 'alev', 'alevler*', 'alev aldı', 'tutuştu', 'tutuş*', 'itfaiye*',
      'duman dolu', 'her yer duman', 'yoğun duman', 'kapkara duman', 'siyah duman', 'dumandan', 'duman çıkıyor',
      'duman geliyor', 'dumanla dolu', 'ateş aldı', 'ateş almış', 'alev alev',
    ],
    explosion: [
      'patlama', 'patlaması', 'patlamalar', 'patladı', '*patlıyor*', 'bomba', 'bombası', 'bombalı', 'infilak*',
      'patlayıcı*',
    ],
    weapon: [
      'silah*', 'tabanca*', 'tüfek*', 'bıçak*', 'kurşunla*', 'kurşun sesi', 'ateş açtı', 'ateş açıyor', 'ateş ediyor*', 'ateş etti*',
      'ateş ediyo', 'kalaşnikof', 'balta', 'baltayla', 'sopayla', 'beyzbol*', 'vuruldu', 'pala', 'palayla',
      'kesici alet',
    ],
    violence: [
      'dövüy*', 'dövdü*', 'dövecek', 'dövüldü', 'dayak', 'vuruy*', 'vurdu', 'öldürecek*', 'öldürüyor*', 'öldürdü*',
      'öldür*', 'boğuy*', 'boğdu', 'boğazını sık*', 'saldır*', 'tehdit*', 'tecavüz*', 'imdat', 'kurtarın',
      'bağırıyor* .. yardım*', 'yardım .. bağırıyor*', 'çığlık* .. yardım*', 'yardım isti* .. bağır*', 'şiddet',
      'şiddet uygul*', 'yumrukla*', 'yumruk at*', 'tekmeli*', 'tekme at*', 'tokat at*', 'tokatlı*', 'darp*',
      'boğazl*', 'canımı yak*',
    ],
    break_in: [
      'hırsız var', 'hırsız girdi', 'evde hırsız', 'hırsız evde', 'hırsız içeri*', 'hırsızlar .. içeri*',
      'kapıyı kırıyor*', 'kapıyı kırıp', 'kırıp girdi*', 'zorla giriyor*', 'zorla girmeye', 'kapıyı zorluyor*',
      'hırsız* .. evde',
    ],
    medical: [
      'bayıldı', 'bayılmış', 'baygın', 'bilinci kapalı', 'bilinci yok', 'bilinçsiz', 'kendinde değil', 'nefes almıyor',
      'nefes alamıyor*', 'nefes yok', 'nabız yok', 'nabzı yok', 'kanıy*', 'kanaması var', 'kanama var', 'iç kanama', 'çok kan',
      'kan içinde', 'kan kaybı', 'kalp kriz*', 'kalbi durdu', 'kriz geçir*', 'nöbet geçir*', 'sara nöbeti',
      'epilepsi', 'felç geçir*', 'aşırı doz', 'çok hap', 'kutu hap', 'bütün hap*', 'hap* .. yuttu', 'zehirlen*',
      'ambulans*', 'ağır yaral*', 'elektrik çarptı', 'kendinden geçti', 'bilinc* kaybet*', 'kasılıyor',
      'havale geçir*', 'çok ilaç', 'kanlar içinde', 'yere yığıldı', 'kıpırdamıyor', 'tepki vermiyor', 'uyanmıyor', 'ceset', 'cesedi',
    ],
    gas: [
      'gaz kokusu', 'gaz koku*', 'gaz kokuyor', 'gaz kaçağı', 'gaz kaçıyor', 'gaz sızıntı*', 'gaz sızıyor', 'doğalgaz .. koku*',
      'doğalgaz kaçağı', 'tüp .. kaçır*', 'karbonmonoksit', 'karbon monoksit',
    ],
    suicide: [
      'intihar*', 'kendimi .. öldür*', 'kendini .. öldür*', 'ölmek isti*', 'ölmek .. isti*', 'yaşamak istemi*',
      'hayatıma son ver*', 'hayatına son ver*', 'canıma kıy*', 'canına kıy*', 'kendime zarar ver*', 'kendine zarar ver*',
      'bileklerimi kes*', 'bileğimi kes*', 'kendimi kes*', 'kendimi as*', 'kendimi .. atacağ*', 'balkondan atla*',
      'köprüden atla*', 'pencereden atla*',
    ],
  },
  dangerUncertain: {
    // `yandı` is also a blown fuse or bulb: a minor fault close by explains it
    fire: ['duman*', 'ateş', 'yanık koku*', 'alarm çalıyor', 'yangın alarmı', 'alarm .. çalıyor', 'yandı', 'yanmış', 'kıvılcım*'],
    explosion: ['havai fişek'],
    violence: ['kavga*', 'dövüş*', 'çığlık*', 'kadın bağırıyor', 'kadın çığlık*'],
    break_in: [
      'girmeye çalış*', 'açmaya çalış*', 'kapıya vuruyor*', 'kapıyı yumrukluyor*', 'kapının önünde', 'içeri girdi*',
      'eve girmiş*', 'eve girdiler', 'evde biri var', 'eve biri girdi', 'kapıyı kırdı*',
    ],
    medical: [
      'kalkamıyor', 'merdivenden düştü', 'vefat etti', 'yaral*', 'nefes darlığı', 'göğsü ağrıyor',
    ],
    gas: ['gaz', 'doğalgaz', 'garip koku', 'tuhaf koku'],
    suicide: ['yaşamaktan bıktım', 'hayattan bıktım', 'dayanamıyorum artık', 'artık dayanamıyorum', 'öleceğim', 'yaşamanın anlamı yok'],
  },
  disturbance: [
    'gürültü*', 'yüksek ses*', 'müzik*', 'parti', 'partisi', 'partiler', 'eğlence yapıyor*', 'bağırıyor*', 'bağırış*',
    'bağırıp', 'sarhoş*', 'uyuşturucu*', 'esrar*', 'içki içiyor*', 'taciz*', 'rahatsız ed*', 'güvende hissetmi*',
    'güvensiz*', 'korkuyorum', 'takılıyor*', 'toplanmış', 'merdiven* .. takıl*', 'köpek* .. havlı*', 'havlıyor',
    'tartışıyor*', 'küfür*', 'sigara içiyor* .. merdiven*', 'rahatsızlık veriyor*',
  ],
  urgentFault: [
    'su akıyor', 'su sızıyor', 'su kaçağı', 'sızıntı*', 'sızdırıyor', 'su bastı', 'su baskını', 'tavandan su',
    'tavan* .. su', 'su .. tavan*', 'boru* .. patla*', 'patla* .. boru*', 'boru* .. kırıl*', 'kalorifer* .. çalışmıyor',
    'kalorifer* .. yanmıyor', 'kalorifer* .. soğuk', 'petek* .. soğuk', 'petek* .. ısınmıyor', 'ısıtma yok',
    'ısınma yok', 'kalorifer yok', 'kombi* .. çalışmıyor', 'kombi* .. arıza*', 'ev buz gibi', 'elektrik yok',
    'elektrik* kesil*', 'elektrik* gitti', 'cereyan yok', 'merdiven* .. karanlık', 'tuvalet* .. tıkan*',
    'klozet* .. tıkan*', 'tuvalet* .. taşıyor', 'cam* .. kırıl*', 'kırık cam', 'pencere* .. kırıl*',
    'kapı* .. kilitlenmiyor', 'kilit* .. bozuk', 'kilit* .. kırık', 'kapı* .. kapanmıyor', 'asansör* .. mahsur',
    'asansörde kaldı*',
  ],
  minorFault: [
    'musluk* .. damlı*', 'damlayan musluk', 'musluk* .. akıtıyor', 'lavabo* .. yavaş', 'gider* .. yavaş', 'sigorta* .. attı',
    'sigorta* atmış', 'sigorta* .. yandı', 'ampul*', 'ampul* .. patla*', 'lamba* .. yanmıyor', 'pili', 'pilleri',
    'pil bitti', 'dedektör* .. ötüyor', 'küf', 'nem',
  ],
  support: [
    'yalnız*', 'konuşacak kimse*', 'konuşacak biri*', 'kimsem yok', 'kimse yok', 'yaşlı*', 'evrak*', 'mektup .. anlam*',
    'vergi dairesi', 'sosyal hizmet*', 'tercüman*', 'bunamış', 'alzheimer',
  ],
  crimeOver: [
    'çalındı', 'çaldılar', 'çalınmış', 'hırsızlık*', 'depo* .. kırıl*', 'kiler* .. kırıl*', 'bodrum* .. kırıl*',
    'tahrip*', 'kırdılar',
  ],
  information: [
    'çalışma saat*', 'açılış saat*', 'ne zaman açık', 'ne zaman açıl*', 'kira', 'kirayı', 'kirası', 'kiramı',
    'kira öde*', 'fatura*', 'bahçe*', 'evcil hayvan*', 'köpek*', 'kedi*', 'boya*', 'yangın söndürücü*',
    // a danger word negated by the `yok` after it: explained away here, since `yok` cannot be a negation
    'yangın* yok', 'yangın* yoktu', 'duman yok', 'duman yoktu', 'gaz kokusu yok', 'koku yok', 'silah yok',
    'patlama yok', 'kimse yaralı değil', 'yaralı yok',
  ],
  domestic: [
    'kocam', 'kocası', 'karım', 'karısı', 'eşim', 'eski kocam', 'eski eşim', 'eski sevgilim', 'sevgilim',
    'erkek arkadaşım', 'nişanlım', 'aile içi şiddet', 'ev içi şiddet',
  ],
  lockedOut: [
    'anahtar* .. kaybet*', 'anahtar* .. unut*', 'anahtar* .. içeri*', 'anahtar* .. içerde', 'kapıda kaldım',
    'dışarıda kaldım', 'dışarıda kaldık', 'içeri giremiyorum', 'eve giremiyorum', 'anahtar* .. kırıldı', 'çilingir*',
  ],
  negation: ['hayır'],
  // `değil` follows what it negates ("yangın değil")
  negationAfter: ['değil', 'değildi'],
  past: [
    'dün', 'evvelsi gün', 'önceki gün', 'geçen hafta', 'geçen ay', 'geçen sene', 'geçen yıl', 'gün önce', 'günler önce',
    'hafta önce', 'ay önce', 'yıl önce', 'sene önce',
  ],
  recentPast: ['dün gece', 'dün akşam', 'az önce', 'biraz önce', 'dakika önce', 'saat önce', 'demin', 'az evvel'],
  notReal: [
    'tatbikat*', 'deneme alarm*', 'test alarm*', 'filmde', 'filmi', 'dizide', 'haberlerde', 'haberde', 'haberleri',
    'televizyonda', 'tvde', 'oyunda', 'bilgisayar oyunu', 'şaka', 'şaka yapıyorum', 'şakaydı', 'rüyamda', 'rüya',
  ],
  ongoing: [
    'şimdi', 'şu an', 'şu anda', 'hala', 'devam ediyor', 'hemen', 'oluyor', 'şu saniye', 'acil',
  ],
  clauseBreaks: ['ama', 'fakat', 'çünkü', 'eğer', 've', 'ki', 'biz', 'onlar'],
};
