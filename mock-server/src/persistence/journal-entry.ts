import type { DeliveryOutcome } from '../sandbox/webhooks.js';

/**
 * The signature an accepted command was verified with. Replay remembers its nonce until
 * `expiresAt`, as the live check did, so the captured request is still refused after a restart.
 */
export interface SignedBy {
  appKey: string;
  nonce: string;
  /** Until when the nonce is remembered (epoch ms; the end of the timestamp window). */
  expiresAt: number;
}

/** One accepted command: a state-changing request (platform or simulation API) and its status. */
export interface CommandEntry {
  seq: number;
  /** Absent in journals written before delivery entries existed. */
  kind?: 'command';
  /** Wall time when it was executed (epoch ms); pinned while replaying. */
  at: number;
  method: string;
  path: string;
  query: string;
  contentType?: string;
  idempotencyKey?: string;
  /** The JSON body text, when the operation takes one. */
  body?: string;
  /** Id of the signing organisation (the signature is not checked again on replay). */
  caller?: string;
  /** Absent for unsigned commands (simulation API) and in older journals. */
  signature?: SignedBy;
  /**
   * `scheme://host` the absolute URLs of its answer were made with, for a simulation-API command
   * with an `Idempotency-Key`: the key's record, made again at start, is the answer given then.
   */
  origin?: string;
  /** The path prefix a transport stripped (an MSW mount), for a command with an `Idempotency-Key`: its `Location` keeps it. */
  prefix?: string;
  status: number;
  /**
   * The revision of what commands do it ran under (`REVISIONS` of the platform module API), which
   * its replay runs under; absent: 0, before revisions were recorded.
   */
  rev?: number;
}

/**
 * What became of one webhook delivery attempt after its command was acknowledged. Replay applies
 * it to the delivery log and executes nothing.
 */
export interface DeliveryEntry extends DeliveryOutcome {
  seq: number;
  kind: 'delivery';
  /** Wall time of the attempt (epoch ms). */
  at: number;
  /** The revision it was journaled under, as `CommandEntry.rev`: from `REVISIONS.webhookDisabledOnGone` a 410 Gone disabled the webhook. */
  rev?: number;
}

/** A line of `journal.ndjson`. */
export type JournalEntry = CommandEntry | DeliveryEntry;

/** An entry before the journal numbers it. */
export type NewJournalEntry = Omit<CommandEntry, 'seq'> | Omit<DeliveryEntry, 'seq'>;

/** Where the dispatcher records accepted commands: the journal of a data directory. */
export interface CommandLog {
  /** Records an entry now (in execution order); `durable` resolves once it is on disk. */
  append(entry: NewJournalEntry): { seq: number; durable: Promise<void> };
  /** Whether a write may run now (false after a failed commit, until the store works again). */
  writable(): boolean;
}
