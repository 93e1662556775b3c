import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { buildPackage } from '../scripts/manifest.ts';

const APP_ID = '0b1c2d3e-4f50-4a61-8b72-9c83d4e5f607';
const root = path.resolve(import.meta.dirname, '..');

describe('the Teams app package', () => {
  it('fills in the bot id and lists the staff commands, in team, group chat and personal scope', () => {
    const files = buildPackage(APP_ID);
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json']));
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots[0].botId).toBe(APP_ID);
    expect(manifest.bots[0].scopes).toEqual(['team', 'groupChat', 'personal']);
    const titles = manifest.bots[0].commandLists.flatMap((l: { commands: { title: string }[] }) =>
      l.commands.map((c) => c.title),
    );
    expect(titles).toEqual(expect.arrayContaining(['register', 'registrera', 'status', 'shift add', 'incident']));
    expect(JSON.stringify(manifest)).not.toContain('${{');
  });

  it('has /staff as a tab with PUBLIC_BASE_URL (https), and no tab without it', () => {
    const read = (files: Record<string, Uint8Array>) => JSON.parse(new TextDecoder().decode(files['manifest.json']));
    const withTab = read(buildPackage(APP_ID, undefined, 'https://trygg.example.org/'));
    expect(withTab.staticTabs).toEqual([
      expect.objectContaining({ contentUrl: 'https://trygg.example.org/staff', scopes: ['personal'] }),
    ]);
    expect(withTab.validDomains).toEqual(['trygg.example.org']);
    for (const base of [undefined, 'http://127.0.0.1:3978']) {
      const without = read(buildPackage(APP_ID, undefined, base));
      expect(without.staticTabs).toBeUndefined();
      expect(without.validDomains).toEqual([]);
      expect(JSON.stringify(without)).not.toContain('${{');
    }
  });

  it('has icons of the sizes Teams requires', () => {
    const files = buildPackage(APP_ID);
    const color = PNG.sync.read(Buffer.from(files['color.png']!));
    const outline = PNG.sync.read(Buffer.from(files['outline.png']!));
    expect([color.width, color.height]).toEqual([192, 192]);
    expect([outline.width, outline.height]).toEqual([32, 32]);
  });

  it('refuses to build without a valid app id', () => {
    expect(() => buildPackage(undefined)).toThrow(/MicrosoftAppId/);
    expect(() => buildPackage('not-a-guid')).toThrow(/GUID/);
  });

  it('npm run manifest writes an uploadable zip', () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'trygg-manifest-'));
    execFileSync(path.join(root, 'node_modules/.bin/node'), [path.join(root, 'scripts/manifest.ts')], {
      cwd,
      env: { ...process.env, MicrosoftAppId: APP_ID },
    });
    const zip = unzipSync(readFileSync(path.join(cwd, 'build/trygg-teams.zip')));
    expect(Object.keys(zip).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
  });
});
