/**
 * Runs `run` in a later macrotask, so requests waiting are answered in between (browsers, where
 * the app core also runs under MSW, have no `setImmediate`).
 *
 * @example
 * ```ts
 * nextTurn(() => journal.flush());
 * ```
 */
export const nextTurn: (run: () => void) => void = typeof setImmediate === 'function' ? (run) => setImmediate(run) : (run) => setTimeout(run, 0);
