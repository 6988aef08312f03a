import type { Sandbox } from './sim-client.js';

/**
 * The sandboxes a run created and has not deleted yet. A run cancelled by a signal (a CI job
 * cancelled) would otherwise leave them on the target: the CLI deletes them before it exits.
 *
 * @example
 * ```ts
 * const sandboxes = new SandboxRegistry();
 * const sim = createSimClient({ url, sandboxes });
 * process.once('SIGTERM', async () => { await sandboxes.disposeAll(5_000); process.exit(143); });
 * ```
 */
export class SandboxRegistry {
  readonly #live = new Set<Sandbox>();
  readonly #deleting = new Set<Promise<void>>();
  #closing = false;

  /** Records a created sandbox; once {@link disposeAll} has begun, a late one is deleted at once. */
  add(sandbox: Sandbox): void {
    if (this.#closing) this.#delete(sandbox);
    else this.#live.add(sandbox);
  }

  /** Forgets a sandbox being deleted the ordinary way. */
  remove(sandbox: Sandbox): void {
    this.#live.delete(sandbox);
  }

  /** How many sandboxes are still on the target. */
  get size(): number {
    return this.#live.size;
  }

  /** Deletes every live sandbox, waiting at most `timeoutMs` for the target to answer. */
  async disposeAll(timeoutMs: number): Promise<void> {
    this.#closing = true;
    for (const sandbox of this.#live) this.#delete(sandbox);
    this.#live.clear();
    let timer: NodeJS.Timeout | undefined;
    const timeUp = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
    await Promise.race([Promise.allSettled(this.#deleting), timeUp]);
    clearTimeout(timer);
  }

  #delete(sandbox: Sandbox): void {
    const deleting = sandbox.dispose().catch(() => undefined);
    this.#deleting.add(deleting);
  }
}
