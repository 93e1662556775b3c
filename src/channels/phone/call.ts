/**
 * One phone call, as a small state machine over the events the telephony side reports. The language menu,
 * then each utterance or key to the bot's dialogs and its replies said back; 112 first on danger; a
 * transfer to the jour on duty; never dead air (a reprompt, then the choices, then a goodbye).
 * Transport-agnostic: ACS Call Automation and the local simulator both drive it through `CallControl`.
 */
import type { Reply, ReplyAction } from '../../../dialogs/reply.ts';
import type { CaseDesk } from '../../cases/desk.ts';
import type { Logger } from '../../log.ts';
import type { Policy } from '../../routing/policy.ts';
import { normalizePhone, type Store } from '../../store/index.ts';
import { caseFromCall, keepWhatWasSaid, noteForStaff, TRANSFER_ROUTES } from './case-keeping.ts';
import {
  humanCommand,
  joinPrompts,
  languageForKey,
  noticePrompt,
  languageMenu,
  languageNamed,
  localeOf,
  optionsPrompt,
  phoneText,
  replyPrompt,
  spokenNumber,
  type Voices,
} from './speech.ts';
import type { AfterPlay, CallControl, CallSession, Prompt, TurnRunner } from './types.ts';
import type { VoiceAdapter } from './voice-adapter.ts';

/** Silent or unclear answers in a row before the line says goodbye (1: reprompt, 2–3: the choices). */
export const MAX_SILENCES = 4;

export interface CallDeps {
  bot: TurnRunner;
  adapter: VoiceAdapter;
  policy: Policy;
  store: Store;
  log: Logger;
  now: () => Date;
  voices: Voices;
  desk: CaseDesk;
}

/** A number the telephony side can dial: E.164, or a short number such as 112 as it is. */
export function dialable(phone: string): string | undefined {
  const compact = phone.replace(/[\s\-().]/g, '');
  return normalizePhone(phone) ?? (/^\d{3,6}$/.test(compact) ? compact : undefined);
}

export class PhoneCall {
  readonly session: CallSession;
  private readonly deps: CallDeps;
  private readonly control: CallControl;

  constructor(deps: CallDeps, session: CallSession, control: CallControl) {
    this.deps = deps;
    this.session = session;
    this.control = control;
  }

  /** The call is connected: greet in Swedish and offer the languages. */
  async start(): Promise<void> {
    // A redelivered CallConnected must not restart a call in progress.
    if (this.session.lastPrompt || this.session.stage !== 'menu') return;
    await this.listen(languageMenu(this.deps.voices));
  }

  /** The caller said something (speech), pressed a key (dtmf), or typed (simulator). */
  async input(kind: 'speech' | 'dtmf' | 'typed', value: string): Promise<void> {
    const s = this.session;
    if (s.stage !== 'menu' && s.stage !== 'talk') return;
    const text = value.trim();
    if (!text) return this.noAnswer('silence');
    s.silences = 0;
    // # skips an incident's notice: the rest of the reply is said at once.
    const skipTo = s.skipTo;
    s.skipTo = undefined;
    if (kind === 'dtmf' && text === '#' && skipTo) return this.listen(skipTo);
    if (kind === 'dtmf' && text === '9') return this.repeat();
    if (kind === 'dtmf' && text === '0') return this.botTurn(humanCommand(s.lang), kind);
    if (kind === 'dtmf' && !/^[1-8]$/.test(text)) return this.noAnswer('unclear');
    if (s.stage === 'menu') {
      const lang = kind === 'dtmf' ? languageForKey(text) : languageNamed(text);
      if (lang) {
        s.lang = lang;
        s.stage = 'talk';
        return this.listen(phoneText(lang, 'askWhat', {}, this.deps.voices));
      }
      if (kind === 'dtmf') return this.noAnswer('unclear');
    }
    return this.botTurn(text, kind);
  }

  /** Nothing was heard (`silence`), or what was heard could not be used (`unclear`). */
  async noAnswer(kind: 'silence' | 'unclear'): Promise<void> {
    const s = this.session;
    if (s.stage !== 'menu' && s.stage !== 'talk') return;
    s.silences += 1;
    const v = this.deps.voices;
    const first = phoneText(s.lang, kind === 'silence' ? 'silence.reprompt' : 'notUnderstood', {}, v);
    if (s.silences >= MAX_SILENCES)
      return this.say(phoneText(s.lang, 'silence.goodbye', {}, v), 'goodbye', { kind: 'hangUp' });
    if (s.stage === 'menu') {
      if (s.silences === 1) return this.listen(joinPrompts([first, languageMenu(v)]), { repeat: true });
      // No choice twice: go on in Swedish, listening for speech.
      s.stage = 'talk';
      return this.listen(joinPrompts([phoneText('sv', 'continueInSwedish', {}, v), phoneText('sv', 'askWhat', {}, v)]));
    }
    if (s.silences === 1)
      return this.listen(joinPrompts([first, s.lastPrompt ?? phoneText(s.lang, 'askWhat', {}, v)]), { repeat: true });
    return this.listen(joinPrompts([first, phoneText(s.lang, 'silence.choices', {}, v)]), { repeat: true });
  }

  /** A play finished (or failed: the caller has heard what could be said); do what was to follow. */
  async playDone(context?: string): Promise<void> {
    const playing = this.session.playing;
    if (!playing || (context && context !== playing.context)) return;
    this.session.playing = undefined;
    if (playing.after.kind === 'hangUp') return this.end('ended');
    return this.transfer(playing.after);
  }

  /** The person on duty (or 112) took the call. */
  async transferAccepted(): Promise<void> {
    const s = this.session;
    const t = s.transfer;
    s.transferred = true;
    s.stage = 'ended';
    s.finalized = true;
    if (t?.caseId) await noteForStaff(this.deps, s, t.caseId, 'transferred');
    s.transfer = undefined;
  }

  /** Nobody answered, or the transfer was refused: tell the caller, keep the case, promise a callback, alert staff. */
  async transferFailed(): Promise<void> {
    const s = this.session;
    const t = s.transfer;
    if (!t) return;
    s.stage = 'closing';
    const v = this.deps.voices;
    if (t.emergency) {
      s.transfer = undefined;
      const line = phoneText(s.lang, 'emergency.tellToDial', {}, v);
      return this.say(joinPrompts([line, line, phoneText(s.lang, 'emergency.why', {}, v)]), 'emergency', {
        kind: 'hangUp',
      });
    }
    if (t.caseId) await noteForStaff(this.deps, s, t.caseId, 'transferFailed');
    else await caseFromCall(this.deps, s, 'transferFailed');
    s.transfer = undefined;
    const values = { name: t.name, caseId: s.caseId ?? '', phone: spokenNumber(s.caller) };
    const key = s.caller ? 'transfer.failed' : 'transfer.failedNoNumber';
    return this.say(phoneText(s.lang, key, values, v), 'goodbye', { kind: 'hangUp' });
  }

  /** The call ended on the caller's side (or ours): keep whatever was said. */
  async disconnected(): Promise<void> {
    const wasTransferring = this.session.stage === 'transferring';
    this.session.stage = 'ended';
    await keepWhatWasSaid(this.deps, this.session, wasTransferring ? 'transferFailed' : 'callerHungUp');
  }

  private async botTurn(text: string, input: 'speech' | 'dtmf' | 'typed'): Promise<void> {
    const s = this.session;
    s.stage = 'talk';
    this.remember('tenant', text);
    const who = {
      conversationId: s.conversationId,
      caller: s.caller,
      locale: localeOf(s.lang, this.deps.voices),
      at: this.deps.now(),
    };
    if (!s.botStarted) {
      // The line has greeted the caller; the bot's own (written) greeting is not said.
      s.botStarted = true;
      const start = await this.deps.adapter.startConversation(this.deps.bot, who);
      if (start.error)
        this.deps.log.warn({ err: start.error, callId: s.id }, 'phone: starting the bot conversation failed');
    }
    const turn = await this.deps.adapter.runTurn(this.deps.bot, { ...who, text, input });
    if (turn.error) this.deps.log.error({ err: turn.error, callId: s.id }, 'phone: the bot turn failed');
    if (turn.decision)
      s.decision = { route: turn.decision.route, category: turn.decision.category, danger: turn.decision.danger };
    const handoff = turn.replies.findIndex((r) => r.action?.kind === 'handoff');
    if (handoff >= 0) s.caseId = turn.replies[handoff]!.action!.caseId;
    const last = turn.replies.at(-1);
    s.awaitingAnswer = last?.expectsInput === true;
    s.lang = last?.lang ?? s.lang;
    if (!last) return this.listen(phoneText(s.lang, 'error', {}, this.deps.voices));
    // The dialogs flag their 112 reply: the phone never looks for 112 in what a renderer made of it.
    if (turn.replies.some((r) => r.emergency)) return this.emergency(turn.replies, turn.decision?.confirm === true);
    const action = turn.replies[handoff]?.action;
    if (action && TRANSFER_ROUTES.has(action.route)) return this.handOff(turn.replies.slice(0, handoff), action);
    // An incident's notice is said first, short, and # skips it (to the rest of the reply).
    const notices = turn.replies.filter((r) => r.notice);
    const parts = turn.replies.filter((r) => !r.notice).map((r) => replyPrompt(r, this.deps.voices));
    const options = optionsPrompt(last, this.deps.voices);
    if (options) parts.push(options);
    if (!s.awaitingAnswer) parts.push(phoneText(s.lang, 'more', {}, this.deps.voices));
    if (!notices.length) return this.listen(joinPrompts(parts));
    const rest = joinPrompts(parts);
    const notice = [
      phoneText(s.lang, 'incident.skip', {}, this.deps.voices),
      ...notices.map((r) => noticePrompt(r, this.deps.voices)),
    ];
    await this.listen(joinPrompts([...notice, rest]));
    s.skipTo = rest;
  }

  /**
   * 112 first, short and twice. Danger not certain (`uncertain`: the dialog asks whether anyone is in danger):
   * then that question. Otherwise: hang up and dial, or transfer.
   */
  private async emergency(replies: Reply[], uncertain: boolean): Promise<void> {
    const s = this.session;
    const v = this.deps.voices;
    const last = replies.at(-1)!;
    if (uncertain && last.expectsInput) {
      const line = phoneText(s.lang, 'emergency.ifDanger', {}, v);
      const parts = [line, line, replyPrompt(last, v)];
      const options = optionsPrompt(last, v);
      return this.listen(joinPrompts(options ? [...parts, options] : parts));
    }
    s.stage = 'closing';
    const emergency = this.deps.policy.destinations.emergency;
    const phone = dialable(emergency.phone);
    if (this.deps.policy.phone.emergencyAction === 'transfer' && phone) {
      const line = phoneText(s.lang, 'emergency.transferring', {}, v);
      const name = emergency.name[s.lang] ?? emergency.name.en ?? emergency.name.sv;
      return this.say(joinPrompts([line, line]), 'emergency-transfer', {
        kind: 'transfer',
        route: 'emergency',
        phone,
        name,
        emergency: true,
        ...(s.caseId ? { caseId: s.caseId } : {}),
      });
    }
    const line = phoneText(s.lang, 'emergency.tellToDial', {}, v);
    const closing = [phoneText(s.lang, 'emergency.why', {}, v), phoneText(s.lang, 'emergency.closing', {}, v)];
    return this.say(joinPrompts([line, line, ...closing]), 'emergency', { kind: 'hangUp' });
  }

  /**
   * The jour's case is stored: say the replies before the one that tells of the handoff, that the call is being
   * connected, and transfer.
   */
  private async handOff(before: Reply[], h: ReplyAction): Promise<void> {
    const s = this.session;
    const v = this.deps.voices;
    const destination = this.deps.policy.destinations[h.route];
    const name = destination.name[s.lang] ?? destination.name.en ?? destination.name.sv;
    const phone = dialable(h.phone);
    if (h.placeholder)
      this.deps.log.warn({ route: h.route }, 'phone: transferring to a placeholder number from the sample policy');
    s.stage = 'closing';
    const said = before.map((r) => replyPrompt(r, v));
    const connecting = phoneText(s.lang, 'transfer.connecting', { caseId: h.caseId, name }, v);
    const after: AfterPlay = { kind: 'transfer', route: h.route, phone: phone ?? h.phone, name, caseId: h.caseId };
    if (!phone) {
      this.deps.log.error({ route: h.route }, 'phone: the on-duty number in the policy cannot be dialled');
      s.transfer = after;
      return this.transferFailed();
    }
    return this.say(joinPrompts([...said, connecting]), 'transfer', after);
  }

  private async transfer(after: Extract<AfterPlay, { kind: 'transfer' }>): Promise<void> {
    const s = this.session;
    s.stage = 'transferring';
    s.transfer = after;
    try {
      await this.control.transfer(after.phone, after.emergency ? 'emergency-transfer' : 'transfer');
    } catch (err) {
      this.deps.log.error({ err, callId: s.id, route: after.route }, 'phone: the transfer request failed');
      await this.transferFailed();
    }
  }

  private async repeat(): Promise<void> {
    const s = this.session;
    const again =
      s.lastPrompt ??
      (s.stage === 'menu' ? languageMenu(this.deps.voices) : phoneText(s.lang, 'askWhat', {}, this.deps.voices));
    return this.listen(again, { repeat: true });
  }

  /** Says a prompt and listens; `repeat` prompts are not what 9 repeats, nor new lines in the transcript. */
  private async listen(prompt: Prompt, options: { repeat?: boolean } = {}): Promise<void> {
    if (!options.repeat) {
      this.session.lastPrompt = prompt;
      this.remember('bot', prompt.text);
    }
    await this.act(() => this.control.listen(prompt, this.session.stage === 'menu' ? 'menu' : 'talk'));
  }

  private async say(prompt: Prompt, context: string, after: AfterPlay): Promise<void> {
    this.session.playing = { context, after };
    this.remember('bot', prompt.text);
    await this.act(() => this.control.say(prompt, context));
  }

  /** A telephony request that fails (after the client's retries) ends the call; what was said is kept. */
  private async act(request: () => Promise<void>): Promise<void> {
    try {
      await request();
    } catch (err) {
      this.deps.log.error(
        { err, callId: this.session.id },
        'phone: the telephony service refused a request; ending the call',
      );
      await this.end('callFailed');
    }
  }

  /** Hangs up (once) and keeps what was said. */
  private async end(reason: 'ended' | 'callFailed'): Promise<void> {
    const s = this.session;
    if (s.stage === 'ended') return;
    s.stage = 'ended';
    s.playing = undefined;
    try {
      await this.control.hangUp();
    } catch (err) {
      this.deps.log.warn({ err, callId: s.id }, 'phone: hanging up failed (the call may be over already)');
    }
    await keepWhatWasSaid(this.deps, s, reason === 'callFailed' ? 'callFailed' : 'callerHungUp');
  }

  private remember(from: 'tenant' | 'bot', text: string): void {
    this.session.transcript.push({ at: this.deps.now().toISOString(), from, text });
    if (this.session.transcript.length > 60) this.session.transcript.splice(0, this.session.transcript.length - 60);
  }
}
