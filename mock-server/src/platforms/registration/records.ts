import type { Deadline, WorkflowEvent } from '@gdx/kernel';
import type { InitialFiling } from '@gdx/procedures';
import type { RegistrationState } from './registration-state.js';

/** An organisation as the contract's `OrganizationRef`. */
export interface OrgRef {
  creditCode: string;
  name: string;
}

/** A document reference (`Attachment`). */
export interface AttachmentRef {
  name: string;
  mediaType: string;
  digest: string;
  size: number;
  uri?: string;
}

/** The application content as submitted (the contract's `ApplicationSubmission`). */
export type Submission = Record<string, unknown> & { type: string; registrants: OrgRef[]; registrationId?: string };

/** What the platform keeps beside an application's kernel instance. */
export interface ApplicationRecord {
  id: string;
  /** Insertion order, the list sort key. */
  n: number;
  owner: string;
  type: 'initial' | 'change' | 'correction' | 'cancellation';
  submission: Submission;
  supplementItems: { field?: string; text: string }[];
  noticeId: string | null;
  registrationId: string | null;
  registrationCode: string | null;
  /** The initial-filing duty computed on receipt (`Application.initialFiling`); absent in snapshots taken before it existed. */
  initialFiling?: InitialFiling | null;
  /**
   * The role it was filed in, fixed at filing (a co-registrant of a joint registration corrects it
   * as its registrant, whatever the registrants become later); absent in snapshots taken before,
   * whose role `filerRole` derives from the owners.
   */
  filedAs?: FilerRole;
  /**
   * Whether its submission names more than one registrant (`JOINT`), kept beside the fields for
   * the feed; absent on a record restored from a snapshot, whose `isJointApplication` reads them.
   */
  [JOINT]?: boolean;
}

/**
 * The key of an application record's joint flag: whether its submission names more than one
 * registrant (第七条), set when the submission is stored and again when a supplement replaces it.
 * Every event of every application asks whether co-registrants are told of it; reading the
 * submission's registrants for that touched two more objects per event. A symbol, so that neither
 * `Object.keys`, JSON nor the snapshot's `structuredClone` of the records sees it: snapshots keep
 * their format, and a restored record (without it) answers from its registrants.
 */
export const JOINT: unique symbol = Symbol('joint application');

/**
 * Whether `submission` names more than one registrant: a joint application's (第七条).
 *
 * @example
 * ```ts
 * namesJointRegistrants({ type: 'initial', registrants: [a, b] }); // true
 * ```
 */
export function namesJointRegistrants(submission: Submission): boolean {
  return submission.registrants.length > 1;
}

/**
 * Whether an application is joint (its submission names more than one registrant): its `JOINT`
 * flag, or for a record restored from a snapshot its registrants.
 *
 * @example
 * ```ts
 * isJointApplication(app); // false for the usual single registrant
 * ```
 */
export function isJointApplication(app: ApplicationRecord): boolean {
  return app[JOINT] ?? namesJointRegistrants(app.submission);
}

/** A renewal (`Renewal`). */
export interface RenewalRecord {
  id: string;
  registrationId: string;
  renewedAt: string;
  previousValidUntil: string;
  validFrom: string;
  validUntil: string;
}

/** What the platform keeps beside a registration's kernel instance. */
export interface RegistrationRecord {
  id: string;
  n: number;
  owner: string;
  applicationId: string;
  registrationCode: string;
  certificateNumber: string | null;
  registrationType: ApplicationRecord['type'];
  registrants: OrgRef[];
  dataName: string;
  summary: string;
  codedOn: string;
  validUntil: string;
  authorisedTermEnd: string | null;
  /** Replaced, never pushed into: a new registration shares `NO_RENEWALS`. */
  renewals: readonly RenewalRecord[];
  cancellationGround?: string;
  revocationGround?: string;
}

/** A public notice (公示). */
export interface NoticeRecord {
  id: string;
  n: number;
  applicationId: string;
  registrants: OrgRef[];
  registrationType: ApplicationRecord['type'];
  dataName: string;
  summary: string;
  startedOn: string;
  endsOn: string;
  /** Replaced, never pushed into: a new notice shares `NO_OBJECTION_IDS`. */
  objectionIds: readonly string[];
}

/**
 * A registration's renewals and a notice's objections before the first: one frozen empty list each,
 * shared by every record until its first entry replaces it (`[...list, entry]`). A year codes a
 * registration and opens a notice for every initial application, and almost none is ever renewed
 * or objected to in it: a new empty array per record was 32 B kept each, copied by the scavenger.
 */
export const NO_RENEWALS: readonly RenewalRecord[] = Object.freeze([]);
/** See `NO_RENEWALS`. */
export const NO_OBJECTION_IDS: readonly string[] = Object.freeze([]);

/**
 * A notice objection with its own small life cycle: filed → upheld / dismissed by the registry, or
 * closed undecided when the application under notice ends with the registration it names.
 */
export interface ObjectionRecord {
  id: string;
  noticeId: string;
  /** The signing organisation, or `null` for a third party filed through the simulation API. */
  filer: string | null;
  state: 'filed' | 'upheld' | 'dismissed' | 'closed';
  objector: Record<string, unknown>;
  text: string;
  evidence: AttachmentRef[];
  reasons: { code?: string; text: string }[];
  createdAt: string;
  updatedAt: string;
  events: WorkflowEvent[];
}

/** The deadline of a kernel instance (re-exported for the views). */
export type { Deadline, WorkflowEvent };

/** Who filed an application: the registrant, or an interested party correcting another organisation's registration. */
export type FilerRole = 'registrant' | 'interested_party';

/**
 * The role an application was filed in (`filedAs`); for one saved before it was kept, an
 * interested party's when it corrects a registration its filer does not own (the only way one
 * could be filed then).
 *
 * @example
 * ```ts
 * filerRole(state, app); // 'registrant'
 * ```
 */
export function filerRole(state: RegistrationState, app: ApplicationRecord): FilerRole {
  if (app.filedAs !== undefined) return app.filedAs;
  const target = app.registrationId === null ? undefined : state.registrations.get(app.registrationId);
  return target !== undefined && target.owner !== app.owner ? 'interested_party' : 'registrant';
}

/** The next insertion number of a record (list order); lives with the records so the state module and the side effects need not import each other. */
export function nextN(state: RegistrationState): number {
  state.counters.n += 1;
  return state.counters.n;
}
