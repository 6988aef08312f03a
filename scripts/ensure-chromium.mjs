#!/usr/bin/env node
/**
 * Finds a Chromium for the browser tests, installing Debian's `chromium` package when there is
 * none and we may (root on a system with apt-get, as on a fresh CI machine). Playwright's own
 * browser download does not work on the project's machines, so the tests drive the system one.
 *
 * Order: `GDX_CHROMIUM`, then /usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome.
 * Concurrent callers (several Vitest runs at once) install at most once: the install runs under
 * an exclusive lock directory, and whoever waited on it looks again before installing.
 *
 * Usage: `node scripts/ensure-chromium.mjs` prints `chromium: <path>`; exits 1 with a bilingual
 * message when there is no Chromium and it cannot install one.
 *
 * @example
 * ```js
 * import { ensureChromium } from '../../scripts/ensure-chromium.mjs';
 * const executablePath = await ensureChromium(); // '/usr/bin/chromium'
 * ```
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const LOCK_DIR = join(tmpdir(), 'gdx-ensure-chromium.lock');
const LOCK_WAIT_MS = 15 * 60_000;

/** Thrown when no Chromium can be found or installed; `code` is stable, the message zh + en. */
export class ChromiumMissingError extends Error {
  code = 'CHROMIUM_MISSING';
}

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The Chromium to use without installing anything, or `undefined`. A `GDX_CHROMIUM` that is set
 * but not executable is an error rather than silently replaced by another browser.
 */
export function findChromium(env = process.env) {
  const wanted = env.GDX_CHROMIUM;
  if (wanted) {
    if (isExecutable(wanted)) return wanted;
    throw new ChromiumMissingError(`GDX_CHROMIUM=${wanted} 不是可执行文件 / is not an executable file`);
  }
  return SYSTEM_PATHS.find(isExecutable);
}

function canInstall() {
  return process.platform === 'linux' && process.getuid?.() === 0 && isExecutable('/usr/bin/apt-get');
}

function missingMessage() {
  return [
    '未找到 Chromium，浏览器测试无法运行。请安装（Debian/Ubuntu: sudo apt-get install chromium）或设置 GDX_CHROMIUM=/path/to/chromium。',
    'No Chromium found, so the browser tests cannot run. Install it (Debian/Ubuntu: sudo apt-get install chromium) or set GDX_CHROMIUM=/path/to/chromium.',
    `Looked at: ${SYSTEM_PATHS.join(', ')}`,
  ].join('\n');
}

function run(command, args) {
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (result.status !== 0) throw new ChromiumMissingError(`${command} ${args.join(' ')} 失败 / failed (exit ${result.status ?? result.signal})\n${missingMessage()}`);
}

/** Takes the lock directory, waiting for a live holder; a holder that died leaves a stale lock we remove. */
async function withLock(task) {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      mkdirSync(LOCK_DIR);
      writeFileSync(join(LOCK_DIR, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      if (isStale()) rmSync(LOCK_DIR, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new ChromiumMissingError(`等待 ${LOCK_DIR} 超时 / timed out waiting for ${LOCK_DIR}`);
      else await sleep(1000);
    }
  }
  try {
    return await task();
  } finally {
    rmSync(LOCK_DIR, { recursive: true, force: true });
  }
}

function isStale() {
  let pid;
  try {
    pid = Number(readFileSync(join(LOCK_DIR, 'pid'), 'utf8'));
  } catch {
    // Just created, pid not written yet — unless its creator died in between, long ago.
    return Date.now() - statSync(LOCK_DIR, { throwIfNoEntry: false })?.mtimeMs > 60_000;
  }
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return error.code === 'ESRCH';
  }
}

/**
 * The path of a Chromium, installing Debian's `chromium` first if there is none and we are root
 * with apt-get. Prints one line when it installs and one with the path it uses.
 *
 * @throws {ChromiumMissingError} when there is none and it cannot install one.
 */
export async function ensureChromium({ log = (line) => console.log(line) } = {}) {
  let found = findChromium();
  if (!found) {
    if (!canInstall()) throw new ChromiumMissingError(missingMessage());
    found = await withLock(async () => {
      const again = findChromium(); // another process may have installed it while we waited
      if (again) return again;
      log('chromium: none found — installing Debian\'s chromium package with apt-get (正在用 apt-get 安装 chromium)…');
      const started = Date.now();
      run('apt-get', ['update']);
      run('apt-get', ['install', '-y', '--no-install-recommends', '-o', 'DPkg::Lock::Timeout=600', 'chromium']);
      log(`chromium: installed in ${Math.round((Date.now() - started) / 1000)} s`);
      const installed = findChromium();
      if (!installed) throw new ChromiumMissingError(`apt-get 安装后仍未找到 chromium / still no chromium after apt-get install\n${missingMessage()}`);
      return installed;
    });
  }
  log(`chromium: ${found}`);
  return found;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    await ensureChromium();
  } catch (error) {
    console.error(error instanceof ChromiumMissingError ? error.message : error);
    process.exitCode = 1;
  }
}
