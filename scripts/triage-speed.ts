/**
 * Quick speed check of the triage engine (prints numbers, asserts nothing; timing is not a test):
 *   node scripts/triage-speed.ts
 * Compiles the lexicons, then classifies 10,000 messages twice, straight after start-up as the CLI does (so
 * the numbers include the JIT warming up): realistic repeated vocabulary, then every message with made-up
 * words (the per-token cache never helps and every unknown word goes through the typo lookup).
 */
import { performance } from 'node:perf_hooks';
import { triage } from '../src/routing/triage/index.ts';

const SAMPLES = [
  'Det brinner i trapphuset!!',
  'DET LUKTAR ROK I KALLAREN',
  'grannen spelar hög musik och jag kan inte sova',
  'Vattnet sprutar från röret under diskbänken',
  'Elementen är kalla och det är 15 grader inne',
  'Kranen i badrummet droppar',
  'Jag känner mig ensam, finns det någon att prata med?',
  'Min cykel har blivit stulen från cykelrummet',
  'När öppnar kontoret?',
  'det brinner inte men det luktar rök',
  'Someone is playing very loud music next door',
  'There is water everywhere, a pipe burst',
  'I want to end my life',
  'The smoke alarm needs a new battery',
  'There was a fire drill last week',
  'الشقة المجاورة تحترق',
  'Komşu daire yanıyor',
  'Ktoś ma nóż na klatce schodowej',
  'همسایه صدای موسیقی بلند دارد',
  'hej',
];
const N = 10_000;

function run(label: string, make: (i: number) => string): void {
  const texts = Array.from({ length: N }, (_, i) => make(i));
  let acute = 0;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  for (const text of texts) if (triage(text).category === 'acute_danger') acute++;
  const cpu = process.cpuUsage(cpu0);
  const ms = performance.now() - t0;
  const cpuMs = (cpu.user + cpu.system) / 1000;
  // CPU time is the fairer number on a busy machine; wall time is what a user waits.
  console.log(
    `${label}: ${N} messages, ${((cpuMs * 1000) / N).toFixed(1)} µs/message CPU, ` +
      `${((ms * 1000) / N).toFixed(1)} µs/message wall (${acute} acute)`,
  );
}

const t0 = performance.now();
triage('warm-up: compiles the lexicons');
console.log(`first call (compile): ${(performance.now() - t0).toFixed(1)} ms`);
run('repeated vocabulary', (i) => SAMPLES[i % SAMPLES.length]!);
run('unique words       ', (i) => `${SAMPLES[i % SAMPLES.length]} ord${i}x kvarter${i} lägenhetsnummer${i * 7}`);
