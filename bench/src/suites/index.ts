import type { Suite } from '../core/suite.js';
import { calendarSuite } from './calendar.js';
import { consoleSizeSuite } from './console-size.js';
import { inProcessSuite } from './in-process.js';
import { listScaleSuite } from './list-scale.js';
import { mockThroughputSuite } from './mock-throughput.js';
import { simulatedYearSuite } from './simulated-year.js';
import { storageSuite } from './storage.js';
import { transportsSuite } from './transports.js';

/**
 * Every suite, in the order they run and are printed.
 *
 * @example
 * ```ts
 * allSuites.map((s) => s.id); // ['transports', 'calendar', …]
 * ```
 */
export const allSuites: readonly Suite[] = [transportsSuite, calendarSuite, mockThroughputSuite, inProcessSuite, simulatedYearSuite, listScaleSuite, storageSuite, consoleSizeSuite];
