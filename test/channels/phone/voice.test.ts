// The phone line's pieces on their own: the VoiceAdapter over the real bot, speech helpers, sessions, locales.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ConversationState } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { TryggConversation } from '../../../dialogs/conversation.ts';
import { TryggBot } from '../../../src/channels/bot.ts';
import { CaseDesk } from '../../../src/cases/desk.ts';
import { dialable, PhoneCall, TELEPHONY_CHANNEL, VoiceAdapter } from '../../../src/channels/phone/index.ts';
import { createLogger } from '../../../src/log.ts';
import { CallSessions, DEFAULT_MAX_RINGING } from '../../../src/channels/phone/sessions.ts';
import {
  joinPrompts,
  languageForKey,
  languageMenu,
  languageNamed,
  optionsPrompt,
  parseVoices,
  phoneText,
  replyPrompt,
  spokenNumber,
} from '../../../src/channels/phone/speech.ts';
import { renderReply } from '../../../src/channels/render.ts';
import { LOCALES_DIR } from '../../../src/i18n.ts';
import { loadPolicy } from '../../../src/routing/policy.ts';
import { LANGUAGES } from '../../../src/routing/types.ts';
import { openMemoryStore } from '../../../src/store/index.ts';
import { CALLER, local } from './harness.ts';

async function voiceBot(at: string) {
  const store = await openMemoryStore();
  const now = () => local(at);
  const conversation = new TryggConversation(new ConversationState(store.state), {
    policy: loadPolicy(),
    store,
    now,
    render: renderReply,
  });
  return { store, bot: new TryggBot(conversation), adapter: new VoiceAdapter(), now };
}

describe('VoiceAdapter', () => {
  it("collects each message's reply (text, emergency flag, action) and the decision trace of one turn", async () => {
    const { bot, adapter, store, now } = await voiceBot('2027-01-19 23:00');
    const turn = await adapter.runTurn(bot, {
      conversationId: 'telephony-test-1',
      caller: CALLER,
      locale: 'sv-SE',
      text: 'det brinner i trapphuset',
      input: 'speech',
      at: now(),
    });
    expect(turn.error).toBeUndefined();
    expect(turn.decision).toMatchObject({ route: 'emergency', danger: 'fire' });
    // The 112 reply, flagged by the dialog, first; the case is told of by a later reply, which carries it.
    expect(turn.replies[0]).toMatchObject({ emergency: true, lang: 'sv', text: expect.stringMatching(/Ring 112 nu/) });
    const [kase] = await store.cases.list();
    expect(kase).toMatchObject({ channelId: TELEPHONY_CHANNEL, contact: { phone: CALLER } });
    const told = turn.replies.findIndex((r) => r.action);
    expect(told).toBeGreaterThan(0);
    expect(turn.replies[told]!.action).toEqual({ kind: 'handoff', caseId: kase!.id, route: 'emergency', phone: '112' });
  });

  it('a handoff to the jour: the reply that tells of the case carries it, with the number on duty', async () => {
    const { bot, adapter, now } = await voiceBot('2027-01-19 23:00');
    const who = {
      conversationId: 'telephony-test-3',
      caller: CALLER,
      locale: 'sv-SE',
      at: now(),
      input: 'speech' as const,
    };
    await adapter.runTurn(bot, { ...who, text: 'grannarna har fest och spelar hög musik' });
    await adapter.runTurn(bot, { ...who, text: 'nej' });
    const turn = await adapter.runTurn(bot, { ...who, text: 'Storgatan 5' });
    expect(turn.replies.some((r) => r.emergency)).toBe(false);
    const action = turn.replies.find((r) => r.action)?.action;
    expect(action).toMatchObject({ kind: 'handoff', route: 'trygghetsjour', caseId: expect.stringMatching(/^T-/) });
    expect(action?.phone).toBeTruthy();
  });

  it('a conversationUpdate marks the conversation greeted, so the first reply does not greet again', async () => {
    const { bot, adapter, now } = await voiceBot('2027-01-19 23:00');
    const who = { conversationId: 'telephony-test-2', caller: CALLER, locale: 'sv-SE', at: now() };
    const start = await adapter.startConversation(bot, who);
    expect(start.replies[0]!.text).toMatch(/Trygg/);
    const turn = await adapter.runTurn(bot, {
      ...who,
      text: 'grannarna har fest och spelar hög musik',
      input: 'speech',
    });
    expect(turn.replies.map((r) => r.text).join(' ')).not.toMatch(/Jag är Trygg/);
    expect(turn.replies.at(-1)!.expectsInput).toBe(true);
  });

  it('a failing turn is reported, not thrown', async () => {
    const adapter = new VoiceAdapter();
    const broken = new TryggBot({
      onMessage: async () => {
        throw new Error('boom');
      },
    } as unknown as TryggConversation);
    const turn = await adapter.runTurn(broken, {
      conversationId: 'c',
      caller: '',
      locale: 'sv-SE',
      text: 'hej',
      input: 'typed',
      at: new Date(),
    });
    expect(turn.error?.message).toBe('boom');
  });
});

describe('the phone speaks from the reply, not from what a renderer made of it', () => {
  it('a renderer that gives bare text (no card, no SSML): danger confirmed in a dialog gets 112 twice and the hang-up', async () => {
    const store = await openMemoryStore();
    const now = () => local('2027-01-19 23:00');
    const bare = (reply: { text: string }) => ({ type: 'message', text: reply.text });
    const policy = loadPolicy();
    const conversation = new TryggConversation(new ConversationState(store.state), {
      policy,
      store,
      now,
      render: bare,
    });
    const done: { type: string; ssml?: string }[] = [];
    const control = {
      listen: async (p: { ssml: string }) => void done.push({ type: 'listen', ssml: p.ssml }),
      say: async (p: { ssml: string }) => void done.push({ type: 'say', ssml: p.ssml }),
      transfer: async () => void done.push({ type: 'transfer' }),
      hangUp: async () => void done.push({ type: 'hangUp' }),
    };
    const session = (await new CallSessions(store).create(CALLER))!.session;
    const call = new PhoneCall(
      {
        bot: new TryggBot(conversation),
        adapter: new VoiceAdapter(),
        policy,
        store,
        log: createLogger('silent'),
        now,
        voices: {},
        desk: new CaseDesk({ store, policy, now }),
      },
      session,
      control,
    );
    await call.start();
    await call.input('dtmf', '1');
    // A disturbance on duty: "is anyone in danger now?" — yes. No decision of this turn says emergency; only
    // the dialog's 112 reply does, by its flag.
    await call.input('speech', 'grannarna har fest och spelar hög musik');
    expect(done.at(-1)!.ssml).toMatch(/Är någon i fara/);
    await call.input('speech', 'ja');
    const said = done.at(-1)!;
    expect(said.type).toBe('say');
    expect(said.ssml!.match(/Lägg på och ring <say-as interpret-as="telephone">112<\/say-as> nu/g)).toHaveLength(2);
    await call.playDone('emergency');
    expect(done.at(-1)).toEqual({ type: 'hangUp' });
  });
});

describe('speech', () => {
  it('the language menu: each language in its own neural voice, keys 1–8, then 0 and 9', () => {
    const menu = languageMenu();
    expect(menu.ssml.match(/<voice name="/g)).toHaveLength(LANGUAGES.length + 2);
    expect(menu.ssml).toContain('<voice name="tr-TR-EmelNeural">Türkçe için 8 tuşuna basın.</voice>');
    expect(LANGUAGES.map((_, i) => languageForKey(String(i + 1)))).toEqual([...LANGUAGES]);
    expect(languageForKey('9')).toBeUndefined();
  });

  it.each([
    ['engelska', 'en'],
    ['English please', 'en'],
    ['på arabiska', 'ar'],
    ['عربي', 'ar'],
    ['polski', 'pl'],
    ['det brinner i trapphuset nu', undefined],
  ])('"%s" names the language %s', (text, lang) => {
    expect(languageNamed(text)).toBe(lang);
  });

  it('configured voices replace the defaults; prompts join into one <speak>', () => {
    const voices = { sv: { locale: 'sv-SE', voice: 'sv-SE-MattiasNeural' } };
    expect(phoneText('sv', 'askWhat', {}, voices).ssml).toContain('<voice name="sv-SE-MattiasNeural">');
    const joined = joinPrompts([phoneText('sv', 'silence.reprompt'), phoneText('en', 'askWhat')]);
    expect(joined.ssml.match(/<speak /g)).toHaveLength(1);
    expect(joined.ssml).toContain('<voice name="en-GB-SoniaNeural">Tell me');
    expect(joined.text).toBe(`${phoneText('sv', 'silence.reprompt').text} ${phoneText('en', 'askWhat').text}`);
  });

  it('speaks a reply from the reply itself: escaped text, public numbers and phone values digit by digit', () => {
    const reply = {
      text: 'Ring **112** nu. Läs [mer](https://example.test/x) <b>&</b>\n\nPolisen: 114 14.',
      lang: 'sv' as const,
    };
    const prompt = replyPrompt(reply);
    expect(prompt.text).toBe('Ring 112 nu. Läs mer <b>&</b> Polisen: 114 14.');
    expect(prompt.ssml).toBe(
      '<speak version="1.0" xmlns="http://www.w3.org/2001/10/synthesis" xml:lang="sv-SE"><voice name="sv-SE-SofieNeural">' +
        'Ring <say-as interpret-as="telephone">112</say-as> nu. Läs mer &lt;b&gt;&amp;&lt;/b&gt; Polisen: ' +
        '<say-as interpret-as="telephone">114 14</say-as>.</voice></speak>',
    );
    // A value that is a phone number is its own piece, whatever the text around it says.
    const failed = phoneText('sv', 'transfer.failed', { name: 'Jouren', caseId: 'T-1', phone: '070-174 06 05' });
    expect(failed.ssml).toContain('på <say-as interpret-as="telephone">070-174 06 05</say-as> så snart');
    expect(failed.text).toContain('på 070-174 06 05 så snart');
    // Options only when the reply waits for one of them.
    const options = [
      { value: 'yes', title: 'Ja' },
      { value: 'no', title: 'Nej' },
    ];
    expect(optionsPrompt({ text: 'Är någon i fara?', lang: 'sv', options, expectsInput: true })?.text).toBe(
      'Säg ditt svar, eller tryck 1 för Ja, 2 för Nej.',
    );
    expect(optionsPrompt({ text: 'x', lang: 'sv', options })).toBeUndefined();
  });

  it('a voice setting: language=voice, each checked', () => {
    expect(parseVoices('sv=sv-SE-MattiasNeural; en=en-GB-RyanNeural')).toEqual({
      sv: { locale: 'sv-SE', voice: 'sv-SE-MattiasNeural' },
      en: { locale: 'en-GB', voice: 'en-GB-RyanNeural' },
    });
    expect(parseVoices(undefined)).toEqual({});
    expect(() => parseVoices('xx=sv-SE-MattiasNeural', 'ACS_VOICES')).toThrow(
      /^ACS_VOICES: "xx=sv-SE-MattiasNeural" is not language=voice/,
    );
    expect(() => parseVoices('sv=Mattias')).toThrow(/not language=voice/);
  });

  it('phone numbers: the caller said Swedish style, and what can be dialled', () => {
    expect(spokenNumber('+46701740605')).toBe('070-174 06 05');
    expect(spokenNumber('+4915112345678')).toBe('+4915112345678');
    expect(dialable('040-000 00 01')).toBe('+46400000001');
    expect(dialable('112')).toBe('112');
    expect(dialable('ring oss')).toBeUndefined();
  });
});

describe('call sessions (in the store)', () => {
  it('keep caps and expiries, drop nothing to make room, and check the secret', async () => {
    let t = 1_000_000;
    const store = await openMemoryStore();
    const sessions = new CallSessions(store, { max: 2, maxRinging: 1, ttlMs: 1000, ringingTtlMs: 100, clock: () => t });
    const visit = (id: string, secret: string | undefined) => sessions.withCall(id, secret, async () => 'ok');
    const a = (await sessions.create('+46701740605'))!;
    await sessions.withCall(a.session.id, a.secret, async () => {}, { answered: true });
    const b = (await sessions.create(''))!;
    // One ringing call fills the ringing table.
    expect(await sessions.create('+46701740606')).toBeUndefined();
    await sessions.withCall(b.session.id, b.secret, async () => {}, { answered: true });
    // Two answered calls fill the table: a new call is refused, the answered ones stay.
    expect(await sessions.create('+46701740606')).toBeUndefined();
    expect(await sessions.count()).toEqual({ ringing: 0, answered: 2 });
    expect(await visit(b.session.id, b.secret)).toMatchObject({ found: true, value: 'ok' });
    expect(await visit(b.session.id, a.secret)).toEqual({ found: false });
    expect(await visit(b.session.id, undefined)).toEqual({ found: false });
    expect(await visit('no-such-call', a.secret)).toEqual({ found: false });
    // Only a hash of the secret is stored.
    expect(JSON.stringify(await store.calls.get(a.session.id, new Date(t)))).not.toContain(a.secret);
    t += 1001;
    expect(await visit(a.session.id, a.secret)).toEqual({ found: false });
    // A ringing call whose answer never came is forgotten sooner.
    const c = (await sessions.create(''))!;
    expect((await store.calls.get(c.session.id, new Date(t)))?.ringing).toBe(true);
    t += 101;
    expect(await sessions.get(c.session.id)).toBeUndefined();
  });

  it('500 forged incoming calls at once do not push out a call in progress (default sizes)', async () => {
    const sessions = new CallSessions(await openMemoryStore());
    const real = (await sessions.create('+46701740605'))!;
    await sessions.withCall(real.session.id, real.secret, async () => {}, { answered: true });
    const forged = await Promise.all(Array.from({ length: 500 }, () => sessions.create('+46701740606')));
    expect((await sessions.withCall(real.session.id, real.secret, async () => true)).found).toBe(true);
    expect(forged.filter(Boolean)).toHaveLength(DEFAULT_MAX_RINGING);
    expect(await sessions.count()).toEqual({ ringing: DEFAULT_MAX_RINGING, answered: 1 });
  });

  it("run one call's callbacks one at a time, in order, each seeing what the one before saved", async () => {
    const sessions = new CallSessions(await openMemoryStore());
    const { session, secret } = (await sessions.create(''))!;
    const order: number[] = [];
    const slow = sessions.withCall(session.id, secret, async (s) => {
      await new Promise((r) => setTimeout(r, 30));
      s.silences = 1;
      order.push(1);
    });
    const fast = sessions.withCall(session.id, secret, async (s) => {
      order.push(s.silences === 1 ? 2 : -2);
    });
    await Promise.all([slow, fast]);
    expect(order).toEqual([1, 2]);
  });
});

describe('locales/*/phone.json', () => {
  const read = (lang: string) => JSON.parse(readFileSync(path.join(LOCALES_DIR, lang, 'phone.json'), 'utf8'));
  const keys = (o: object, prefix = ''): string[] =>
    Object.entries(o).flatMap(([k, v]) =>
      v && typeof v === 'object' && !Array.isArray(v) ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
    );

  it('Swedish, English and Arabic have every caller-facing text; every language its menu line and the emergency line', () => {
    const sv = keys(read('sv')).filter((k) => !k.startsWith('note.') && !k.startsWith('language.names.'));
    for (const lang of ['en', 'ar']) {
      const have = new Set(keys(read(lang)));
      expect(
        sv.filter((k) => !have.has(k)),
        lang,
      ).toEqual([]);
    }
    const folders = readdirSync(LOCALES_DIR);
    for (const lang of LANGUAGES) {
      expect(folders, lang).toContain(lang);
      const have = new Set(keys(read(lang)));
      for (const key of ['language.name', 'language.option', 'emergency.tellToDial'])
        expect(have.has(key), `${lang} ${key}`).toBe(true);
      expect(read(lang).emergency.tellToDial).toContain('112');
    }
  });
});
