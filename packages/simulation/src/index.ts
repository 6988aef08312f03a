/**
 * @gdx/simulation — typed client of the gdx mock's simulation API (`/_sim/v1`, unsigned):
 * sandboxes, the virtual clock, reviewer policy, officials' actions, third-party objections,
 * working-day calendars, fault injection, snapshots, the event feed, webhooks and the request
 * journal (with `expectJournal`, assertions on what a system under test sent).
 *
 * @example
 * ```ts
 * import { SimulationClient } from '@gdx/simulation';
 * const sim = new SimulationClient(); // http://127.0.0.1:4010/_sim/v1
 * const sbx = await sim.sandboxes.create({ profile: 'national', startAt: '2025-09-26T09:00:00+08:00', clock: { mode: 'virtual' } });
 * await sim.clock.advance(sbx.id, { workingDays: 3 });
 * ```
 * @packageDocumentation
 */
export { DEFAULT_BASE_URL, SimulationClient, type SimulationClientOptions } from './generated/client.js';
export * from './generated/resources.js';
export * from './generated/runtime.js';
export type { components, operations, paths } from './generated/types.js';
export type * from './generated/models.js';
export type * from './generated/operation-types.js';
export { credentialsOf } from './credentials.js';
export { expectJournal, JournalExpectationError, type JournalExpectation, type JournalSource, type RequestMatcher } from './journal-expectations.js';
