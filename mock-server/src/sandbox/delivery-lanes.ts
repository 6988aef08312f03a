/** The waiting tasks of one lane, oldest first, and how many of its tasks are running. */
interface Lane {
  waiting: (() => Promise<void>)[];
  /** Index of the oldest waiting task: taking one moves it on instead of shifting the array. */
  head: number;
  running: number;
}

/**
 * Runs tasks in lanes (one per webhook), at most `limit` at once in each lane, the rest waiting
 * in the order they were added. A clock advance may emit thousands of events at once: sending
 * them all together opened one connection per event to the receiver, and the wait for a free
 * connection ran down each attempt's timeout.
 *
 * @example
 * ```ts
 * const lanes = new DeliveryLanes(8);
 * lanes.add('whk_1', () => send(delivery)); // runs now, or once one of the lane's 8 is done
 * ```
 */
export class DeliveryLanes {
  readonly #limit: number;
  readonly #lanes = new Map<string, Lane>();
  readonly #running = new Set<Promise<void>>();
  #closed = false;

  /** `limit`: tasks running at once per lane (at least 1). */
  constructor(limit: number) {
    this.#limit = Math.max(1, Math.floor(limit));
  }

  /** Queues `task` in `lane`; it runs as soon as the lane has room. */
  add(lane: string, task: () => Promise<void>): void {
    if (this.#closed) return;
    let queue = this.#lanes.get(lane);
    if (!queue) this.#lanes.set(lane, (queue = { waiting: [], head: 0, running: 0 }));
    queue.waiting.push(task);
    this.#pump(lane, queue);
  }

  /** Drops the tasks still waiting in `lane`; those running finish. */
  clear(lane: string): void {
    const queue = this.#lanes.get(lane);
    if (!queue) return;
    queue.waiting = [];
    queue.head = 0;
    if (queue.running === 0) this.#lanes.delete(lane);
  }

  /** Resolves once nothing runs and nothing waits (a task added meanwhile is waited for too). */
  async idle(): Promise<void> {
    while (this.#running.size > 0) await Promise.all([...this.#running]);
  }

  /** Drops every waiting task and runs no more. */
  close(): void {
    this.#closed = true;
    for (const lane of this.#lanes.keys()) this.clear(lane);
  }

  #pump(name: string, lane: Lane): void {
    while (!this.#closed && lane.running < this.#limit && lane.head < lane.waiting.length) {
      const task = lane.waiting[lane.head] as () => Promise<void>;
      lane.waiting[lane.head++] = undefined as never;
      if (lane.head > 1024 && lane.head * 2 > lane.waiting.length) {
        lane.waiting = lane.waiting.slice(lane.head);
        lane.head = 0;
      }
      lane.running++;
      const run: Promise<void> = task().finally(() => {
        this.#running.delete(run);
        lane.running--;
        if (lane.head < lane.waiting.length) this.#pump(name, lane);
        else if (lane.running === 0 && this.#lanes.get(name) === lane) this.#lanes.delete(name);
      });
      this.#running.add(run);
    }
  }
}
