/**
 * The phone line: ACS Call Automation with a Swedish number, reusing the bot's dialogs (one conversation
 * brain, rendered as speech), and a local simulator of it at `/phone`.
 */
export { mountPhone, INCOMING_PATH, CALLBACK_PATH, type PhoneLine } from './line.ts';
export { mountPhoneSimulator, SIMULATOR_CALLER, type SimulatorAction } from './simulator.ts';
export { VoiceAdapter, TELEPHONY_CHANNEL, type VoiceTurn, type VoiceInput } from './voice-adapter.ts';
export { PhoneCall, MAX_SILENCES, dialable } from './call.ts';
export { CallSessions } from './sessions.ts';
export { parseVoices, type Voices } from './speech.ts';
export type { PhoneDeps, PhoneVoice, CallControl, Prompt, CallSession } from './types.ts';
