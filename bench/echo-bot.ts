/**
 * The baseline of `bench/bot.ts`: a plain botbuilder echo bot on the same libraries as Trygg (restify 12 with
 * bodyParser, CloudAdapter, ConfigurationBotFrameworkAuthentication with no app id, so no auth), replying once
 * per message to the activity's serviceUrl. No state, no store, no logging.
 *
 * Run by the benchmark as a child process; alone: `node bench/echo-bot.ts` (PORT, default any free port).
 * ECHO_REPLIES=n sends n replies per message (to price one more connector call per turn).
 *
 * ECHO_DIALOG=1 makes it the least a dialog bot on this stack does (the second baseline, "echo+dialog"):
 * conversation state in botbuilder's `MemoryStorage` and a botbuilder-dialogs waterfall of two turns (a text
 * prompt that echoes, then an echo that ends the dialog), so every message loads the state, runs the dialog
 * stack and saves the state. Still no store on disk, no routing, no texts, no logging.
 */
import {
  ActivityHandler,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
  MemoryStorage,
} from 'botbuilder';
import { DialogSet, DialogTurnStatus, TextPrompt, WaterfallDialog } from 'botbuilder-dialogs';
import restify from 'restify';
import { serveInChild } from './lib/child.ts';

await serveInChild(async () => {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const bot = new ActivityHandler();
  // ECHO_REPLIES (default 1): replies per message, to price one more connector call per turn.
  const replies = Math.max(1, Number(process.env.ECHO_REPLIES ?? 1) || 1);
  const echo = (text: string | undefined) => `Echo: ${text ?? ''}`;
  if (process.env.ECHO_DIALOG) {
    const state = new ConversationState(new MemoryStorage());
    const dialogs = new DialogSet(state.createProperty('dialogState')).add(new TextPrompt('text')).add(
      new WaterfallDialog('echo', [
        async (step) => step.prompt('text', echo(step.context.activity.text)),
        async (step) => {
          await step.context.sendActivity(echo(step.context.activity.text));
          return step.endDialog();
        },
      ]),
    );
    bot.onMessage(async (context, next) => {
      const dc = await dialogs.createContext(context);
      const result = await dc.continueDialog();
      if (result.status === DialogTurnStatus.empty) await dc.beginDialog('echo');
      await state.saveChanges(context);
      await next();
    });
  } else {
    bot.onMessage(async (context, next) => {
      for (let i = 0; i < replies; i++) await context.sendActivity(echo(context.activity.text));
      await next();
    });
  }

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
