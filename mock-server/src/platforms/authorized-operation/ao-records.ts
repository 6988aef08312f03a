import type { EngineSnapshot, Reason } from '@gdx/kernel';
import type { MarCalculation, TermCheck } from '@gdx/procedures';
import type { SandboxContext } from '../../app/platform-module.js';
import type { CatalogEntry } from '../../sandbox/seed/types.js';
import { recordsById, type WorkflowHost } from '../workflow-host/index.js';
import type { EndedReportClock } from './ended-report-clock.js';

/** An organisation as the contract shows it (`OrganizationRef`). */
export interface OrgRef {
  creditCode: string;
  name: string;
}

/** The contract's `ScopeItem`. */
export interface ScopeItem {
  entryId: string;
  name: string;
  source: 'collected' | 'shared';
  consentGrantId: string | null;
  updateCycle: string;
  grade: string;
}

/** The contract's `PlanContent` (validated by the core). */
export type PlanContent = Record<string, unknown> & {
  name: string;
  authorizationMode: string;
  scope: ScopeItem[];
  term: { from: string; to: string };
  products: { name: string; useCategory: string; productForm: string }[];
  /** Catalog entries kept out of the scope, with the ground (27号 第五条; 101号 第三十三条; 厦门办法 第九条). */
  exclusions?: { entryId: string; ground: string }[];
};

/** The contract's `Agreement` (checked by `agreement-check.ts`). */
export type Agreement = Record<string, unknown> & { scope: ScopeItem[]; term: { from: string; to: string }; signedOn?: string };

/** An implementation plan's own fields; state, deadline and events live in the kernel instance. */
export interface PlanRecord {
  id: string;
  /** The implementing body that drafted it. */
  owner: string;
  implementingBody: OrgRef;
  content: PlanContent;
  pendingChange: PlanContent | null;
  version: number;
  filedOn: string | null;
  reasons: Reason[];
}

/** A recorded bid (`Bid`). */
export interface BidRecord {
  id: string;
  selectionId: string;
  operatorId: string;
  operator: OrgRef;
  proposal: string;
  eligibility: Record<string, boolean>;
  submittedAt: string;
}

/** An operator selection's own fields. */
export interface SelectionRecord {
  id: string;
  owner: string;
  implementingBody: OrgRef;
  planId: string | null;
  method: string;
  conditions: string | null;
  bids: BidRecord[];
  operatorId: string | null;
  operator: OrgRef | null;
  agreement: Agreement | null;
  authorizationId: string | null;
  reasons: Reason[];
}

/** A year's annual report (`AnnualReport`, without its computed fields). */
export interface AnnualReportRecord {
  id: string;
  year: number;
  /** Epoch ms. */
  submittedAt: number;
  /** Who filed it; absent in a report an older version took, which only the operator could file. */
  filedBy?: PricingActor;
  content: Record<string, unknown> & { year: number; revenueFen: number };
}

/**
 * Who filed a yearly report (in a role of the profile's `annualReportFiledBy`) or applied for
 * formal fees (the grantor), and its organisation.
 */
export interface PricingActor {
  role: 'grantor' | 'operator';
  organizationId: string;
}

/** A ceiling fee the grantor set (`Ceiling`). */
export interface CeilingRecord {
  productId: string;
  ceilingFen: number;
  chargingUnit: string;
  plannedVolume: number;
}

/** The application for formal fees (65号 二) and its assessment. */
export interface FormalApplicationRecord {
  appliedOn: string;
  /** Who applied; absent in an application an older version took, which only the operator could make. */
  appliedBy?: PricingActor;
  status: 'pending' | 'approved' | 'rejected';
}

/** The pricing decisions of an authorization (65号). */
export interface PricingRecord {
  /** MAR calculations by calendar year (`"2026"`). */
  mar: Record<string, MarCalculation>;
  ceilings: CeilingRecord[];
  formalApplication: FormalApplicationRecord | null;
  reports: AnnualReportRecord[];
  /**
   * The clock's `annual_report_overdue` planned for the next report due (`annual-report-duty.ts`):
   * its year and plan, withdrawn when that report is filed first. Absent on an authorization
   * signed before `REVISIONS.annualReportOverdue`, once no report of the term is left to plan, and
   * once the authorization ended under `REVISIONS.annualReportOverdueAfterEnd` (`endedReportDuty` then).
   */
  reportOverduePlan?: { year: number; planId: string };
  /**
   * The report duty the platform's own clock keeps once the authorization ended
   * (`ended-report-duty.ts`): the year awaited, up to the last year it ran. Absent on an
   * authorization that runs, that ended before `REVISIONS.annualReportOverdueAfterEnd` or with
   * no report of a year it ran left to plan.
   */
  endedReportDuty?: EndedReportDuty;
}

/** An ended authorization's annual report duty (`PricingRecord.endedReportDuty`). */
export interface EndedReportDuty {
  /** The year whose report is awaited (due 03-31 of the next year). */
  year: number;
  /** The last year the authorization ran, whose report is the last one the duty awaits. */
  lastYear: number;
  /** How many missed reports the platform's clock recorded since the end (the next event's `seq` follows them). */
  recorded: number;
}

/** An authorization in force: its own fields beside the kernel instance. */
export interface AuthorizationRecord {
  id: string;
  selectionId: string;
  planId: string | null;
  grantorId: string | null;
  grantor: OrgRef;
  implementingBodyId: string;
  implementingBody: OrgRef;
  operatorId: string;
  operator: OrgRef;
  authorizationMode: string;
  agreement: Agreement;
  /** `measuredFrom` is missing from a check recorded before it existed (the cap then counted from `from`). */
  termCheck: Omit<TermCheck, 'measuredFrom'> & { measuredFrom?: string };
  evaluations: { year: number; result: string; evaluator: string | null; decidedOn: string; reasons: Reason[] }[];
  reasons: Reason[];
  /** The signing day: operation (and the disclosure) starts then. */
  signedOn: string;
  pricing: PricingRecord;
}

/** A data access request's own fields. */
export interface DataAccessRecord {
  id: string;
  owner: string;
  authorizationId: string;
  requester: OrgRef;
  submission: Record<string, unknown> & { authorizationId: string; dataNeeds: ScopeItem[]; eligibility?: Record<string, boolean> };
  agreementReportedOn: string | null;
  reasons: Reason[];
}

/** A product's fee as the operator set it. */
export interface FeeRecord {
  actualFen: number | null;
  displayed: boolean;
  effectiveFrom: string | null;
  changedAt: string;
}

/** A product's own fields. */
export interface ProductRecord {
  id: string;
  owner: string;
  authorizationId: string;
  operator: OrgRef;
  content: Record<string, unknown> & { authorizationId: string; name: string; useCategory: 'public_good' | 'industry'; scopeEntryIds: string[]; chargingUnit?: string; plannedVolume?: number; basedOn?: string | null };
  fee: FeeRecord | null;
  listedOn: string | null;
  reasons: Reason[];
}

/** The records of the platform in one sandbox (workflow state is in the host). */
export interface AuthorizedOperationRecords {
  plans: Map<string, PlanRecord>;
  selections: Map<string, SelectionRecord>;
  authorizations: Map<string, AuthorizationRecord>;
  requests: Map<string, DataAccessRecord>;
  products: Map<string, ProductRecord>;
}

/** The platform's state: records, the kernel host and the published catalog the scopes name. */
export interface AuthorizedOperationState extends AuthorizedOperationRecords {
  readonly sandbox: SandboxContext;
  host: WorkflowHost;
  /** The clock of the annual reports due after an authorization ended (`ended-report-duty.ts`); rebuilt from the records. */
  endedReports: EndedReportClock;
  /** The published catalog entry of an id (the catalog platform's, or the seed's without it). */
  entry(id: string): CatalogEntry | undefined;
}

/** The JSON form of the state for snapshots. */
export interface AuthorizedOperationSnapshot {
  engine: EngineSnapshot;
  plans: PlanRecord[];
  selections: SelectionRecord[];
  authorizations: AuthorizationRecord[];
  requests: DataAccessRecord[];
  products: ProductRecord[];
}

/**
 * Empty record maps, or deep copies of a snapshot's.
 *
 * @example
 * ```ts
 * const records = authorizedOperationRecords(saved);
 * ```
 */
export function authorizedOperationRecords(saved?: AuthorizedOperationSnapshot): AuthorizedOperationRecords {
  return {
    plans: recordsById(saved?.plans),
    selections: recordsById(saved?.selections),
    authorizations: recordsById(saved?.authorizations),
    requests: recordsById(saved?.requests),
    products: recordsById(saved?.products),
  };
}

/**
 * A deep, JSON-serialisable copy of the state.
 *
 * @example
 * ```ts
 * const saved = exportAuthorizedOperationState(state);
 * ```
 */
export function exportAuthorizedOperationState(state: AuthorizedOperationState): AuthorizedOperationSnapshot {
  return state.host.snapshotWith({
    plans: [...state.plans.values()],
    selections: [...state.selections.values()],
    authorizations: [...state.authorizations.values()],
    requests: [...state.requests.values()],
    products: [...state.products.values()],
  });
}

/**
 * The contract's `OrganizationRef` of an organisation.
 *
 * @example
 * ```ts
 * orgRef(caller); // { creditCode: '91350200…', name: '厦门数据运营有限公司' }
 * ```
 */
export function orgRef(org: { creditCode: string; name: string }): OrgRef {
  return { creditCode: org.creditCode, name: org.name };
}
