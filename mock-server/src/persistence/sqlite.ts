// better-sqlite3, loaded when the first database is opened rather than imported with the app: the
// app imports the data directory's code (`#data-dir`) whether or not it is given one, and a
// `gdx-mock` start without `--data-dir` loaded the driver and its native addon for nothing, the
// one CommonJS module Node's ES loader had to read for its export names (issue 12). Node only:
// the browser leaf of `#data-dir` imports none of this.
import { createRequire } from 'node:module';
import type Database from 'better-sqlite3';

const require = createRequire(import.meta.url);
let driver: typeof Database | undefined;

/**
 * Opens the SQLite database at `location` (better-sqlite3's constructor, the driver required at
 * the first call).
 *
 * @example
 * ```ts
 * const db = openSqlite('/var/gdx/store.sqlite', { readonly: true, fileMustExist: true });
 * ```
 */
export function openSqlite(location: string, options?: Database.Options): Database.Database {
  driver ??= require('better-sqlite3') as typeof Database;
  return new driver(location, options);
}
