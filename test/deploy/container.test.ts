/**
 * The container image and the compose file (no Docker engine runs here, so they are read, not run): every
 * variable they set is one src/config.ts knows; the image is Node 24, runs as a non-root user under tini,
 * copies only what production needs, and everything that code imports is in it; compose has two instances
 * behind a proxy on a PostgreSQL that must be healthy first.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ENV_VARIABLES, loadConfig } from '../../src/config.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const dockerfile = read('Dockerfile');
/** Instructions, with continued lines joined. */
const instructions = dockerfile
  .replace(/\\\n\s*/g, ' ')
  .split('\n')
  .filter((l) => l.trim() && !l.trim().startsWith('#'));
const finalStage = instructions.slice(instructions.findLastIndex((l) => l.startsWith('FROM ')));

interface Service {
  build?: unknown;
  image?: string;
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  stop_grace_period?: string;
}
const compose = parse(read('compose.yaml')) as {
  services: Record<string, Service>;
  configs: Record<string, { content: string }>;
};
const bots = Object.entries(compose.services).filter(([, s]) => s.build !== undefined);

describe('Dockerfile', () => {
  it('sets only variables src/config.ts knows', () => {
    const set = finalStage
      .filter((l) => l.startsWith('ENV '))
      .flatMap((l) => [...l.slice(4).matchAll(/([A-Za-z_][A-Za-z0-9_]*)=/g)].map((m) => m[1]!));
    expect(set.length).toBeGreaterThan(0);
    expect(set.filter((v) => !ENV_VARIABLES.includes(v))).toEqual([]);
  });

  it('runs Node 24 as a non-root user, under tini, as `node src/index.ts`', () => {
    expect(instructions.filter((l) => l.startsWith('FROM ')).every((l) => /^FROM node:24[-.\w]* /.test(`${l} `))).toBe(
      true,
    );
    const user = finalStage.filter((l) => l.startsWith('USER ')).at(-1);
    expect(user).toBeDefined();
    expect(user).not.toMatch(/USER (root|0)\b/);
    expect(finalStage.find((l) => l.startsWith('ENTRYPOINT'))).toContain('tini');
    expect(finalStage.find((l) => l.startsWith('CMD'))).toBe('CMD ["node", "src/index.ts"]');
  });

  it('copies only what production needs, and installs no devDependencies', () => {
    const copied = finalStage
      .filter((l) => l.startsWith('COPY ') && !l.includes('--from='))
      .map((l) => l.split(/\s+/)[1]!);
    expect(copied.toSorted()).toEqual(['bin', 'config', 'dialogs', 'locales', 'package.json', 'src']);
    for (const c of copied) expect(existsSync(path.join(ROOT, c)), c).toBe(true);
    expect(instructions.some((l) => /npm ci --omit=dev/.test(l))).toBe(true);
  });

  it('holds everything the server and the CLI import: relative imports stay in what is copied, packages are dependencies', () => {
    const pkg = JSON.parse(read('package.json')) as { dependencies: Record<string, string> };
    const files = (dir: string): string[] =>
      readdirSync(path.join(ROOT, dir)).flatMap((f) => {
        const rel = path.join(dir, f);
        return statSync(path.join(ROOT, rel)).isDirectory() ? files(rel) : rel.endsWith('.ts') ? [rel] : [];
      });
    const missing: string[] = [];
    for (const file of [...files('src'), ...files('dialogs')]) {
      for (const m of read(file).matchAll(
        /(?:^|\n)\s*(?:import|export)[^'"\n]*?from\s+'([^']+)'|import\('([^']+)'\)/g,
      )) {
        const spec = m[1] ?? m[2]!;
        if (/^import type|^export type/.test(m[0].trim())) continue;
        if (spec.startsWith('.')) {
          const target = path.relative(ROOT, path.resolve(ROOT, path.dirname(file), spec));
          if (!/^(src|dialogs|locales|config|bin)\//.test(target)) missing.push(`${file}: ${spec}`);
        } else if (!spec.startsWith('node:')) {
          const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
          if (!(name in pkg.dependencies)) missing.push(`${file}: ${name}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('compose.yaml', () => {
  it('runs two instances of the image', () => {
    expect(bots.map(([name]) => name)).toEqual(['trygg-1', 'trygg-2']);
  });

  it('sets only variables src/config.ts knows, and a configuration that loads', () => {
    for (const [name, service] of bots) {
      const keys = Object.keys(service.environment ?? {});
      expect(
        keys.filter((k) => !ENV_VARIABLES.includes(k)),
        name,
      ).toEqual([]);
      // The values compose would give with a filled-in .env: the configuration is valid.
      const filled = Object.fromEntries(
        Object.entries(service.environment!).map(([k, v]) => [
          k,
          String(v).replace(/\$\{(\w+)(?::[?-][^}]*)?\}/g, (_m, name: string) => SAMPLE_ENV[name] ?? ''),
        ]),
      );
      expect(() => loadConfig(filled), name).not.toThrow();
    }
  });

  it('starts the instances once PostgreSQL is healthy (pg_isready on 127.0.0.1), and stops them after their drain', () => {
    const pg = compose.services.postgres!;
    expect(pg.healthcheck?.test.join(' ')).toMatch(/pg_isready -h 127\.0\.0\.1/);
    for (const [name, service] of bots) {
      expect(service.depends_on?.postgres, name).toEqual({ condition: 'service_healthy' });
      const grace = Number(service.environment?.SHUTDOWN_GRACE_SECONDS ?? 20);
      expect(Number.parseInt(service.stop_grace_period ?? '10s', 10), name).toBeGreaterThan(grace);
    }
  });

  it('puts a reverse proxy in front of both instances', () => {
    const caddyfile = compose.configs.caddyfile!.content;
    for (const [name] of bots) expect(caddyfile).toContain(`${name}:3978`);
    expect(compose.services.proxy?.depends_on).toMatchObject({
      'trygg-1': { condition: 'service_healthy' },
      'trygg-2': { condition: 'service_healthy' },
    });
  });
});

/** What a filled-in .env might hold (fake values). */
const SAMPLE_ENV: Record<string, string> = {
  POSTGRES_PASSWORD: 'not-a-real-password',
  MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
  MicrosoftAppTenantId: '00000000-0000-0000-0000-000000000002',
  MicrosoftAppPassword: 'not-a-real-secret',
  AUDIT_HMAC_KEY: 'not-a-real-audit-key-0123456789abcdef',
};
