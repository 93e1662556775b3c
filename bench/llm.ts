/**
 * Language-model benchmark: prints numbers, asserts nothing. `node bench/llm.ts`
 *
 * A loopback OpenAI-compatible server (node:http on 127.0.0.1) answers chat completions after 2 s, or
 * never. Messages go through what the conversation runs per message: `triage` → `triageWithModel` with the
 * model enabled, `onEmergency` deciding the route and building the first reply's text.
 *  1. emergency: time from the tenant's message to the first emergency reply (model answering after 2 s);
 *  2. ordinary question the rules are unsure of, model hanging: time to the fallback decision;
 *  3. the same with the model answering after 2 s; and an ordinary Swedish question that needs no model.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { getI18n, translator } from '../src/i18n.ts';
import { createLanguageModel, triageWithModel } from '../src/llm/index.ts';
import { decideRoute, loadPolicy, triage } from '../src/routing/index.ts';
import type { Triage } from '../src/routing/types.ts';

const MODEL_DELAY_MS = Number(process.env.BENCH_MODEL_DELAY_MS ?? 2_000);
const N = Number(process.env.BENCH_MESSAGES ?? 20);
const EMERGENCIES = [
  'Det brinner i trapphuset!!',
  'DET LUKTAR ROK I KALLAREN',
  'Someone has a knife in the stairwell',
  'الشقة المجاورة تحترق',
  'Komşu daire yanıyor',
];
const UNSURE = 'Hallo, ich habe eine Frage zur Wohnung';
const ORDINARY_SV = 'När öppnar kontoret?';

// ---- the loopback model server -------------------------------------------------------------------------
let mode: 'slow' | 'hang' = 'slow';
let requests = 0;
const answer = {
  // The adversarial answer: "information", fully confident, whatever the message says.
  category: 'information',
  danger: null,
  language: 'sv',
  languageCode: 'sv',
  confidence: 1,
  domestic: false,
  lockedOut: false,
  details: { address: null, stairwell: null, apartment: null, callback: null },
};
const server = createServer((req: IncomingMessage, res: ServerResponse) => {
  requests++;
  req.resume();
  if (mode === 'hang') return; // never answers; the client must give up on its own
  setTimeout(() => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        id: 'bench',
        object: 'chat.completion',
        created: 0,
        model: 'bench',
        choices: [
          {
            index: 0,
            finish_reason: 'stop',
            message: { role: 'assistant', content: JSON.stringify(answer), refusal: null },
          },
        ],
      }),
    );
  }, MODEL_DELAY_MS);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address() as AddressInfo;

// ---- the conversation's per-message path ---------------------------------------------------------------
const policy = loadPolicy();
const model = createLanguageModel(
  { OPENAI_API_KEY: 'bench', OPENAI_BASE_URL: `http://127.0.0.1:${port}/v1`, OPENAI_MODEL: 'bench' },
  { limits: { perConversation: 1_000, perHour: 1_000_000 } },
);

interface Timing {
  firstReply?: number;
  decided: number;
  route: string;
  model: string;
}

/** One tenant message, timed from arrival: first emergency reply (if any) and the final decision. */
async function message(text: string, id: string): Promise<Timing> {
  const t0 = performance.now();
  let firstReply: number | undefined;
  const onEmergency = (t: Triage) => {
    const d = decideRoute(t, policy, new Date());
    const reply = translator(d.language, 'bot')('emergency.first');
    if (!reply) throw new Error('no reply text');
    firstReply = performance.now() - t0;
  };
  const rules = triage(text);
  const result = await triageWithModel(text, { rules, model, conversationId: id, onEmergency });
  const route = decideRoute(result.triage, policy, new Date()).route;
  return {
    ...(firstReply !== undefined ? { firstReply } : {}),
    decided: performance.now() - t0,
    route,
    model: result.model,
  };
}

const ms = (x: number) => `${x < 10 ? x.toFixed(2) : x.toFixed(0)} ms`;
function stats(xs: number[]): string {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return `p50 ${ms(q(0.5))}, p95 ${ms(q(0.95))}, max ${ms(s.at(-1)!)} (n=${s.length})`;
}

// 0. One-time start-up work that has nothing to do with the model: the lexicons compile and the locales load
// on first use. A server does it once at start (triage('') and getI18n() in the composition root).
const w0 = performance.now();
triage('');
const w1 = performance.now();
getI18n();
const w2 = performance.now();

// 1. Emergencies: the first one after start-up, then N overlapping ones.
mode = 'slow';
const cold = await message(EMERGENCIES[0]!, 'cold');
const runs = await Promise.all(
  Array.from(
    { length: N },
    (_, i) =>
      new Promise<Timing>((resolve) =>
        setTimeout(() => resolve(message(EMERGENCIES[i % EMERGENCIES.length]!, `e${i}`)), i * 25),
      ),
  ),
);
const firsts = runs.map((r) => r.firstReply ?? Number.NaN);
console.log(`model server answers after ${MODEL_DELAY_MS} ms (127.0.0.1:${port})`);
console.log(`start-up warm-up (no model):     lexicons ${ms(w1 - w0)}, locales ${ms(w2 - w1)}`);
console.log(`emergency → first reply, first:  ${ms(cold.firstReply ?? Number.NaN)}`);
console.log(`emergency → first reply, warm:   ${stats(firsts)}`);
console.log(
  `emergency → model merged:        ${stats(runs.map((r) => r.decided))}; routes ${[...new Set(runs.map((r) => r.route))].join(',')}; model ${[...new Set(runs.map((r) => r.model))].join(',')}`,
);

// 2. An ordinary question the rules are unsure of, with the model hanging.
mode = 'hang';
const hung = await Promise.all(Array.from({ length: 5 }, (_, i) => message(UNSURE, `h${i}`)));
console.log(
  `unsure question, model hanging:  ${stats(hung.map((r) => r.decided))}; route ${hung[0]!.route}; model ${hung[0]!.model}`,
);

// 3. The same question with the model answering after 2 s, and a Swedish question that needs no model.
mode = 'slow';
const slow = await Promise.all(Array.from({ length: 5 }, (_, i) => message(UNSURE, `s${i}`)));
console.log(
  `unsure question, model at ${MODEL_DELAY_MS} ms: ${stats(slow.map((r) => r.decided))}; route ${slow[0]!.route}; model ${slow[0]!.model}`,
);
const before = requests;
const plain = await Promise.all(Array.from({ length: 5 }, (_, i) => message(ORDINARY_SV, `p${i}`)));
console.log(
  `clear Swedish question:          ${stats(plain.map((r) => r.decided))}; route ${plain[0]!.route}; model calls ${requests - before}`,
);

server.closeAllConnections();
server.close();
