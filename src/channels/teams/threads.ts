/** Teams conversation references and ids: a channel, a thread in it, and a thread's root message. */
import type { ConversationReference } from 'botbuilder';

/** An error that is worth retrying although it has no HTTP status (the card is not posted yet, say). */
export class NotYet extends Error {
  readonly retryable = true;
}

/** Parses the root message id out of a Teams thread conversation id (`…;messageid=123`). */
export function rootMessageId(conversationId: string): string | undefined {
  return /;messageid=(\d+)/.exec(conversationId)?.[1];
}

/** A thread in a channel: a message sent here is a reply in the thread. */
export function threadReference(threadId: string, serviceUrl: string): Partial<ConversationReference> {
  return {
    channelId: 'msteams',
    serviceUrl,
    conversation: { id: threadId, isGroup: true, conversationType: 'channel', name: '' },
  };
}

/** A channel itself: a message sent here starts a new thread. */
export const channelReference = threadReference;
