/**
 * `npm run fuzz`: FUZZ_RUNS cases (default 100,000) of every reader, each reader's count and the number of errors that
 * escaped it or answers that broke a property. FUZZ_SEED fixes the seed; FUZZ_ONLY runs the targets whose name contains it.
 * Exits 1 when any case failed.
 */
import { runTarget, TARGETS } from './targets';

const runs = Number(process.env.FUZZ_RUNS) || 100_000;
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const only = process.env.FUZZ_ONLY?.toLowerCase();

let failed = 0;
let total = 0;
for (const target of TARGETS) {
  if (only && !target.name.toLowerCase().includes(only)) continue;
  const started = Date.now();
  const tally = runTarget(target, runs, seed);
  total += tally.cases;
  failed += tally.escaped + tally.broken;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`${tally.name}: ${tally.cases} cases, ${tally.escaped} escaped errors, ${tally.broken} broken properties (${seconds} s)`);
  for (const example of tally.examples) console.log(`  ${example}`);
}
console.log(`total: ${total} cases, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
