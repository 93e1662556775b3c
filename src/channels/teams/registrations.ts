/**
 * Which Teams channel receives which route's cases (`@Trygg register <route>`). Kept in the shared store's
 * state (with eTag concurrency), so every instance and the CLI see the same registrations.
 */
import type { Storage } from 'botbuilder';
import type { RouteId } from '../../routing/types.ts';

/** Routes a channel can be registered for, plus `incidents` for emergency information cards. */
export const REGISTRABLE = [
  'trygghetsjour',
  'fastighetsjour',
  'office',
  'stadsmission',
  'police',
  'incidents',
] as const;
export type Registrable = (typeof REGISTRABLE)[number];

export interface ChannelRegistration {
  /** The Teams channel's conversation id (`19:…@thread.tacv2`). */
  channelId: string;
  teamId: string;
  tenantId: string;
  serviceUrl: string;
  registeredBy: string;
  registeredAt: string;
}

type Registrations = Partial<Record<Registrable, ChannelRegistration>>;

const KEY = 'trygg/teams/registrations';

export class RegistrationStore {
  private readonly storage: Storage;
  constructor(storage: Storage) {
    this.storage = storage;
  }

  async all(): Promise<Registrations> {
    const items = await this.storage.read([KEY]);
    return ((items[KEY] as { routes?: Registrations } | undefined)?.routes ?? {}) as Registrations;
  }

  async get(target: Registrable): Promise<ChannelRegistration | undefined> {
    return (await this.all())[target];
  }

  /** The route a case goes to in Teams: emergencies go to `incidents`. */
  async forRoute(route: RouteId): Promise<ChannelRegistration | undefined> {
    return this.get(route === 'emergency' ? 'incidents' : route);
  }

  /** Whether a team has any registered channel (registered teams may use staff commands). */
  async isRegisteredTeam(teamId: string): Promise<boolean> {
    return Object.values(await this.all()).some((r) => r?.teamId === teamId);
  }

  /**
   * Binds a channel to a route; retried on a concurrent write (eTag conflict). Resolves with the
   * registration it replaced (read in the same eTag round as the write), so the caller can tell that channel.
   */
  async register(target: Registrable, registration: ChannelRegistration): Promise<ChannelRegistration | undefined> {
    for (let attempt = 0; ; attempt++) {
      const items = await this.storage.read([KEY]);
      const current = (items[KEY] as { routes?: Registrations; eTag?: string } | undefined) ?? {};
      const routes = { ...(current.routes ?? {}), [target]: registration };
      try {
        await this.storage.write({ [KEY]: { routes, eTag: current.eTag ?? '*' } });
        return current.routes?.[target];
      } catch (e) {
        if (attempt >= 4) throw e;
      }
    }
  }
}
