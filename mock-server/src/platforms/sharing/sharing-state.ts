import type { EngineSnapshot, Reason } from '@gdx/kernel';
import type { CatalogEntry } from '../../sandbox/seed/types.js';
import { recordsById, type DataObjectionRecord, type WireEvent, type WorkflowHost } from '../workflow-host/index.js';

/** An organisation as the contract shows it. */
export interface OrgRef {
  creditCode: string;
  name: string;
}

/** The OpenAPI `RequestSubmission` (validated by the core). */
export interface RequestSubmission {
  entryId: string;
  scenario: { name: string; description: string };
  purpose: string;
  fields: string[];
  deliveryMethod: 'api' | 'db_table' | 'file' | 'stream';
  periodOfUse: { from: string; to: string };
  securityMeasures: string;
  condition?: string;
}

/** A sharing request's own fields; its state, deadline and events live in the kernel instance. */
export interface RequestRecord {
  id: string;
  /** The requesting organisation (data user). */
  owner: string;
  /** The providing organisation's id in the sandbox. */
  providerId: string;
  entryId: string;
  resourceName: string;
  sharingType: 'unconditional' | 'conditional';
  requester: OrgRef;
  provider: OrgRef;
  submission: RequestSubmission;
  grantId: string | null;
  /** Written reasons of the latest rejection, upheld rejection or revocation. */
  reasons: Reason[];
}

/** A sharing grant (共享授权): issued on delivery, revoked or expired with its request. */
export interface GrantRecord {
  id: string;
  requestId: string;
  entryId: string;
  owner: string;
  providerId: string;
  state: 'active' | 'revoked' | 'expired';
  grantee: OrgRef;
  provider: OrgRef;
  deliveryMethod: RequestSubmission['deliveryMethod'];
  endpoint: string | null;
  fileReference: { name: string; mediaType: string; digest: string; size: number; uri?: string } | null;
  credentials: { appKey: string };
  scope: { fields: string[]; scenario: RequestSubmission['scenario']; purpose: string };
  deliveredAt: string;
  validFrom: string;
  validUntil: string;
  updatedAt: string;
  events: WireEvent[];
}

/** The OpenAPI `QualityIssueSubmission`. */
export interface QualityIssueSubmission {
  entryId: string;
  grantId?: string;
  fields?: string[];
  description: string;
  evidence?: unknown[];
}

/** A data quality issue (问题数据反馈), answered by the provider. */
export interface QualityIssueRecord {
  id: string;
  owner: string;
  providerId: string;
  reporter: OrgRef;
  submission: QualityIssueSubmission;
}

/** The records of the sharing platform in one sandbox (workflow state is in `host`). */
export interface SharingRecords {
  requests: Map<string, RequestRecord>;
  grants: Map<string, GrantRecord>;
  objections: Map<string, DataObjectionRecord>;
  issues: Map<string, QualityIssueRecord>;
}

/** The sharing platform's state: records, the kernel host and the published catalog it serves. */
export interface SharingState extends SharingRecords {
  host: WorkflowHost;
  /** The published catalog entry of an id (the catalog platform's, or the seed's without it). */
  entry(id: string): CatalogEntry | undefined;
}

/** The JSON form of the state for snapshots. */
export interface SharingSnapshot {
  engine: EngineSnapshot;
  requests: RequestRecord[];
  grants: GrantRecord[];
  objections: DataObjectionRecord[];
  issues: QualityIssueRecord[];
}

/**
 * Empty record maps, or the ones of a snapshot (deep copies).
 *
 * @example
 * ```ts
 * const records = sharingRecords(saved);
 * ```
 */
export function sharingRecords(saved?: SharingSnapshot): SharingRecords {
  return { requests: recordsById(saved?.requests), grants: recordsById(saved?.grants), objections: recordsById(saved?.objections), issues: recordsById(saved?.issues) };
}

/**
 * A deep, JSON-serialisable copy of the state.
 *
 * @example
 * ```ts
 * const saved = exportSharingState(state); // JSON.stringify-able
 * ```
 */
export function exportSharingState(state: SharingState): SharingSnapshot {
  return state.host.snapshotWith({
    requests: [...state.requests.values()],
    grants: [...state.grants.values()],
    objections: [...state.objections.values()],
    issues: [...state.issues.values()],
  });
}
