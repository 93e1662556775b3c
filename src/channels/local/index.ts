/**
 * Local mode's stand-in for Azure Bot Service: a Direct Line 3.0-compatible endpoint with the Bot Connector
 * routes the bot replies on, and a chat page running Microsoft Web Chat against it. Mount both only when the
 * bot runs without credentials (never in production).
 */
export { mountDirectLine, type DirectLineOptions } from './direct-line.ts';
export { mountLocalPages, type LocalPagesOptions } from './pages.ts';
export {
  ConversationStore,
  DEFAULT_LIMITS,
  PREVIEW_CHANNELS,
  type ConversationLimits,
  type PreviewChannel,
  type ActivityJson,
} from './conversations.ts';
export type { ShimLogger } from './http.ts';
