/** Extra shifts and closures that staff added at run time (`trygg shift add`, Teams), read from the store. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';
import type { Override } from '../routing/policy.ts';
import { loadAuditKey, openStore, SQLITE_FILE_NAME, type Shift, type Store } from '../store/index.ts';

/** A stored shift as the policy's override type. */
export function shiftToOverride(s: Shift): Override {
  return { id: s.id, route: s.route, kind: s.kind, from: s.from, to: s.to, ...(s.note ? { note: s.note } : {}) };
}

/** Opens the store the server uses (same DATA_DIR / DATABASE_URL, same audit key, so `forget` reaches the audit). */
export function openConfiguredStore(config: Config): Promise<Store> {
  return openStore({
    dataDir: config.dataDir,
    auditKey: loadAuditKey({ dataDir: config.dataDir, ...(config.auditHmacKey ? { key: config.auditHmacKey } : {}) }),
    ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}),
  });
}

/**
 * Shifts stored by staff that are not over yet. Without a database there are none; the CLI never creates an
 * empty store just to read from it.
 */
export async function loadStoredOverrides(config: Config): Promise<Override[]> {
  if (!config.databaseUrl && !existsSync(path.join(config.dataDir, SQLITE_FILE_NAME))) return [];
  const store = await openConfiguredStore(config);
  try {
    return (await store.shifts.list({})).map(shiftToOverride);
  } finally {
    await store.close();
  }
}
