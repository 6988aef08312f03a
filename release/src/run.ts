import { spawn } from 'node:child_process';

/** What a finished command printed and how it ended. */
export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Options of {@link run}. */
export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Killed (and rejected) after this long: a registry that stops answering must not hang CI. */
  timeoutMs?: number;
}

/**
 * Runs a command to its end without blocking the event loop (the local registry lives in a
 * child process, but a synchronous spawn would still stall this test's own timers), and rejects
 * with its output when it exits non-zero or overruns its time.
 *
 * @example
 * ```ts
 * const { stdout } = await run('npm', ['--version'], { cwd: process.cwd() });
 * ```
 */
export function run(command: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  const { cwd, env = process.env, timeoutMs = 180_000 } = options;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const result = { code, stdout, stderr };
      if (code === 0) resolve(result);
      else {
        const why = signal ? `was killed (${signal}${signal === 'SIGKILL' ? `, over ${timeoutMs} ms` : ''})` : `exited ${code}`;
        reject(Object.assign(new Error(`${command} ${args.join(' ')} ${why} in ${cwd}\n${stdout}\n${stderr}`), { result }));
      }
    });
  });
}
