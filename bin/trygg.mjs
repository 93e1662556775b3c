#!/usr/bin/env node
// The `trygg` command. The project runs on Node 24 (TypeScript through Node's type stripping); npm puts
// the `node@24` devDependency first on PATH for `npx trygg`. Started by an older Node, re-run on that one.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  const node24 = fileURLToPath(new URL('../node_modules/node/bin/node', import.meta.url));
  if (!existsSync(node24)) {
    console.error(
      `trygg needs Node.js 24 or later (this is ${process.version}); run \`npm install\` in the project first.`,
    );
    process.exit(2);
  }
  const r = spawnSync(node24, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
