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
  readonly #creating = new Set<Promise<unknown>>();
  #closing = false;

  /** Whether {@link disposeAll} has begun: no sandbox may be created any more. */
  get closing(): boolean {
    return this.#closing;
  }

  /**
   * Records a sandbox being created: a create still in flight when the run is cancelled makes a
   * sandbox on the target all the same, so {@link disposeAll} waits for it and deletes it too.
   */
  async add(creating: Promise<Sandbox>): Promise<Sandbox> {
    const tracked = creating.then((sandbox) => void this.#live.add(sandbox));
    const settled = tracked.catch(() => undefined).finally(() => this.#creating.delete(settled));
    this.#creating.add(settled);
    await tracked;
    return creating;
  }

  /** Forgets a sandbox being deleted the ordinary way. */
  remove(sandbox: Sandbox): void {
    this.#live.delete(sandbox);
  }

  /** How many sandboxes are still on the target. */
  get size(): number {
    return this.#live.size;
  }

  /** Deletes every live sandbox (and those still being created), waiting at most `timeoutMs` for the target. */
  async disposeAll(timeoutMs: number): Promise<void> {
    this.#closing = true;
    const deleteAll = async () => {
      await Promise.allSettled(this.#creating);
      await Promise.allSettled([...this.#live].map((sandbox) => sandbox.dispose()));
    };
    let timer: NodeJS.Timeout | undefined;
    const timeUp = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
    await Promise.race([deleteAll(), timeUp]);
    clearTimeout(timer);
  }
}
