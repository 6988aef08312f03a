import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { StorageUnavailableError } from '../persistence/store.js';
import { createLogger } from './request-logger.js';

/** What the `gdx-mock` JSON logger writes for `logger.error({ err: error }, message)`. */
function logged(error: unknown): { msg: string; err: { type: string; message: string; code?: string; stack: string; cause?: unknown } } {
  const lines: string[] = [];
  createLogger({ level: 'info', format: 'json' }, { write: (line) => lines.push(line) }).error({ err: error }, '[STORAGE] still unavailable');
  return JSON.parse(lines[0] ?? '') as ReturnType<typeof logged>;
}

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** The error SQLite itself throws on a write to a read-only database. */
function readonlyWriteError(): Error {
  const dir = mkdtempSync(join(tmpdir(), 'gdx-ro-'));
  dirs.push(dir);
  const file = join(dir, 'store.sqlite');
  new Database(file).exec('CREATE TABLE t (x)').close();
  chmodSync(file, 0o444);
  const db = new Database(file, { readonly: true });
  try {
    db.exec('INSERT INTO t VALUES (1)');
  } catch (error) {
    return error as Error;
  } finally {
    db.close();
  }
  throw new Error('the write to a read-only database was accepted');
}

describe('the logger\'s err field', () => {
  it('says the storage\'s reason once, and keeps the cause\'s type, code and stack as fields', () => {
    const cause = readonlyWriteError();
    const { err } = logged(new StorageUnavailableError('d/store.sqlite', cause));
    expect(err.message).toBe('[STORAGE_UNAVAILABLE] 存储写入失败，本次写入未生效 / could not write to d/store.sqlite: attempt to write a readonly database');
    expect(err).toMatchObject({ type: 'StorageUnavailableError', code: 'STORAGE_UNAVAILABLE', cause: { type: 'SqliteError', message: 'attempt to write a readonly database', code: 'SQLITE_READONLY' } });
    expect(err.stack).toMatch(/caused by: SqliteError: attempt to write a readonly database\n\s+at /);
  });

  it('still adds a cause the message does not say', () => {
    const { err } = logged(new Error('snapshot failed', { cause: Object.assign(new Error('disk full'), { code: 'SQLITE_FULL' }) }));
    expect(err.message).toBe('snapshot failed: disk full');
    expect(err.cause).toEqual({ type: 'Error', message: 'disk full', code: 'SQLITE_FULL' });
  });
});
