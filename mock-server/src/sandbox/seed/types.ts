/**
 * Shapes of the seed data. Field names follow `docs/design.md` and the catalog OpenAPI document
 * (camelCase; enums are lower-snake codes, Chinese labels live in `labels.ts`).
 */

/** 'YYYY-MM-DD', an Asia/Shanghai calendar day. */
export type IsoDate = string;
/** RFC 3339 instant with the +08:00 offset. */
export type Instant = string;

export type RegionLevel = 'national' | 'provincial' | 'city' | 'county';
export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
}

export type OrganizationKind = 'agency' | 'public_service' | 'company';
export type OrganizationRole =
  | 'data_provider'
  | 'data_user'
  | 'data_authority'
  | 'platform_operator'
  | 'registry'
  | 'registrant'
  | 'applicant'
  | 'auditor'
  | 'grantor'
  | 'implementing_body'
  | 'operator'
  | 'price_authority';

export interface SeedOrganization {
  id: string;
  /** A stable short name used by tests and docs, e.g. `public-security`. */
  slug: string;
  name: string;
  kind: OrganizationKind;
  creditCode: string;
  region: Region;
  /** `region.code`, so a seed organisation is also a core `Organisation`. */
  regionCode: string;
  roles: OrganizationRole[];
  /** Deterministic per seed; `scopeAppKey` prefixes it with a sandbox id. */
  appKey: string;
  appSecret: string;
}

export type SharingType = 'unconditional' | 'conditional' | 'not_shared';
/** 厦门 第十七条 (一)–(四); values of the OpenAPI `SharingCondition`. */
export type SharingCondition = 'specific_scenario' | 'specific_agencies' | 'key_municipal_work' | 'cross_department_platform';
export type DeliveryMethod = 'api' | 'db_table' | 'file' | 'stream';
export type OpeningType = 'open' | 'on_application' | 'not_open';
/** 厦门 第二十四条; values of the OpenAPI `OpeningCondition`. */
export type OpeningCondition = 'scenario_list' | 'usage_feedback' | 'technical_capability' | 'credit_status';
export type UpdateCycle = 'real_time' | 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'yearly' | 'irregular';
export type DataGrade = 'general' | 'important' | 'core';
export type DataItemType = 'string' | 'integer' | 'number' | 'date' | 'datetime' | 'boolean' | 'binary';
export type CatalogKind = 'government' | 'public_service';
export type CatalogEntryState = 'draft' | 'submitted' | 'returned' | 'published' | 'change_submitted' | 'withdrawn';

/** A data item (信息项), as the OpenAPI `DataItem`. */
export interface DataItem {
  name: string;
  dataType: DataItemType;
  /** Absent for types without a length (dates, binaries). */
  length?: number;
  description: string;
  sensitive: boolean;
}

export interface SharingAttribute {
  type: SharingType;
  conditions: SharingCondition[];
  /** Present exactly when `type` is `not_shared` (厦门 第十八条). */
  legalBasis?: string;
  deliveryMethods: DeliveryMethod[];
}

/** The application scenarios an `on_application` resource allows and denies (第二十四条(一)), by name. */
export interface ScenarioList {
  allowed?: string[];
  denied?: string[];
}

export interface OpeningAttribute {
  type: OpeningType;
  conditions: OpeningCondition[];
  /** Present exactly when `type` is `not_open`. */
  legalBasis?: string;
  /** With the `scenario_list` condition: the scenarios allowed and denied (the seed draws none). */
  scenarioList?: ScenarioList;
}

export interface Classification {
  /** 类: 1 基础信息资源, 2 主题信息资源, 3 部门信息资源. */
  categoryCode: '1' | '2' | '3';
  category: string;
  /** 项 (two digits) and its name, e.g. '01' 人口. */
  itemCode: string;
  item: string;
}

/** The OpenAPI `OrganizationRef` plus the mock's organisation id (for tenancy checks). */
export interface ProviderRef {
  organizationId: string;
  creditCode: string;
  name: string;
}

/**
 * The metadata of a published catalog resource (信息资源). Enum values and nested shapes are
 * those of the catalog OpenAPI document; the platform maps it to the wire `Entry` /
 * `EntrySummary` (region code, `modifiedOn`, `content`).
 */
export interface CatalogEntry {
  id: string;
  resourceCode: string;
  name: string;
  summary: string;
  catalogKind: CatalogKind;
  classification: Classification;
  domain: string;
  provider: ProviderRef;
  items: DataItem[];
  sharing: SharingAttribute;
  opening: OpeningAttribute;
  updateCycle: UpdateCycle;
  formats: string[];
  grade: DataGrade;
  region: Region;
  relatedSystems: string[];
  sampleData: Record<string, string | number | boolean | null>[];
  state: CatalogEntryState;
  publishedOn: IsoDate | null;
  modifiedAt: Instant;
  version: number;
}

export interface DatasetFile {
  name: string;
  format: string;
  byteSize: number;
  /** Where the open-data platform serves it, below its API root: `/datasets/{id}/files/{fileName}`. */
  path: string;
}

export interface DatasetApi {
  endpoint: string;
  method: 'GET' | 'POST';
  description: string;
}

/** An open dataset: a published entry whose opening type is not `not_open`. */
export interface OpenDataset {
  id: string;
  entryId: string;
  resourceCode: string;
  title: string;
  summary: string;
  provider: ProviderRef;
  domain: string;
  region: Region;
  openingType: Exclude<OpeningType, 'not_open'>;
  openingConditions: OpeningCondition[];
  /** The scenario lists of its `scenario_list` condition, when its entry states them. */
  scenarioList?: ScenarioList;
  updateCycle: UpdateCycle;
  formats: string[];
  fields: DataItem[];
  sampleRows: Record<string, string | number | boolean | null>[];
  files: DatasetFile[];
  api: DatasetApi | null;
  publishedOn: IsoDate;
  modifiedAt: Instant;
}

export interface OpeningPlanItem {
  entryId: string;
  title: string;
  openingType: Exclude<OpeningType, 'not_open'>;
  plannedOn: IsoDate;
  /** 开放重点 (厦门 第二十五条): `high` for data closely tied to people's livelihood (`LIVELIHOOD_DOMAINS`). */
  priority: 'high' | 'normal';
}

/** A provider's annual opening plan (开放计划). */
export interface OpeningPlan {
  id: string;
  provider: ProviderRef;
  year: number;
  publishedOn: IsoDate;
  items: OpeningPlanItem[];
}

export interface SeedData {
  organizations: SeedOrganization[];
  catalogEntries: CatalogEntry[];
  datasets: OpenDataset[];
  openingPlans: OpeningPlan[];
}
