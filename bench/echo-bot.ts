/**
 * The baseline of `bench/bot.ts`: a plain botbuilder echo bot on the same libraries as Trygg (restify 12 with
 * bodyParser, CloudAdapter, ConfigurationBotFrameworkAuthentication with no app id, so no auth), replying once
 * per message to the activity's serviceUrl. No state, no store, no logging.
 *
 * Run by the benchmark as a child process; alone: `node bench/echo-bot.ts` (PORT, default any free port).
 * ECHO_REPLIES=n sends n replies per message (to price one more connector call per turn).
 */
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import restify from 'restify';
import { serveInChild } from './lib/child.ts';

await serveInChild(async () => {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const bot = new ActivityHandler();
  // ECHO_REPLIES (default 1): replies per message, to price one more connector call per turn.
  const replies = Math.max(1, Number(process.env.ECHO_REPLIES ?? 1) || 1);
  bot.onMessage(async (context, next) => {
    for (let i = 0; i < replies; i++) await context.sendActivity(`Echo: ${context.activity.text ?? ''}`);
    await next();
  });

  const server = restify.createServer({ name: 'echo' });
  server.use(restify.plugins.bodyParser());
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });

  const port = Number(process.env.PORT ?? 0);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
});
