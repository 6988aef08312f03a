import { TimerHeap, type TimerEntry } from '@gdx/kernel';

/**
 * Whether a queued entry still stands for its authorization's duty: the record it was queued for
 * (`TimerEntry.owner`) is still the authorization's, not replaced or dropped since.
 */
export type EndedReportIsCurrent = (entry: TimerEntry) => boolean;

const NONE_DUE: readonly string[] = [];

/**
 * The platform's own clock for the annual reports due after an authorization ended, which its
 * workflow engine cannot time (an ended machine takes no event). A min-heap with lazy
 * cancellation, as the engine's clock: a duty met or moved on leaves its entry behind, dropped
 * when it surfaces, so `nextDueAt` is O(1) amortised and an empty clock costs one read per ask.
 *
 * @example
 * ```ts
 * const clock = new EndedReportClock((e) => state.authorizations.get(e.ref)?.pricing.endedReportDuty === e.owner);
 * clock.schedule('aoa_1', Date.parse('2029-04-01T00:00:00+08:00'), duty);
 * clock.takeDue(Date.parse('2029-04-01T00:00:00+08:00')); // ['aoa_1']
 * ```
 */
export class EndedReportClock {
  readonly #heap = new TimerHeap();
  readonly #isCurrent: EndedReportIsCurrent;

  constructor(isCurrent: EndedReportIsCurrent) {
    this.#isCurrent = isCurrent;
  }

  /** Queues the authorization's `duty` for `dueAt` (epoch ms). */
  schedule(authorizationId: string, dueAt: number, duty: object): void {
    // Every entry seq 0: those due at one instant are taken together and put in id order (`takeDue`).
    this.#heap.push({ id: authorizationId, dueAt, seq: 0, ref: authorizationId, owner: duty });
  }

  /** The due time of the earliest current entry, or `undefined`. */
  nextDueAt(): number | undefined {
    return this.#current()?.dueAt;
  }

  /**
   * Takes the authorizations whose current entries are due at or before `instant`, in id order:
   * an order of their own, not of when they were queued, so a sandbox restored from a snapshot
   * (which queues them again in record order) fires them as the one it was taken from.
   */
  takeDue(instant: number): readonly string[] {
    let top = this.#current();
    // Nothing made when nothing is due: the platform asks at every instant its engine fires.
    if (top === undefined || top.dueAt > instant) return NONE_DUE;
    const due: string[] = [];
    for (; top !== undefined && top.dueAt <= instant; top = this.#current()) {
      this.#heap.pop();
      due.push(top.ref);
    }
    return due.sort();
  }

  /** The heap's top once stale entries above it are dropped. */
  #current(): TimerEntry | undefined {
    let top = this.#heap.peek();
    while (top !== undefined && !this.#isCurrent(top)) {
      this.#heap.pop();
      top = this.#heap.peek();
    }
    return top;
  }
}
