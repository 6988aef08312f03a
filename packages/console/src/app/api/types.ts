/**
 * The parts of the simulation API's answers the console reads, as `openapi/simulation/openapi.yaml`
 * defines them (only the fields shown here; the server may send more). The request journal, the
 * webhook and the health views use the types `@gdx/simulation` generates from that contract (types
 * only: nothing of the SDK is bundled).
 */
import type { Platform } from '@gdx/simulation';

export type { Delivery, DeliveryAttempt, Health, JournalEntry, JournalPage, Platform, Webhook } from '@gdx/simulation';

// A record, not a list, so that a platform added to the contract fails the typecheck until it is here.
const PLATFORM_ORDER: Record<Platform, number> = { registration: 0, sharing: 1, 'open-data': 2, catalog: 3, 'authorized-operation': 4 };
/** The platforms in the order the console shows them. */
export const PLATFORMS = (Object.keys(PLATFORM_ORDER) as Platform[]).sort((a, b) => PLATFORM_ORDER[a] - PLATFORM_ORDER[b]);
export const PROFILES = ['national', 'inner-mongolia', 'xiamen'] as const;
export type ProfileName = (typeof PROFILES)[number];

export interface Localized {
  zh: string;
  en: string;
}

export interface Problem {
  status: number;
  code: string;
  title?: string;
  detail?: string;
  message?: Localized;
  errors?: { pointer?: string; code?: string; message?: Localized | string }[];
  requestId?: string;
  signatureHelp?: SignatureHelp;
}

export interface SignatureHelp {
  canonicalRequest: string;
  stringToSign: string;
  signedHeaders: string[];
  algorithm: string;
}

export interface Clock {
  mode: 'virtual' | 'realtime';
  now: string;
  today: string;
}

export type ReviewerPolicy =
  | { mode: 'auto'; approvalRate?: number; decideOn?: 'first_day' | 'last_day' | 'random' }
  | { mode: 'manual' }
  | { mode: 'late'; overdueByWorkingDays?: number; approvalRate?: number };

export interface Organization {
  id: string;
  name: string;
  creditCode: string;
  roles: string[];
  appKey: string;
}

export interface Sandbox {
  id: string;
  profile: { name: string; extends: string | null };
  seed: number;
  clock: Clock;
  reviewerPolicy: ReviewerPolicy;
  organizations: Organization[];
  platforms: Record<Platform, string>;
  createdAt: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface DatedName {
  date: string;
  name: string;
}

export interface YearSchedule {
  year: number;
  source: string;
  holidays: DatedName[];
  makeupWorkdays: DatedName[];
}

export interface CalendarState {
  years: number[];
  schedules: YearSchedule[];
}

export interface FiredTransition {
  at: string;
  platform: Platform;
  objectType: string;
  objectId: string;
  type: string;
  from: string | null;
  to: string | null;
}

export interface AdvanceResult {
  from: string;
  to: string;
  clock: Clock;
  fired: FiredTransition[];
  /** Transitions fired in all; `fired` lists at most the `firedLimit` asked for. */
  firedCount: number;
  firedTruncated: boolean;
  /** A feed cursor: `GET …/events` from it starts with the events this advance published. */
  eventsCursor: string;
}

export interface WorkflowEvent {
  seq: number;
  type: string;
  at: string;
  actor: { role: string; organizationId: string | null };
  from: string | null;
  to: string | null;
  reason: { code?: string; text: string } | null;
  deadline: { step: string; dueDate: string; overdue: boolean } | null;
}

export interface FeedEvent {
  seq: number;
  platform: Platform;
  objectType: string;
  objectId: string;
  organizationId: string | null;
  event: WorkflowEvent;
  /** `event.from` as the object's procedure names it (`null` for no state). */
  fromLabel: Localized | null;
  /** `event.to` as the object's procedure names it (`null` for no state). */
  toLabel: Localized | null;
}

export interface FaultRule {
  operation: string;
  probability: number;
  kind: 'latency' | 'rate_limit' | 'server_error' | 'connection_reset';
  latencyMs?: number;
  retryAfterSeconds?: number;
  status?: 500 | 503;
  times?: number;
}

/** Section D of issue 9: a workflow object of any platform. */
export interface WorkflowObject {
  platform: Platform;
  objectType: string;
  objectId: string;
  state: string;
  /** The state as its procedure names it (as the timeline's steps do). */
  stateLabel: Localized;
  title: string | null;
  createdAt: string;
  updatedAt: string;
  overdue: boolean;
  nextDueAt: string | null;
}

export interface StepDeadline {
  kind: string;
  /** The day the limit started (not counted). */
  startedOn: string;
  /** Working days allowed, for a limit in working days; null for the other units. */
  workingDays: number | null;
  /** The limit's unit: only `working_days` has counted, skipped and make-up days. */
  unit: 'working_days' | 'calendar_days' | 'hours' | 'years';
  /** The limit in its unit. */
  limit: number;
  dueAt: string;
  countedDays: string[];
  skippedDays: { date: string; reason: 'weekend' | 'holiday' }[];
  makeUpDays: string[];
  overdue: boolean;
  rule: string | null;
  /** The span reaches a year without a holiday schedule: counted Monday–Friday there (`unpublishedYears`). */
  estimate: boolean;
  unpublishedYears: number[];
}

export interface Step {
  state: string;
  label: Localized;
  enteredAt: string;
  leftAt: string | null;
  deadline: StepDeadline | null;
}

export interface ActionField {
  name: string;
  required: boolean;
  description: Localized;
  schema: JsonSchema;
  /** Names of the members inside the field and of their choices, by path (`reasons/text`, `sharing/type=unconditional`). */
  memberLabels?: Record<string, Localized>;
}

export interface AllowedAction {
  action: string;
  role: string;
  label: Localized;
  fields: ActionField[];
}

/** A periodic duty of an object beside its steps (an authorization's disclosure, ceiling-fee report). */
export interface Duty {
  duty: string;
  label: Localized;
  /** The running or latest period, counted up to the day it was met, or today. */
  deadline: StepDeadline;
  /** When this period was met, `null` while it runs. */
  metAt: string | null;
  /** The latest time the duty was met (this period or the one before), and whether late. */
  lastMet: { at: string; late: boolean } | null;
  /** The feed event types that record it. */
  eventTypes: string[];
}

export interface Timeline {
  object: { platform: Platform; objectType: string; objectId: string; state: string; title: string | null; terminal: boolean };
  steps: Step[];
  /** Absent from a mock older than the duties. */
  duties?: Duty[];
  events: FeedEvent[];
  allowedActions: AllowedAction[];
}

/** The subset of JSON Schema the action forms understand. */
export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  minItems?: number;
  maxItems?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  format?: string;
  description?: string;
}
