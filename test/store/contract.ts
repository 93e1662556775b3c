/**
 * The store contract: one suite that every `Store` implementation must pass (the embedded SQLite store
 * today, PostgreSQL later). Run it from an implementation's test file:
 *
 *   runStoreContract('sqlite', async () => ({ open: (o) => openStore({ ...o, dataDir }), dispose: … }));
 *
 * Each test gets a fresh fixture, a hand-moved clock and a store opened on it; tests that need a second
 * connection or a restart open more stores on the same fixture.
 */
import { afterEach, beforeEach, describe } from 'vitest';
import type { Store } from '../../src/store/index.ts';
import { cardsContract } from './contract/cards.ts';
import { callsContract } from './contract/calls.ts';
import { casesContract } from './contract/cases.ts';
import { incidentsContract } from './contract/incidents.ts';
import { countersContract } from './contract/counters.ts';
import { type ContractContext, type MakeStore, manualClock, START, type StoreFixture } from './contract/context.ts';
import { durabilityContract } from './contract/durability.ts';
import { erasureContract } from './contract/erasure.ts';
import { outboxContract } from './contract/outbox.ts';
import { privacyContract } from './contract/privacy.ts';
import { recordsContract } from './contract/records.ts';
import { reportContract } from './contract/report.ts';
import { stateContract } from './contract/state.ts';

export type { MakeStore, StoreFixture } from './contract/context.ts';

export function runStoreContract(name: string, makeStore: MakeStore): void {
  describe(`store contract: ${name}`, () => {
    let fixture: StoreFixture;
    let opened: Store[] = [];
    const ctx = { clock: manualClock(START) } as ContractContext;

    ctx.open = async (options = {}) => {
      const store = await fixture.open({ ...options, now: ctx.clock.now });
      opened.push(store);
      return store;
    };

    beforeEach(async () => {
      ctx.clock.set(START);
      fixture = await makeStore();
      ctx.store = await ctx.open();
    });

    afterEach(async () => {
      for (const store of opened) await store.close();
      opened = [];
      await fixture.dispose();
    });

    describe('state (botbuilder Storage)', () => stateContract(ctx));
    describe('cases', () => casesContract(ctx));
    describe('staff cards', () => cardsContract(ctx));
    describe('incidents', () => incidentsContract(ctx));
    describe('outbox', () => outboxContract(ctx));
    describe('counters', () => countersContract(ctx));
    describe('phone call sessions', () => callsContract(ctx));
    describe('audit, activities, shifts', () => recordsContract(ctx));
    describe('purge and data-subject requests', () => privacyContract(ctx));
    describe('erasure: numbers however written, keyed audit, Teams redaction', () => erasureContract(ctx));
    describe('durability and connections', () => durabilityContract(ctx));
    describe('night report queries and wall-clock job occurrences', () => reportContract(ctx));
  });
}
