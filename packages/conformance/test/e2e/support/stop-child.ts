import type { ChildProcess } from 'node:child_process';

/**
 * Stops a child this test started and resolves once it has exited; a child already gone resolves
 * at once (stopping twice, or after a crash, is not an error).
 *
 * @example
 * ```ts
 * const child = spawn(process.execPath, [script]);
 * await stopChild(child);
 * ```
 */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await exited;
}
