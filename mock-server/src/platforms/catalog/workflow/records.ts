import type { Reason } from '@gdx/kernel';
import type { ProviderRef } from '../../../sandbox/seed/types.js';

/** The OpenAPI `EntryFields`: an entry's content as the provider compiles it. */
export type EntryFields = Record<string, unknown>;

/** Classification codes kept from the seed so a republished seed entry keeps its DCAT theme. */
export interface ClassificationCodes {
  categoryCode: '1' | '2' | '3';
  itemCode: string;
}

/**
 * What the catalog keeps about an entry besides its workflow instance (state, deadline and
 * events live in the kernel engine under the same id).
 */
export interface EntryRecord {
  id: string;
  provider: ProviderRef;
  /** The version under edit or review (the published one plus one while a change is pending). */
  version: number;
  /** The version search and DCAT show; `0` before the first publication. */
  publishedVersion: number;
  content: EntryFields;
  /** The visible version while a change is under review or returned, else `null`. */
  publishedContent: EntryFields | null;
  /**
   * The content as the data authority returned it (退回纠正), until the entry is submitted again:
   * a resubmission must differ from it. Absent in records saved before the rule.
   */
  returnedContent?: EntryFields | null;
  resourceCode: string | null;
  reasons: Reason[];
  publishedOn: string | null;
  modifiedOn: string;
  codes?: ClassificationCodes;
  /** Reclassifications of the entry from `not_open`, oldest first (the OpenAPI `Reclassification`). */
  reclassifications: ReclassificationRecord[];
  /** The data authority's disputes over the sharing type, oldest first; the open one is the last (the OpenAPI `SharingTypeDispute`). */
  sharingTypeDisputes: SharingTypeDisputeRecord[];
}

/** A sharing-type label as disputed, proposed or decided (the OpenAPI `SharingLabel`). */
export interface SharingLabel {
  type: 'unconditional' | 'conditional' | 'not_shared';
  conditions?: string[];
  legalBasis?: string;
}

/**
 * One dispute over the sharing type of the version under review (厦门 第十五条): `negotiating`
 * until the provider answers, `unresolved` when it kept its label, `escalated` to the city
 * government, then closed as `agreed`, `withdrawn` or `decided`.
 */
export interface SharingTypeDisputeRecord {
  version: number;
  status: 'negotiating' | 'unresolved' | 'escalated' | 'agreed' | 'withdrawn' | 'decided';
  disputedLabel: SharingLabel;
  proposed: SharingLabel;
  reasons: Reason[];
  answer: { kind: 'agree' | 'keep'; reasons: Reason[]; at: string } | null;
  decision: { sharing: SharingLabel; reasons: Reason[]; at: string } | null;
  openedAt: string;
  closedAt: string | null;
}

/** The ground of a reclassification as the request states it (the OpenAPI `ReclassificationGround`). */
export interface ReclassificationGround {
  kind: 'desensitisation' | 'right_holder_consent';
  description: string;
  evidenceRef?: string;
}

/** A `POST /entries/{entryId}/reclassification` body as validated against the contract. */
export interface ReclassificationRequest {
  openingType: 'open' | 'on_application';
  conditions?: string[];
  ground: ReclassificationGround;
  note?: string;
}

/**
 * One reclassification from `not_open` (厦门 第二十二条): the version it produces, the legal basis
 * the `not_open` label cited (kept here once the opening attribute no longer carries it), the new
 * opening, the ground, and when it took effect.
 */
export interface ReclassificationRecord {
  version: number;
  /** `pending` under review or returned for correction; `effective` once published; `abandoned` if published still `not_open`. */
  status: 'pending' | 'effective' | 'abandoned';
  from: { type: 'not_open'; legalBasis: string };
  to: { type: 'open' | 'on_application'; conditions: string[] };
  ground: ReclassificationGround;
  proposedAt: string;
  effectiveAt: string | null;
}

/** The wire kind of an obligation (`ObligationKind`). */
export type ObligationKind = 'new_resource' | 'information_change' | 'function_change';

/** An update duty on a provider; its state and deadline live in the engine. */
export interface ObligationRecord {
  id: string;
  kind: ObligationKind;
  organizationId: string;
  entryId: string | null;
  functionChangeId: string | null;
  fulfilledAt: string | null;
}

/** A reported change (`FunctionChange` without its obligations, which are looked up). */
export interface FunctionChangeRecord {
  id: string;
  organizationId: string;
  kind: 'function_change' | 'system_change' | 'new_resource' | 'information_change';
  effectiveOn: string;
  description: string;
  successor?: { creditCode: string; name: string };
  entryIds: string[];
  createdAt: string;
  obligationIds: string[];
}
