/** What every part of the store contract gets: a clock it controls and stores on one backing database. */
import type { NewCase, Store, StoreOptions } from '../../../src/store/index.ts';

/** A clock the test moves by hand; stores opened by the contract read it. */
export interface ManualClock {
  now: () => Date;
  /** Jump to an ISO time. */
  set(iso: string): void;
  /** Move forward by ms. */
  advance(ms: number): void;
}

export function manualClock(startIso: string): ManualClock {
  let current = Date.parse(startIso);
  return {
    now: () => new Date(current),
    set(iso) {
      current = Date.parse(iso);
    },
    advance(ms) {
      current += ms;
    },
  };
}

/** One backing database (a directory, a PostgreSQL schema) that stores can be opened on, again and again. */
export interface StoreFixture {
  /** Open a store on this fixture's data; each call is a new connection to the same data. */
  open(options: StoreOptions): Promise<Store>;
  /** Remove the data (after every store opened on it was closed). */
  dispose(): Promise<void>;
}

/** Makes a fresh, empty fixture for each test. */
export type MakeStore = () => Promise<StoreFixture>;

/** Set up before each test by `runStoreContract`; read its fields inside tests only. */
export interface ContractContext {
  /** The test's clock, starting at {@link START}. */
  clock: ManualClock;
  /** A store opened on the test's fixture with the test's clock. */
  store: Store;
  /** Open another store (connection) on the same data with the test's clock; closed after the test. */
  open(options?: Omit<StoreOptions, 'now'>): Promise<Store>;
}

/** Where every test's clock starts: a Saturday night in November, Swedish time 22:00. */
export const START = '2026-11-14T21:00:00.000Z';

/** A plausible case from the web chat; override what a test cares about. */
export function sampleCase(overrides: Partial<NewCase> = {}): NewCase {
  return {
    route: 'trygghetsjour',
    category: 'disturbance',
    danger: null,
    language: 'sv',
    channelId: 'webchat',
    conversation: {
      channelId: 'webchat',
      serviceUrl: 'https://webchat.botframework.com/',
      conversation: { id: 'conv-abc', isGroup: false, conversationType: 'personal', name: '' },
      user: { id: 'user-1', name: '' },
      bot: { id: 'trygg', name: 'Trygg' },
    },
    summary: 'Loud party in the stairwell since 21:00.',
    contact: { address: 'Rosengårdsvägen 1', stairwell: 'B' },
    ...overrides,
  };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
