import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** How a finished child process ended and what it printed. */
export interface ScriptRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The walkthrough script shipped with this package (`python/gdx_walkthrough.py`).
 *
 * @example
 * ```ts
 * await runPython(WALKTHROUGH_SCRIPT, ['--base-url', 'http://127.0.0.1:4010']);
 * ```
 */
export const WALKTHROUGH_SCRIPT = fileURLToPath(new URL('../python/gdx_walkthrough.py', import.meta.url));

/**
 * Runs `python3 script ...args` asynchronously and resolves with its exit code and output.
 * Rejects with a clear message when no `python3` is on the PATH (the example needs one).
 *
 * @example
 * ```ts
 * const run = await runPython(WALKTHROUGH_SCRIPT, ['--base-url', mock.url]);
 * run.exitCode; // 0
 * ```
 */
export function runPython(script: string, args: readonly string[], options: { python?: string } = {}): Promise<ScriptRun> {
  const python = options.python ?? process.env.PYTHON ?? 'python3';
  return new Promise<ScriptRun>((resolve, reject) => {
    const child = spawn(python, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PYTHONIOENCODING: 'utf-8' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => void (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString('utf8')));
    child.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'ENOENT'
          ? new Error(`${python} was not found on the PATH: this example needs Python 3 (standard library only); install it or set PYTHON (未找到 Python 3)`)
          : error,
      );
    });
    child.once('close', (exitCode) => resolve({ exitCode, stdout, stderr }));
  });
}
