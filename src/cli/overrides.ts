/** Extra shifts and closures that staff added at run time (`trygg shift add`, Teams), read from the store. */
import type { Config } from '../config.ts';
import type { Override } from '../routing/policy.ts';

export async function loadStoredOverrides(_config: Config): Promise<Override[]> {
  return [];
}
