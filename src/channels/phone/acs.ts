/**
 * Azure Communication Services Call Automation: the client (HMAC-signed REST with the connection string's
 * key), the `CallControl` for one answered call, and how its callback events drive the call.
 * REST paths used (api-version set by the SDK): `POST /calling/callConnections:answer`,
 * `POST /calling/callConnections/{id}:recognize`, `…:play`, `…:transferToParticipant`, `…:terminate`.
 */
import { CallAutomationClient, type CallAutomationClientOptions } from '@azure/communication-call-automation';
import { createIdentifierFromRawId, type CommunicationIdentifier } from '@azure/communication-common';
import type { Logger } from '../../log.ts';
import type { PhoneCall } from './call.ts';
import { localeOf, type Voices } from './speech.ts';
import type { CallControl, CallSession, Prompt } from './types.ts';

/** Retries for the REST calls: a couple of quick ones, since a caller is waiting on the line. */
export const DEFAULT_ACS_CLIENT_OPTIONS: CallAutomationClientOptions = {
  retryOptions: { maxRetries: 2, retryDelayInMs: 200, maxRetryDelayInMs: 1_000 },
};

/**
 * How long one REST call to ACS may take, retries included. The SDK sets no timeout, so a hanging ACS would
 * hold the caller in silence, and Event Grid's delivery (which waits about 30 s) forever.
 */
export const ACS_REQUEST_TIMEOUT_MS = 5_000;

type PipelinePolicy = NonNullable<CallAutomationClientOptions['additionalPolicies']>[number]['policy'];

/** Gives every request the deadline, as an abort signal (alongside any the caller gave). */
function timeoutPolicy(ms: number): PipelinePolicy {
  return {
    name: 'tryggAcsTimeout',
    sendRequest: (request, next) => {
      const deadline = AbortSignal.timeout(ms);
      request.abortSignal = request.abortSignal
        ? AbortSignal.any([request.abortSignal as AbortSignal, deadline])
        : deadline;
      return next(request);
    },
  };
}

/** Seconds of silence before a `RecognizeFailed` (8510) and a reprompt. */
export const INITIAL_SILENCE_SECONDS = 8;
/** Seconds of silence that end an utterance. */
export const END_SILENCE_SECONDS = 1.5;

export function createAcsClient(
  connectionString: string,
  options: CallAutomationClientOptions = {},
  timeoutMs = ACS_REQUEST_TIMEOUT_MS,
): CallAutomationClient {
  return new CallAutomationClient(connectionString, {
    ...DEFAULT_ACS_CLIENT_OPTIONS,
    ...options,
    additionalPolicies: [
      ...(options.additionalPolicies ?? []),
      { policy: timeoutPolicy(timeoutMs), position: 'perCall' },
    ],
  });
}

/** The call's requests to ACS. Needs the call connection id, which the answer (or the first event) gives. */
export class AcsCallControl implements CallControl {
  private readonly client: CallAutomationClient;
  private readonly session: CallSession;
  private readonly caller: CommunicationIdentifier;
  private readonly voices: Voices;

  /** The session names the call connection (once answered) and the caller (`callerRawId`) to listen to. */
  constructor(client: CallAutomationClient, session: CallSession, voices: Voices) {
    this.client = client;
    this.session = session;
    this.caller = createIdentifierFromRawId(session.callerRawId ?? '');
    this.voices = voices;
  }

  private connection() {
    const id = this.session.callConnectionId;
    if (!id) throw new Error('the call has no call connection id yet');
    return this.client.getCallConnection(id);
  }

  async listen(prompt: Prompt, context: string): Promise<void> {
    await this.connection()
      .getCallMedia()
      .startRecognizing(this.caller, {
        kind: 'callMediaRecognizeSpeechOrDtmfOptions',
        playPrompts: [{ kind: 'ssmlSource', ssmlText: prompt.ssml }],
        // Barge-in: speech or a key stops the prompt.
        interruptPrompt: true,
        initialSilenceTimeoutInSeconds: INITIAL_SILENCE_SECONDS,
        endSilenceTimeoutInSeconds: END_SILENCE_SECONDS,
        maxTonesToCollect: 1,
        speechLanguage: localeOf(prompt.lang, this.voices),
        operationContext: context,
      });
  }

  async say(prompt: Prompt, context: string): Promise<void> {
    await this.connection()
      .getCallMedia()
      .playToAll([{ kind: 'ssmlSource', ssmlText: prompt.ssml }], {
        operationContext: context,
        interruptCallMediaOperation: true,
      });
  }

  async transfer(phone: string, context: string): Promise<void> {
    await this.connection().transferCallToParticipant({ phoneNumber: phone }, { operationContext: context });
  }

  async hangUp(): Promise<void> {
    await this.connection().hangUp(true);
  }
}

/** The caller's identifier in an `IncomingCall` event (`from`), and their number in E.164 form when given. */
export function incomingCaller(data: Record<string, unknown>): { rawId: string; phone: string } | undefined {
  const from = data.from as { rawId?: string; phoneNumber?: { value?: string } } | undefined;
  const rawId = from?.rawId ?? (from?.phoneNumber?.value ? `4:${from.phoneNumber.value}` : undefined);
  if (!rawId) return undefined;
  const phone = from?.phoneNumber?.value ?? (rawId.startsWith('4:') ? rawId.slice(2) : '');
  return { rawId, phone };
}

const TONES: Record<string, string> = {
  zero: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  asterisk: '*',
  pound: '#',
};

/** Recognize sub-codes that mean nothing was said or pressed in time (initial silence, inter-digit). */
const SILENCE_SUBCODES = new Set([8510, 8532]);

/** One Call Automation callback event, applied to the call. Unknown event types are ignored. */
export async function applyAcsEvent(
  call: PhoneCall,
  type: string,
  data: Record<string, unknown>,
  log: Logger,
): Promise<void> {
  const context = typeof data.operationContext === 'string' ? data.operationContext : undefined;
  switch (type) {
    case 'Microsoft.Communication.CallConnected':
      return call.start();
    case 'Microsoft.Communication.RecognizeCompleted': {
      const kind = data.recognitionType;
      if (kind === 'dtmf') {
        const tones = ((data.dtmfResult as { tones?: string[] } | undefined)?.tones ?? [])
          .map((t) => TONES[t] ?? '')
          .join('');
        return call.input('dtmf', tones);
      }
      if (kind === 'choices')
        return call.input('speech', String((data.choiceResult as { label?: string } | undefined)?.label ?? ''));
      return call.input('speech', String((data.speechResult as { speech?: string } | undefined)?.speech ?? ''));
    }
    case 'Microsoft.Communication.RecognizeFailed': {
      const subCode = (data.resultInformation as { subCode?: number } | undefined)?.subCode;
      return call.noAnswer(subCode !== undefined && SILENCE_SUBCODES.has(subCode) ? 'silence' : 'unclear');
    }
    case 'Microsoft.Communication.PlayCompleted':
    case 'Microsoft.Communication.PlayFailed':
      if (type === 'Microsoft.Communication.PlayFailed')
        log.warn({ callId: call.session.id, result: data.resultInformation }, 'phone: a play failed');
      return call.playDone(context);
    case 'Microsoft.Communication.CallTransferAccepted':
      return call.transferAccepted();
    case 'Microsoft.Communication.CallTransferFailed':
      log.warn({ callId: call.session.id, result: data.resultInformation }, 'phone: the transfer failed');
      return call.transferFailed();
    case 'Microsoft.Communication.CallDisconnected':
    case 'Microsoft.Communication.AnswerFailed':
      return call.disconnected();
    default:
      return;
  }
}
