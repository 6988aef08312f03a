import type { EngineSnapshot, Reason } from '@gdx/kernel';
import type { OpeningPlan } from '../../sandbox/seed/types.js';
import { recordsById, type DataObjectionRecord, type WireEvent, type WorkflowHost } from '../workflow-host/index.js';
import type { OpenDatasets } from './open-datasets.js';

/** The OpenAPI `ApplicationSubmission` (validated by the core). */
export interface ApplicationSubmission {
  applicant: Record<string, unknown>;
  datasetIds: string[];
  scenario: { name: string; description: string };
  dataScope: string;
  deliveryMethod: 'api' | 'db_table' | 'file' | 'stream';
  periodOfUse: { from: string; to: string };
  securityMeasures: string;
  conditionEvidence: { condition: string; text: string; attachments?: unknown[] }[];
}

/** An on-application request's own fields; state, deadline and events are in the kernel instance. */
export interface ApplicationRecord {
  id: string;
  owner: string;
  submission: ApplicationSubmission;
  datasets: { id: string; title: string }[];
  /** The provider of the first dataset (decides with the data authority). */
  providerId: string;
  grantId: string | null;
  /** Written reasons of the return, rejection (published) or suspension. */
  reasons: Reason[];
  rejectedOn: string | null;
}

/** An access grant (开放授权); its usage-reporting instance, when any, has the grant's id. */
export interface GrantRecord {
  id: string;
  applicationId: string;
  owner: string;
  state: 'active' | 'suspended' | 'expired';
  grantee: Record<string, unknown>;
  datasetIds: string[];
  scope: string;
  scenario: { name: string; description: string };
  conditions: string[];
  deliveryMethod: ApplicationSubmission['deliveryMethod'];
  appKey: string;
  validFrom: string;
  validUntil: string;
  /** Whether usage reports are tracked (a `usage_feedback` condition). */
  reporting: boolean;
  events: WireEvent[];
}

/** A usage report with the due date it answered and whether it came late. */
export interface UsageReportRecord {
  id: string;
  grantId: string;
  period: { from: string; to: string };
  summary: string;
  withinScenario: boolean;
  attachments: unknown[];
  submittedAt: string;
  dueDate: string;
  late: boolean;
}

/** A demand for data not yet open (需求受理反馈). */
export interface DemandRecord {
  id: string;
  owner: string;
  requester: { creditCode: string; name: string };
  submission: { title: string; description: string; intendedUse?: string };
}

/** A spot check (抽查) of a grant: the data authority's written request; answer and state are in its kernel instance. */
export interface SpotCheckRecord {
  id: string;
  grantId: string;
  /** The grant's holder, who answers. */
  owner: string;
  request: Reason;
}

/** The open-data platform's records in one sandbox. */
export interface OpenDataRecords {
  applications: Map<string, ApplicationRecord>;
  grants: Map<string, GrantRecord>;
  reports: Map<string, UsageReportRecord>;
  /** Each grant's usage report ids, in submission order: derived from `reports`, never saved (a list reads only its grant's). */
  reportsByGrant: Map<string, string[]>;
  demands: Map<string, DemandRecord>;
  objections: Map<string, DataObjectionRecord>;
  spotChecks: Map<string, SpotCheckRecord>;
}

/** The open-data platform's state: records, kernel host, the datasets of the published catalog and the seed's plans. */
export interface OpenDataState extends OpenDataRecords {
  host: WorkflowHost;
  /** Open datasets and the published catalog entries (a `not_open` one answers `NOT_OPEN` with its legal basis). */
  datasets: OpenDatasets;
  plans: readonly OpeningPlan[];
}

/** The JSON form of the state for snapshots. */
export interface OpenDataSnapshot {
  engine: EngineSnapshot;
  applications: ApplicationRecord[];
  grants: GrantRecord[];
  reports: UsageReportRecord[];
  demands: DemandRecord[];
  objections: DataObjectionRecord[];
  /** Absent in snapshots taken before spot checks. */
  spotChecks?: SpotCheckRecord[];
}

/**
 * Empty record maps, or deep copies of a snapshot's.
 *
 * @example
 * ```ts
 * const records = openDataRecords(saved);
 * ```
 */
export function openDataRecords(saved?: OpenDataSnapshot): OpenDataRecords {
  const reports = recordsById(saved?.reports);
  const reportsByGrant = new Map<string, string[]>();
  for (const report of reports.values()) addReport(reportsByGrant, report);
  return {
    applications: recordsById(saved?.applications),
    grants: recordsById(saved?.grants),
    reports,
    reportsByGrant,
    demands: recordsById(saved?.demands),
    objections: recordsById(saved?.objections),
    spotChecks: recordsById(saved?.spotChecks),
  };
}

/**
 * A deep, JSON-serialisable copy of the state (datasets are read from the catalog, plans rebuilt from the seed).
 *
 * @example
 * ```ts
 * JSON.stringify(exportOpenDataState(state));
 * ```
 */
export function exportOpenDataState(state: OpenDataState): OpenDataSnapshot {
  return state.host.snapshotWith({
    applications: [...state.applications.values()],
    grants: [...state.grants.values()],
    reports: [...state.reports.values()],
    demands: [...state.demands.values()],
    objections: [...state.objections.values()],
    spotChecks: [...state.spotChecks.values()],
  });
}

/**
 * Files a usage report id under its grant (`reportsByGrant`).
 *
 * @example
 * ```ts
 * state.reports.set(report.id, report);
 * addReport(state.reportsByGrant, report);
 * ```
 */
export function addReport(byGrant: Map<string, string[]>, report: UsageReportRecord): void {
  const ids = byGrant.get(report.grantId);
  if (ids) ids.push(report.id);
  else byGrant.set(report.grantId, [report.id]);
}
