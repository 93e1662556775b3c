/**
 * The conversation: one turn in, replies out. Danger is checked first on every message, whatever the
 * conversation was doing; then commands (a human, help, a language); then the dialog in progress; then a
 * new decision from the routing core and the route's dialog.
 */
import type { ConversationState, StatePropertyAccessor, TurnContext } from 'botbuilder';
import { DialogSet, DialogTurnStatus, type DialogContext, type DialogState } from 'botbuilder-dialogs';
import { decideRoute, type Decision } from '../src/routing/decide.ts';
import { triageWithModel } from '../src/llm/flow.ts';
import { withOverrides, type Override, type Policy } from '../src/routing/policy.ts';
import { triage } from '../src/routing/triage/index.ts';
import type { Triage } from '../src/routing/types.ts';
import { locksFor, saveChecked, snapshotState, type StateObject } from '../src/store/locks.ts';
import { Turn, type ConversationDeps, type Profile } from './context.ts';
import { answerFailedTurn, type SentSoFar } from './degraded.ts';
import { answerEmergency } from './emergency.ts';
import { replyOf } from './reply.ts';
import { choicePrompt, freeTextPrompt } from './prompts.ts';
import { answerInformation } from './information.ts';
import { hearBackDialog } from './hear-back.ts';
import {
  DANGER_CONFIRMED,
  NEW_CONTACT,
  TURN,
  confirmDangerDialog,
  handoffDialog,
  officeDialog,
  reachHuman,
  sayCall112,
  supportDialog,
  unknownDangerDialog,
} from './routes.ts';
import { command, type Command } from './words.ts';
import {
  acceptOffer,
  answerWithIncident,
  incidentOfContact,
  offerUpdates,
  putFirst,
  stopUpdates,
  tellIncident,
} from './incidents.ts';
import { emptyTriage, languageFor, localeLanguage } from './language.ts';
import { mergeTurnStates } from './state-merge.ts';

const DIALOG_CONFIG_KEY = 'DialogStateManagerConfiguration';

/** The most of a message Trygg reads. */
export const MAX_TEXT = 2000;

/** How long after a handoff the tenant's further messages go into that case rather than start anew. */
const CASE_FOLLOW_UP_MS = 12 * 3_600_000;

export class TryggConversation {
  private readonly dialogs: DialogSet;
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly profileState: StatePropertyAccessor<Profile>;
  private readonly state: ConversationState;
  private dialogConfig: unknown;
  private readonly deps: ConversationDeps;
  /** The last shifts read and the policy made with them. */
  private withShifts?: { shifts: readonly unknown[]; policy: Policy };

  constructor(state: ConversationState, deps: ConversationDeps) {
    this.state = state;
    this.deps = deps;
    this.dialogState = state.createProperty<DialogState>('dialogState');
    this.profileState = state.createProperty<Profile>('profile');
    this.dialogs = new DialogSet(this.dialogState)
      .add(choicePrompt())
      .add(freeTextPrompt())
      .add(handoffDialog())
      .add(officeDialog())
      .add(supportDialog())
      .add(confirmDangerDialog())
      .add(unknownDangerDialog())
      .add(hearBackDialog());
  }

  /** A new conversation on a channel that announces one (web chat): the greeting. */
  async onConversationStart(ctx: TurnContext): Promise<void> {
    let started = false;
    const greet = async () => {
      started = true;
      await this.state.load(ctx, true);
      const profile = await this.profileState.get(ctx, {});
      if (profile.greeted) return;
      const turn = new Turn(ctx, this.deps, profile, localeLanguage(ctx.activity.locale) ?? 'sv', this.deps.policy);
      await this.greet(turn);
      await this.state.saveChanges(ctx);
    };
    // Under the conversation's lock too, so a first message on another instance is not overwritten.
    try {
      await locksFor(this.deps.store).withLock(`trygg.turn:${this.state.getStorageKey(ctx) as string}`, greet);
    } catch (error) {
      if (started) throw error;
      await greet();
    }
  }

  /**
   * A message from the tenant. Two turns of one conversation never interleave: the turn runs under the
   * conversation's lock (`store.locks`: across instances on PostgreSQL; in-process on the embedded store).
   * A message is answered once: channels redeliver one whose answer was slow, so a message already handled
   * is skipped. It counts as handled only once its turn has finished and its state is saved: a turn that
   * failed, or an instance that died mid-turn, leaves it to be handled again when the channel redelivers it
   * (a second 112 is better than none).
   * Should the lock not come in time (a turn stuck elsewhere, a database hiccup) the turn runs anyway, since
   * a tenant in danger must get an answer. Either way the state is saved with the eTag it was read with;
   * when another writer got there first, nothing is run again (replies, audit entries and cases of both
   * turns stand, once each) and the two states are merged (`mergeTurnStates`, docs/multi-instance.md,
   * "State conflicts").
   */
  async onMessage(ctx: TurnContext): Promise<void> {
    // `channelId/conversations/<id>/`: throws when the activity names no channel or conversation.
    const key = this.state.getStorageKey(ctx) as string;
    const conversationId = ctx.activity.conversation.id;
    const activityId = ctx.activity.id;
    const { activities } = this.deps.store;
    let started = false;
    const turn = async () => {
      started = true;
      // Checked under the lock: a redelivery that came while the first delivery ran sees it handled.
      if (activityId && (await activities.seen(conversationId, activityId))) {
        this.deps.log?.info({ channelId: ctx.activity.channelId }, 'redelivered activity ignored');
        return;
      }
      // Read inside the lock, and keep what was read: the base of a merge should the save conflict.
      const base = snapshotState(await this.state.load(ctx, true));
      try {
        await this.handle(ctx);
      } finally {
        await saveChecked(this.deps.store.state, key, base, this.state.get(ctx) as StateObject, mergeTurnStates);
      }
      // Reached only when the turn and the save went through.
      if (activityId) await activities.markProcessed(conversationId, activityId);
    };
    // What the turn sends, so that a turn the store fails can still be answered, and 112 only once.
    const sent: SentSoFar = { emergency: false };
    ctx.onSendActivities(async (_ctx, out, next) => {
      if (out.some((a) => replyOf(a)?.emergency)) sent.emergency = true;
      return next();
    });
    try {
      try {
        await locksFor(this.deps.store).withLock(`trygg.turn:${key}`, turn);
      } catch (error) {
        if (started) throw error;
        await turn();
      }
    } catch (error) {
      await this.answerFailedTurn(ctx, error, sent);
    }
  }

  /** A turn failed: see `answerFailedTurn` (the message read by the rules alone, without the state). */
  private async answerFailedTurn(ctx: TurnContext, error: unknown, sent: SentSoFar): Promise<void> {
    const text = (ctx.activity.text ?? '').trim().slice(0, MAX_TEXT);
    const t = text ? triage(text) : undefined;
    const cmd = command(text);
    const lang = languageFor(text, t, {}, ctx.activity.locale, cmd?.lang);
    const acute = t?.category === 'acute_danger' || cmd?.kind === 'acute';
    await answerFailedTurn(ctx, this.deps, error, sent, { lang, triage: t, acute });
  }

  private async handle(ctx: TurnContext): Promise<void> {
    // Longer messages are cut: nobody writes more in an emergency, and it bounds the work per turn.
    const text = (ctx.activity.text ?? '').trim().slice(0, MAX_TEXT);
    const profile = await this.profileState.get(ctx, {});
    const policy = await this.currentPolicy();
    const cmd = command(text);
    if (cmd?.kind === 'language') {
      profile.language = cmd.lang;
      profile.languageLocked = true;
    }
    const t = text ? triage(text, profile.language ? { language: profile.language } : undefined) : undefined;
    const lang = languageFor(text, t, profile, ctx.activity.locale, cmd?.lang);
    profile.language = lang;
    const turn = new Turn(ctx, this.deps, profile, lang, policy);
    ctx.turnState.set(TURN, turn);
    if (text) turn.remember('tenant', text);
    // botbuilder-dialogs builds its memory-scope configuration on every turn unless given one (as its own
    // DialogManager does): reuse the first turn's.
    if (this.dialogConfig) ctx.turnState.set(DIALOG_CONFIG_KEY, this.dialogConfig);
    const dc = await this.dialogs.createContext(ctx);
    this.dialogConfig ??= ctx.turnState.get(DIALOG_CONFIG_KEY);
    await this.respond(turn, dc, text, t, cmd);
    // An offer of incident updates waits until no question is open.
    await offerUpdates(turn, dc.activeDialog !== undefined);
  }

  private async respond(
    turn: Turn,
    dc: DialogContext,
    text: string,
    t: Triage | undefined,
    cmd: Command | undefined,
  ): Promise<void> {
    const { ctx, profile, policy, lang } = turn;
    // 1. Danger first: any sign of acute danger, or "akut", interrupts whatever was going on. An incident at
    //    the place named is looked up only after 112 has been said.
    const incident = () => incidentOfContact(turn, text, t);
    if (t?.category === 'acute_danger' || cmd?.kind === 'acute') {
      const acute: Triage =
        t?.category === 'acute_danger'
          ? t
          : { ...(t ?? emptyTriage(lang)), category: 'acute_danger', uncertain: true, language: lang };
      await answerEmergency(turn, decideRoute(acute, policy, this.deps.now()), incident);
      await dc.cancelAllDialogs();
      if (acute.uncertain) await dc.beginDialog('confirmDanger');
      return;
    }
    // STOPP / STOP ends incident updates at once, whatever was going on.
    if (await stopUpdates(turn, text)) return;
    if (cmd?.kind === 'language') {
      await turn.say(turn.t('language.switched'));
      if (dc.activeDialog) await dc.repromptDialog();
      else await this.sayHelp(turn);
      return;
    }
    if (!text) {
      await turn.say(turn.t('unknown.noText'), { options: this.menu(turn), keywords: true });
      return;
    }
    if (cmd?.kind === 'help') {
      await this.sayHelp(turn);
      if (dc.activeDialog) await dc.repromptDialog();
      return;
    }
    const decision = decideRoute(t!, policy, this.deps.now());
    if (cmd?.kind === 'human') {
      await dc.cancelAllDialogs();
      await turn.recordDecision({ ...decision, reason: { ...decision.reason, rule: 'human' } });
      await reachHuman(turn, decision, (id, d) => dc.beginDialog(id, { decision: d }));
      return;
    }

    // JA / YES to an offer of incident updates.
    if (!dc.activeDialog && (await acceptOffer(turn, text))) return;

    // 2. A dialog in progress gets the answer.
    if (dc.activeDialog) {
      const result = await dc.continueDialog();
      if (result.result === DANGER_CONFIRMED) {
        // "Is anyone in danger right now?" answered yes: an emergency, confirmed by the tenant.
        const confirmed: Triage = { ...(t ?? emptyTriage(lang)), category: 'acute_danger', uncertain: false };
        await answerEmergency(turn, decideRoute(confirmed, policy, this.deps.now()));
        return;
      }
      // Not an answer to the question asked: the message is a new contact.
      if (result.status !== DialogTurnStatus.empty && result.result !== NEW_CONTACT) return;
    }

    // A message about an open incident's place: what MKB knows, first. About the incident itself: that is
    // the answer (counted on the incident's card, no card of its own); about something else: it goes on.
    const match = await incident();
    if (match?.related) {
      if (!profile.greeted) await this.greet(turn, { short: true });
      await turn.recordDecision(decision);
      await answerWithIncident(turn, match.incident);
      return;
    }
    const notice = match && (await tellIncident(turn, match.incident));
    if (notice) {
      // The greeting says Trygg is automated: it comes before anything else.
      if (!profile.greeted) await this.greet(turn, { short: true });
      await putFirst(turn, notice);
    }

    // 3. Shortly after a handoff, the tenant's messages belong to that case.
    if (profile.openCaseId && (await this.addToOpenCase(turn, profile.openCaseId))) return;

    // 4. A new contact. Where the rules are unsure, the language model may add caution (never remove it):
    //    it can only turn this into danger or a more urgent category, within a deadline, else the rules decide.
    let final = decision;
    if (this.deps.model?.enabled) {
      const r = await triageWithModel(text, {
        rules: t!,
        model: this.deps.model,
        conversationId: ctx.activity.conversation.id,
        // The fair share of the model's budget is per phone number, or per web-chat user.
        sender: turn.channelPhone ?? `${ctx.activity.channelId}|${ctx.activity.from?.id ?? ''}`,
        onEmergency: (tri) => answerEmergency(turn, decideRoute(tri, policy, this.deps.now()), incident),
      });
      if (r.emergency) {
        await dc.cancelAllDialogs();
        if (r.triage.uncertain) await dc.beginDialog('confirmDanger');
        return;
      }
      if (r.model === 'used') final = decideRoute(r.triage, policy, this.deps.now());
    }
    if (!profile.greeted) await this.greet(turn, { short: true });
    await turn.recordDecision(final);
    await this.start(turn, final, (id) => dc.beginDialog(id, { decision: final }));
  }

  private async start(turn: Turn, d: Decision, begin: (id: string) => Promise<unknown>): Promise<void> {
    switch (d.route) {
      case 'trygghetsjour':
      case 'fastighetsjour':
        await begin('handoff');
        return;
      case 'stadsmission':
        await begin('stadsmission');
        return;
      case 'police': {
        const kase = await turn.openCase(d, { route: 'police' });
        const n = turn.policy.numbers.policeNonUrgent;
        await turn.say(turn.t('police.info', { phone: n.phone, web: n.web ?? '', caseId: kase.id }));
        return;
      }
      default:
        if ((d.category === 'information' || d.category === 'unknown') && (await answerInformation(turn, d))) return;
        if (d.category === 'unknown') {
          // Nobody could place it: ask first whether anyone is in danger (112), then the rest.
          await begin('unknownDanger');
          return;
        }
        await begin('office');
    }
  }

  private async addToOpenCase(turn: Turn, caseId: string): Promise<boolean> {
    const kase = await this.deps.store.cases.get(caseId);
    if (
      !kase ||
      kase.status === 'closed' ||
      this.deps.now().getTime() - Date.parse(kase.createdAt) > CASE_FOLLOW_UP_MS
    ) {
      delete turn.profile.openCaseId;
      return false;
    }
    await turn.addToCase(kase);
    await turn.say(turn.t('case.added', { caseId }));
    return true;
  }

  /** The greeting: its own message when the conversation starts; otherwise the first line of the next reply. */
  private async greet(turn: Turn, options: { short?: boolean } = {}): Promise<void> {
    turn.profile.greeted = true;
    const privacyUrl = this.deps.privacyUrl ? `${this.deps.privacyUrl}?lang=${turn.lang}` : turn.t('privacy.url');
    const text = turn.t(options.short ? 'greeting.short' : 'greeting.full', { privacyUrl });
    // On SMS the greeting is its own message: joined to a question it could outgrow three segments.
    if (options.short && turn.channelId !== 'sms') turn.prefix(text);
    else await turn.say(text);
  }

  private async sayHelp(turn: Turn): Promise<void> {
    await turn.say(turn.t('help.menu'), { options: this.menu(turn), keywords: true });
  }

  private menu(turn: Turn) {
    return [
      { value: 'acute', title: turn.t('menu.acute') },
      { value: 'human', title: turn.t('menu.human') },
      { value: 'help', title: turn.t('menu.help') },
    ];
  }

  /**
   * The policy with the extra shifts and closures from a day ago to three weeks ahead. The window moves by
   * the hour, so the store can keep its answer between messages; while the shifts are the same, so is the
   * policy object (and the schedule's cache of duty intervals, which is kept per policy object).
   */
  private async currentPolicy(): Promise<Policy> {
    const hour = Math.floor(this.deps.now().getTime() / 3_600_000) * 3_600_000;
    const shifts = await this.deps.store.shifts.list({
      from: new Date(hour - 25 * 3_600_000),
      to: new Date(hour + 22 * 86_400_000),
    });
    if (this.withShifts?.shifts === shifts) return this.withShifts.policy;
    const overrides: Override[] = shifts.map((s) => ({
      id: s.id,
      route: s.route,
      kind: s.kind,
      from: s.from,
      to: s.to,
      ...(s.note ? { note: s.note } : {}),
    }));
    const policy = withOverrides(this.deps.policy, overrides);
    this.withShifts = { shifts, policy };
    return policy;
  }
}

export { localeLanguage } from './language.ts';
