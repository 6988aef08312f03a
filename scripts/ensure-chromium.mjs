#!/usr/bin/env node
/**
 * Finds a Chromium for the browser tests, preferring Debian's `chromium-headless-shell` and
 * installing it when we may (root on a system with apt-get, as on a fresh CI machine). Playwright's
 * own browser download does not work on the project's machines, so the tests drive the system one.
 *
 * Why the headless shell: every browser test runs headless, and the full browser's headless mode
 * is the whole browser without a window. The shell (what Playwright itself runs for headless
 * tests) does the same pages on about half the CPU: the mock's console test, 30 pages with axe
 * reviews, took 80–82 CPU-s with `chromium` and 44–47 with the shell, every test passing
 * (bench/HISTORY.md, thirty-first pass). A full `chromium` found on the machine is still used when
 * the shell cannot be installed.
 *
 * Order: `GDX_CHROMIUM` (used as it is: nothing is installed), then /usr/bin/chromium-headless-shell,
 * /usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome. Concurrent callers
 * (several Vitest runs at once) install at most once: the install runs under an exclusive lock
 * directory, and whoever waited on it looks again before installing. A failed install of the
 * shell beside a full browser is remembered for a day (a marker file in the temporary directory),
 * so that a machine without a network does not try again on every run.
 *
 * Usage: `node scripts/ensure-chromium.mjs` prints `chromium: <path>`; exits 1 with a bilingual
 * message when there is no Chromium and it cannot install one.
 *
 * @example
 * ```js
 * import { ensureChromium } from '../../scripts/ensure-chromium.mjs';
 * const executablePath = await ensureChromium(); // '/usr/bin/chromium-headless-shell'
 * ```
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';
const SYSTEM_PATHS = [HEADLESS_SHELL, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const LOCK_DIR = join(tmpdir(), 'gdx-ensure-chromium.lock');
const LOCK_WAIT_MS = 15 * 60_000;
/** Written when installing the shell failed beside a full browser; younger than a day, no new try. */
const NO_SHELL_MARKER = join(tmpdir(), 'gdx-ensure-chromium.no-headless-shell');
const RETRY_SHELL_AFTER_MS = 24 * 60 * 60_000;
/** apt's network waits, bounded: a machine without a network falls back to its full browser soon. */
const APT_NETWORK = ['-o', 'Acquire::http::Timeout=20', '-o', 'Acquire::https::Timeout=20', '-o', 'Acquire::Retries=0'];

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
    '未找到 Chromium，浏览器测试无法运行。请安装（Debian: sudo apt-get install chromium-headless-shell 或 chromium）或设置 GDX_CHROMIUM=/path/to/chromium。',
    'No Chromium found, so the browser tests cannot run. Install one (Debian: sudo apt-get install chromium-headless-shell, or chromium) or set GDX_CHROMIUM=/path/to/chromium.',
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
 * Installs Debian's `package` with apt-get: from the package lists the machine has, and only when
 * they do not know it, after updating them (a fresh machine's lists may be missing or old).
 */
function aptInstall(pkg) {
  const install = ['install', '-y', '-qq', '--no-install-recommends', '-o', 'DPkg::Lock::Timeout=600', ...APT_NETWORK, pkg];
  try {
    run('apt-get', install);
  } catch {
    run('apt-get', ['update', '-qq', ...APT_NETWORK]);
    run('apt-get', install);
  }
}

function shellRecentlyFailed() {
  const marked = statSync(NO_SHELL_MARKER, { throwIfNoEntry: false });
  return marked !== undefined && Date.now() - marked.mtimeMs < RETRY_SHELL_AFTER_MS;
}

/** The Chromium apt-get has just installed, saying how long it took. */
function installedChromium(started, log) {
  log(`chromium: installed in ${Math.round((Date.now() - started) / 1000)} s`);
  const installed = findChromium();
  if (!installed) throw new ChromiumMissingError(`apt-get 安装后仍未找到 chromium / still no chromium after apt-get install\n${missingMessage()}`);
  return installed;
}

/**
 * The path of a Chromium: `chromium-headless-shell` when there is one or it can be installed
 * (root with apt-get), else a full Chromium found on the machine. Prints one line when it installs
 * and one with the path it uses.
 *
 * @throws {ChromiumMissingError} when there is none and it cannot install one.
 */
export async function ensureChromium({ log = (line) => console.log(line) } = {}) {
  let found = findChromium();
  const wantShell = found !== HEADLESS_SHELL && !process.env.GDX_CHROMIUM && canInstall() && !(found && shellRecentlyFailed());
  if (wantShell || !found) {
    if (!canInstall()) throw new ChromiumMissingError(missingMessage());
    found = await withLock(async () => {
      const again = findChromium(); // another process may have installed it while we waited
      if (again === HEADLESS_SHELL || (again && shellRecentlyFailed())) return again;
      log(`chromium: installing Debian's chromium-headless-shell with apt-get${again ? ` (${again} is here; the shell runs headless tests on about half its CPU)` : ''} (正在用 apt-get 安装 chromium-headless-shell)…`);
      const started = Date.now();
      try {
        aptInstall('chromium-headless-shell');
      } catch (error) {
        if (again) {
          writeFileSync(NO_SHELL_MARKER, String(error.message));
          log(`chromium: chromium-headless-shell could not be installed, using ${again} (无法安装 chromium-headless-shell，改用 ${again}); not tried again for a day (${NO_SHELL_MARKER})`);
          return again;
        }
        // A distribution without the shell's package (it is Debian's) may still have the browser's.
        log('chromium: chromium-headless-shell could not be installed; installing chromium (无法安装 chromium-headless-shell，改为安装 chromium)…');
        aptInstall('chromium');
      }
      return installedChromium(started, log);
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
