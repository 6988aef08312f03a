/** One accepted command: a state-changing request (platform or simulation API) and its status. */
export interface JournalEntry {
  seq: number;
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
  status: number;
}

/** Where the dispatcher records accepted commands: the journal of a data directory. */
export interface CommandLog {
  /** Records an entry now (in execution order); `durable` resolves once it is on disk. */
  append(entry: Omit<JournalEntry, 'seq'>): { seq: number; durable: Promise<void> };
}
