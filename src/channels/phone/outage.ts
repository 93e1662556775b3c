/**
 * The phone line while the store is away (the database went down): a call's session cannot be read, so the
 * line cannot go on with the call. A callback whose secret the line can check without the store
 * (`CallSessions.vouches`) gets the one thing that helps a caller then: "Trygg has a technical fault; in acute
 * danger hang up and call 112; disturbances: the jour's number; urgent faults: the property on-call's", in
 * Swedish, English and Arabic, after which the line hangs up. A new call during the outage is answered for the
 * same message (`answerWithoutSession` in line.ts).
 */
import type { CallAutomationClient } from '@azure/communication-call-automation';
import type { Logger } from '../../log.ts';
import type { Policy } from '../../routing/policy.ts';
import { AcsCallControl } from './acs.ts';
import { joinPrompts, phoneText, type Voices } from './speech.ts';
import type { CallSession, Prompt } from './types.ts';

/** The operation context of the outage message, so its PlayCompleted hangs up. */
export const OUTAGE_CONTEXT = 'outage';

/** The message, in the complete languages (the caller's own is in the session, which is what is missing). */
export function outagePrompt(policy: Policy, voices: Voices = {}): Prompt {
  const values = { jour: policy.destinations.trygghetsjour.phone, property: policy.destinations.fastighetsjour.phone };
  return joinPrompts((['sv', 'en', 'ar'] as const).map((lang) => phoneText(lang, 'outage', values, voices)));
}

/** What the outage answer needs from the line. */
export interface OutageDeps {
  client: CallAutomationClient;
  policy: Policy;
  voices: Voices;
  log: Logger;
}

/**
 * Handles a call's events without its session: says the outage message when the line would have spoken
 * (the call connected, the caller said or pressed something, or nothing), and hangs up once it was said.
 */
export async function callDuringOutage(
  deps: OutageDeps,
  callId: string,
  events: Record<string, unknown>[],
): Promise<void> {
  for (const event of events) {
    const data = (typeof event.data === 'object' && event.data !== null ? event.data : {}) as Record<string, unknown>;
    const callConnectionId = typeof data.callConnectionId === 'string' ? data.callConnectionId : undefined;
    if (!callConnectionId) continue;
    // Enough of a session for the requests that need no caller (play, hang up).
    const control = new AcsCallControl(deps.client, { id: callId, callConnectionId } as CallSession, deps.voices);
    const type = String(event.type ?? '');
    try {
      if (type.endsWith('.PlayCompleted') || type.endsWith('.PlayFailed')) {
        if (data.operationContext === OUTAGE_CONTEXT) await control.hangUp();
      } else if (/\.(CallConnected|RecognizeCompleted|RecognizeFailed)$/.test(type)) {
        await control.say(outagePrompt(deps.policy, deps.voices), OUTAGE_CONTEXT);
        deps.log.error(
          { code: 'STORE_UNAVAILABLE', callId },
          'phone: the store is away; the caller was told to call 112 or the numbers on duty',
        );
      }
    } catch (err) {
      deps.log.error({ err, callId, type }, 'phone: a request to ACS failed during the outage');
    }
  }
}
