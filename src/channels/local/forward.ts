/**
 * Delivers an activity to the bot the way the Bot Connector does: an HTTP POST of the activity JSON to the
 * messaging endpoint. Local mode has no app id, so the request carries no Authorization header, which the
 * bot's CloudAdapter accepts only when it runs without credentials too.
 */
import { HttpError } from '../../errors.ts';
import type { ActivityJson } from './conversations.ts';

/** Every channel gives the bot about 15 seconds to answer a request. */
export const BOT_TIMEOUT_MS = 15_000;

/** Posts the activity to the bot; throws a 502 or 504 HttpError when the bot fails, as Direct Line does. */
export async function forwardToBot(
  botEndpoint: string,
  activity: ActivityJson,
  timeoutMs = BOT_TIMEOUT_MS,
): Promise<void> {
  let response: Response;
  try {
    response = await fetch(botEndpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(activity),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    throw timedOut
      ? new HttpError('BotTimeout', `the bot at ${botEndpoint} did not answer within ${timeoutMs} ms`, {
          cause: error,
        })
      : new HttpError('BotUnreachable', `cannot reach the bot at ${botEndpoint}; is it running?`, {
          cause: error,
        });
  }
  // The body (an invoke response at most) means nothing to a polling client; read it to free the socket.
  await response.arrayBuffer().catch(() => undefined);
  if (!response.ok) {
    throw new HttpError('BotError', `the bot at ${botEndpoint} answered HTTP ${response.status}; see the bot's log`);
  }
}
