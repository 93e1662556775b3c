/**
 * What the benchmark sends: tenants' conversations as scripts (a first message and the answers a tenant gives
 * to Trygg's questions), turned into Bot Framework message activities shaped like the recorded ones in
 * test/fixtures/activities (web chat, Direct Line, SMS).
 */

export type Channel = 'webchat' | 'directline' | 'sms';

/** One tenant's conversation: the channel, the locale the channel reports, and what the tenant writes in turn. */
export interface Script {
  name: string;
  channel: Channel;
  locale?: string;
  texts: string[];
}

/**
 * The mix for the load: mostly ordinary questions and disturbances, a few emergencies (2 of 20 slots), in
 * Swedish, English and Arabic, on web chat, Direct Line and SMS. The answers follow Trygg's questions (is
 * anyone in danger, the address, a phone number where the channel has none), so handoffs end in a case.
 */
export const SCRIPTS: Script[] = [
  {
    name: 'disturbance-sv',
    channel: 'webchat',
    locale: 'sv-SE',
    texts: ['Grannen spelar hög musik och jag kan inte sova', 'nej', 'Amiralsgatan 12, lgh 1102', '0701234567'],
  },
  { name: 'office-sv', channel: 'webchat', locale: 'sv-SE', texts: ['När öppnar kontoret?', 'Tack!'] },
  {
    name: 'minor-fault-sv',
    channel: 'sms',
    texts: ['Kranen i badrummet droppar', 'ja', 'Lönngatan 5, lgh 1201. Droppar hela tiden'],
  },
  {
    name: 'disturbance-en',
    channel: 'directline',
    locale: 'en-US',
    texts: ['Someone is playing very loud music next door', 'no', 'Amiralsgatan 14, flat 1003', 'skip'],
  },
  { name: 'info-sv', channel: 'webchat', locale: 'sv-SE', texts: ['Hur fungerar grannsamverkan?'] },
  {
    name: 'party-sv',
    channel: 'sms',
    texts: ['Det är fest på gården och folk skriker', 'nej', 'Rosengård, Ramels väg 40'],
  },
  {
    name: 'pipe-en',
    channel: 'directline',
    locale: 'en-US',
    texts: ['There is water everywhere, a pipe burst', 'no', 'Lorensborgsgatan 3, flat 2104', '0709876543'],
  },
  {
    name: 'noise-ar',
    channel: 'webchat',
    locale: 'ar',
    texts: ['ضوضاء عالية من الشقة المجاورة', 'لا', 'Ramels väg 12', '0731112233'],
  },
  {
    name: 'cold-sv',
    channel: 'webchat',
    locale: 'sv-SE',
    texts: ['Elementen är kalla och det är 15 grader inne', 'nej', 'Västra Kattarpsvägen 20', '0701112233'],
  },
  { name: 'fire-sv', channel: 'sms', texts: ['Det brinner i trapphuset!!', 'Vi har ringt 112 och gått ut'] },
  { name: 'bike-sv', channel: 'webchat', locale: 'sv-SE', texts: ['Min cykel har blivit stulen från cykelrummet'] },
  {
    name: 'lonely-sv',
    channel: 'webchat',
    locale: 'sv-SE',
    texts: ['Jag känner mig ensam, finns det någon att prata med?', 'nej'],
  },
  { name: 'office-en', channel: 'directline', locale: 'en-US', texts: ['When does the office open?'] },
  {
    name: 'smoke-alarm-sv',
    channel: 'sms',
    texts: ['Brandvarnaren piper, behöver nytt batteri', 'ja', 'Nydalatorget 2, lgh 1001'],
  },
  {
    name: 'greeting-sv',
    channel: 'webchat',
    locale: 'sv-SE',
    texts: ['hej', 'Grannen spelar hög musik', 'nej', 'Amiralsgatan 12', 'skip'],
  },
  { name: 'drip-en', channel: 'directline', locale: 'en-US', texts: ['The tap in the bathroom is dripping', 'no'] },
  { name: 'fire-ar', channel: 'webchat', locale: 'ar', texts: ['الشقة المجاورة تحترق'] },
  {
    name: 'noise-sv-2',
    channel: 'sms',
    texts: ['Någon bankar på väggarna mitt i natten', 'nej', 'Augustenborgsgatan 7'],
  },
  {
    name: 'heating-sv',
    channel: 'webchat',
    locale: 'sv-SE',
    texts: ['Det är kallt i lägenheten', 'ja', 'Lönngatan 9, lgh 1102'],
  },
  { name: 'drill-sv', channel: 'webchat', locale: 'sv-SE', texts: ['Brandövningen förra veckan var bra'] },
];

/** Emergency texts for the burst of new conversations (the night of an explosion), with their channel. */
export const EMERGENCIES: { channel: Channel; locale?: string; text: string }[] = [
  { channel: 'sms', text: 'DET BRINNER I TRAPPHUSET' },
  { channel: 'webchat', locale: 'sv-SE', text: 'Det smällde och nu brinner det i huset bredvid!' },
  { channel: 'sms', text: 'Explosion på gården, folk är skadade' },
  { channel: 'directline', locale: 'en-US', text: 'There was an explosion, the flat next door is on fire' },
  { channel: 'webchat', locale: 'en-GB', text: 'Fire in the stairwell, we cannot get out' },
  { channel: 'webchat', locale: 'ar', text: 'الشقة المجاورة تحترق' },
  { channel: 'sms', text: 'Det luktar rök i källaren och det brinner' },
  { channel: 'directline', locale: 'ar', text: 'انفجار في المبنى وهناك حريق' },
  { channel: 'webchat', locale: 'sv-SE', text: 'Någon är skadad efter smällen, blöder mycket' },
  { channel: 'sms', text: 'Someone is badly hurt after the explosion' },
];

/** The mixed messages of the routing figures (bench/route.ts and the routing part of bench/bot.ts). */
export const ROUTING_SAMPLES = [
  'Det brinner i trapphuset!!',
  'DET LUKTAR ROK I KALLAREN',
  'grannen spelar hög musik och jag kan inte sova',
  'Det är fest på gården och folk skriker',
  'Vattnet sprutar från röret under diskbänken',
  'Elementen är kalla och det är 15 grader inne',
  'Kranen i badrummet droppar',
  'Jag känner mig ensam, finns det någon att prata med?',
  'Min cykel har blivit stulen från cykelrummet',
  'När öppnar kontoret?',
  'Hur fungerar grannsamverkan?',
  'Someone is playing very loud music next door',
  'There is water everywhere, a pipe burst',
  'I want to end my life',
  'ضوضاء عالية من الشقة المجاورة',
  'الشقة المجاورة تحترق',
  'Komşu daire yanıyor',
  'Ktoś ma nóż na klatce schodowej',
  'Neko puca ispred zgrade',
  'Dab ayaa ka kacay guriga',
  'همسایه صدای موسیقی بلند دارد',
  'Brandövningen förra veckan var bra',
  'Brandvarnaren piper, behöver nytt batteri',
  'hej',
];

/** Phase digits, so each phase's conversations (and SMS numbers) are new and told apart at the sink. */
export const PHASE = {
  warmEcho: 1,
  loadEcho: 2,
  warmTrygg: 3,
  loadTrygg: 4,
  burst: 5,
  pacedEcho: 6,
  pacedTrygg: 7,
  warmDialog: 8,
  loadDialog: 9,
  pacedDialog: 10,
} as const;

/** A conversation's id on its channel: the tenant's number on SMS, an opaque id elsewhere. */
export function conversationId(channel: Channel, phase: number, slot: number, generation: number): string {
  if (channel === 'sms')
    return `+467${phase}${String(slot).padStart(3, '0')}${String(generation % 10_000).padStart(4, '0')}`;
  return `bench${phase}s${slot}g${generation}${channel === 'directline' ? '-eu' : ''}`;
}

let activitySeq = 0;

/** A message activity as the channel would post it to /api/messages, with a unique id (so dedupe keeps it). */
export function messageActivity(
  channel: Channel,
  conversation: string,
  text: string,
  serviceUrl: string,
  locale?: string,
): Record<string, unknown> {
  const n = ++activitySeq;
  const now = new Date().toISOString();
  const common = {
    type: 'message',
    timestamp: now,
    serviceUrl,
    channelId: channel,
    conversation: { id: conversation },
    text,
    ...(locale ? { locale } : {}),
  };
  if (channel === 'sms') {
    const sid = `SM${process.pid.toString(16)}${n.toString(16).padStart(26, '0')}`;
    return {
      ...common,
      id: sid,
      from: { id: conversation, name: conversation },
      recipient: { id: '+46101234500', name: 'trygg-bot' },
      entities: [],
      channelData: {
        SmsMessageSid: sid,
        NumMedia: '0',
        SmsStatus: 'received',
        To: '+46101234500',
        From: conversation,
        NumSegments: '1',
      },
    };
  }
  return {
    ...common,
    id: `${conversation}|${String(n).padStart(7, '0')}`,
    from: { id: `dl_${conversation.slice(-12)}`, name: '', role: 'user' },
    recipient: { id: 'trygg-bot', name: 'Trygg' },
    textFormat: 'plain',
    channelData: { clientActivityID: `${Date.now()}${n.toString(36)}` },
  };
}

/**
 * The tenants behind one load connection: `slots` conversations taken in turn, each playing its script one
 * message at a time; when a script ends, that slot starts a new conversation (a new id). A connection waits
 * for each answer, so no conversation ever has two turns in flight (as with a real tenant).
 */
export class Tenants {
  readonly #slots: { slot: number; script: Script; step: number; generation: number; id: string }[];
  readonly #phase: number;
  readonly #serviceUrl: string;
  #next = 0;
  /** Conversations started so far. */
  started = 0;
  /** Every conversation id used (for the sink's per-conversation check). */
  readonly ids: string[] = [];

  /** Slots `first, first + stride, …` below `total`. */
  constructor(options: { phase: number; first: number; stride: number; total: number; serviceUrl: string }) {
    this.#phase = options.phase;
    this.#serviceUrl = options.serviceUrl;
    this.#slots = [];
    for (let slot = options.first; slot < options.total; slot += options.stride) {
      const script = SCRIPTS[slot % SCRIPTS.length]!;
      this.#slots.push({ slot, script, step: 0, generation: 0, id: this.#newId(script, slot, 0) });
    }
  }

  #newId(script: Script, slot: number, generation: number): string {
    const id = conversationId(script.channel, this.#phase, slot, generation);
    this.ids.push(id);
    this.started++;
    return id;
  }

  /** The next request body. */
  next(): string {
    const s = this.#slots[this.#next++ % this.#slots.length]!;
    if (s.step >= s.script.texts.length) {
      s.generation++;
      s.step = 0;
      s.id = this.#newId(s.script, s.slot, s.generation);
    }
    const text = s.script.texts[s.step++]!;
    return JSON.stringify(messageActivity(s.script.channel, s.id, text, this.#serviceUrl, s.script.locale));
  }
}
