export { createApp, type App, type AppOptions, type StorageStatus } from './app/create-app.js';
export { InvalidCalendarYearError } from './app/server-calendar-years.js';
export type { ServiceConnections, ServiceMemory } from './app/sim/service-status.js';
export type { HeapReading, MemoryOptions } from './app/memory-guard.js';
export { DataDirDamagedError, StorageUnavailableError, type Damage, type LockCheck, type Store, type StoredSnapshot, type StoredState } from './persistence/store.js';
// The start's other errors: `instanceof` instead of matching `code` (`DATA_DIR_IN_USE`, `DATA_DIR_UNAVAILABLE`, `REPLAY_REFUSED_NOT_KEPT`).
export { DataDirInUseError, DataDirReplacedError, DataDirUnavailableError } from './persistence/data-dir-errors.js';
export { RefusedEntriesUnavailableError, type RefusedKeepMoment } from './persistence/refused-entry.js';
export type { JournalEntry, CommandEntry, DeliveryEntry } from './persistence/journal-entry.js';
export type { DispatchMeta, DispatchRequest, DispatchResponse } from './app/dispatch-types.js';
export { DEFAULT_LIMITS, type Limits } from './app/limits.js';
export type {
  EventWire,
  FiredTransition,
  IdGenerator,
  OpenApiDocument,
  OperationContext,
  OperationHandler,
  OperationResult,
  Organisation,
  PlatformClockHooks,
  PlatformModule,
  PlatformName,
  ProfileRef,
  Random,
  ReviewerPolicy,
  SandboxContext,
  SandboxEventInput,
  SimCommandContext,
} from './app/platform-module.js';
export type { ProductFiling, SharingConsent } from './app/platform-facts.js';
export type { ProblemResultOptions } from './app/problem-response.js';
export type { LocalizedLabel, ObjectEvent, ObjectRow, OfferedAction, PlatformObjects, WorkflowObject } from './app/workflow-objects.js';
export { PlatformProblem } from './app/platform-problem.js';
export { decodeCursor, encodeCursor, pageByKey, type Page } from './app/paging.js';
export { builtinOrganisations, type OrganisationSource } from './sandbox/builtin-organisations.js';
export { seedOrganisations } from './sandbox/seed-data-cache.js';
export { defaultPlatforms, type DefaultPlatformOptions } from './platforms/index.js';
export type { ClockMode } from './sandbox/sandbox-clock.js';
export type { FaultRule } from './sandbox/faults.js';
export { FiredLog } from './sandbox/fired-log.js';
export type { SandboxSnapshot } from './sandbox/sandbox.js';
export { DEFAULT_MAX_SANDBOXES, DEFAULT_MAX_WEBHOOKS, DEFAULT_QUOTAS, type QuotaName, type SandboxQuotas } from './sandbox/quotas.js';
export { DEFAULT_IDEMPOTENCY_RETENTION_MS } from './sandbox/idempotency-store.js';
export { DEFAULT_REQUEST_JOURNAL_LIMITS, type RequestJournalLimits } from './sandbox/request-journal.js';
export type { FeedEvent } from './sandbox/event-feed.js';
export { type Delivery, type Webhook, type WebhookDeliveryOptions } from './sandbox/webhooks.js';
// Webhook signing is protocol: receivers verify it with @gdx/protocol's verifyWebhookSignature.
export { signWebhookBody, WEBHOOK_HEADERS } from '@gdx/protocol';
