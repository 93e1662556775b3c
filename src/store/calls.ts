/** What both stores check about call sessions before writing them. */
import { StoreValidationError } from './errors.ts';
import { toMs } from './time.ts';
import type { CallCaps, CallUpdate, NewCall } from './types.ts';

/** A call id: the line's UUIDs, or anything short and printable. */
export function checkCallId(id: string): string {
  if (typeof id !== 'string' || !/^[\w.:-]{1,100}$/.test(id))
    throw new StoreValidationError('Invalid call id: expected 1 to 100 letters, digits, dots, colons or dashes.');
  return id;
}

/** The session as JSON text (an object). */
function dataJson(data: unknown): string {
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new StoreValidationError('Invalid call data: expected a JSON object.');
  return JSON.stringify(data);
}

/** A new call's fields, checked; times as epoch ms and data as JSON text. */
export function checkNewCall(call: NewCall): {
  id: string;
  secretHash: string;
  caller: string;
  data: string;
  expiresAt: number;
} {
  if (typeof call.secretHash !== 'string' || !/^[0-9a-f]{64}$/.test(call.secretHash))
    throw new StoreValidationError('Invalid call secret hash: expected 64 hex digits (SHA-256).');
  if (typeof call.caller !== 'string' || !/^(\+\d{6,15})?$/.test(call.caller))
    throw new StoreValidationError('Invalid caller: expected an E.164 number or empty.');
  return {
    id: checkCallId(call.id),
    secretHash: call.secretHash,
    caller: call.caller,
    data: dataJson(call.data),
    expiresAt: toMs(call.expiresAt, 'call expiry'),
  };
}

/** An update's fields, checked. */
export function checkCallUpdate(update: CallUpdate): { data: string; expiresAt: number; answered: boolean } {
  return {
    data: dataJson(update.data),
    expiresAt: toMs(update.expiresAt, 'call expiry'),
    answered: update.answered === true,
  };
}

/** The caps, checked. */
export function checkCaps(caps: CallCaps): CallCaps {
  for (const n of [caps.maxRinging, caps.maxAnswered])
    if (!Number.isInteger(n) || n < 0) throw new StoreValidationError('Invalid call caps: expected whole numbers ≥ 0.');
  return caps;
}
