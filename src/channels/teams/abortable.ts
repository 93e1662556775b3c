/**
 * An AbortSignal for the Bot Connector calls of one proactive turn. botbuilder sends through the connector
 * client in the turn's state without request options, so a send cannot be aborted; the connector's own
 * operations do take `{ abortSignal }`. This puts a client into the turn whose conversation operations add
 * the signal, so `sendActivity` and `updateActivity` (middleware included) and direct calls can be aborted.
 */
import type { CloudAdapter, ConfigurationBotFrameworkAuthentication, TurnContext } from 'botbuilder';

type ConnectorFactory = ReturnType<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>;
/** botframework-connector's client, as botbuilder hands it out (the package is not a direct dependency). */
export type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;

/** Where each operation takes its request options (the argument index). */
const OPTIONS_AT: Record<string, number> = {
  createConversation: 1,
  sendToConversation: 2,
  replyToActivity: 3,
  updateActivity: 3,
  deleteActivity: 2,
};

/** The turn's connector client, replaced in the turn by one that passes `signal` on every call above. */
export function abortableConnector(turn: TurnContext, signal: AbortSignal): ConnectorClient {
  const key = (turn.adapter as CloudAdapter).ConnectorClientKey;
  const client = turn.turnState.get<ConnectorClient>(key);
  if (!client) throw new Error('the proactive turn has no connector client');
  const conversations = new Proxy(client.conversations, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      const at = typeof prop === 'string' ? OPTIONS_AT[prop] : undefined;
      if (typeof value !== 'function' || at === undefined) return value;
      return (...args: unknown[]) => {
        const call = args.slice(0, at);
        call[at] = { ...(args[at] as object | undefined), abortSignal: signal };
        return (value as (...a: unknown[]) => unknown).apply(target, call);
      };
    },
  });
  const wrapped = Object.create(client, { conversations: { value: conversations } }) as ConnectorClient;
  turn.turnState.set(key, wrapped);
  return wrapped;
}
