// The one list of the members the mock adds to a problem beyond the standard ones (`type`, `title`,
// `status`, `code`, `message`, `detail`, `errors`, `instance`, `requestId`). Every problem answer
// is built by `problemResponse`, whose `extensions` take this type, so a handler cannot send a
// member that is not listed here; test/app/problem-members.test.ts checks that every listed member
// is declared, with its JSON type, by `ProblemDetails` in every contract. Imports nothing, so any
// module may use it without a cycle.

/**
 * Extension members of a gdx problem, each declared by the contracts' `ProblemDetails`
 * (openapi/common/schemas.yaml, which says when each is sent).
 *
 * @example
 * ```ts
 * const extensions: ProblemExtensions = { quota: 'objects', limit: 250_000, used: 250_000 };
 * ```
 */
export interface ProblemExtensions {
  /** `NOT_SHAREABLE`, `NOT_OPEN`, `RECLASSIFICATION_REQUIRED`: the law or policy that bars the resource. */
  legalBasis?: string;
  /** 503 `SERVICE_UNAVAILABLE` of the readiness probe, `CONNECTION_LIMIT_REACHED` and `SHUTTING_DOWN` of the HTTP server: the same value as `Retry-After`. */
  retryAfterSeconds?: number;
  /** `FORBIDDEN`: the role the operation requires. */
  requiredRole?: string;
  /** `SIGNATURE_INVALID`: what the mock computed (mock-only). */
  signatureHelp?: object;
  /** 404 of a path no operation has: the closest documented routes. */
  suggestedRoutes?: readonly object[];
  /** `METHOD_NOT_ALLOWED`: the methods the path takes. */
  allowedMethods?: readonly string[];
  /** 413, 414, 431: the limit in bytes; `SANDBOX_QUOTA_EXCEEDED`: the quota's maximum; `SANDBOX_LIMIT_REACHED`: the most sandboxes; `WEBHOOK_LIMIT_REACHED`: the most webhooks of a sandbox; `CONNECTION_LIMIT_REACHED`: the most connections of the HTTP server. */
  limit?: number;
  /** `SANDBOX_QUOTA_EXCEEDED`: the quota reached. */
  quota?: 'objects' | 'events' | 'storedBytes';
  /** `SANDBOX_QUOTA_EXCEEDED`: what the sandbox uses of it now; `SANDBOX_LIMIT_REACHED`: the sandboxes there are; `WEBHOOK_LIMIT_REACHED`: the sandbox's webhooks. */
  used?: number;
  /** `CALENDAR_NOT_PUBLISHED`: the year without a published holiday schedule. */
  year?: number;
  /** `ILLEGAL_TRANSITION`, a step's own rule refusals, `OBJECTION_WINDOW_CLOSED`: the object's state. */
  currentState?: string;
  /** With `currentState`: what the caller's role may send now. */
  allowedEvents?: readonly string[];
  /** With `currentState`: the rule that refused the step. */
  reasonCode?: string;
  /** `OBJECTION_WINDOW_CLOSED`: the notice's last day. */
  endsOn?: string;
  /** `NOT_RECLASSIFIABLE`: the published opening type. */
  openingType?: string;
  /** `CANCELLATION_PENDING`: the pending cancellation application. */
  pendingApplicationId?: string;
  /** `OPERATING_YEAR_INCOMPLETE`: the last day of the first complete operating year. */
  firstCompleteYearEnds?: string;
  /** `CONFLICT` on subscribing a webhook: the organisation's webhook already on that URL. */
  existingWebhookId?: string;
}

/** The JSON Schema type a member's values have. */
export type ProblemMemberType = 'string' | 'integer' | 'array' | 'object';

/**
 * Every member of {@link ProblemExtensions} with its JSON Schema type; the `satisfies` keeps the
 * two in step (a member added to the interface and not here does not compile).
 *
 * @example
 * ```ts
 * PROBLEM_EXTENSION_TYPES.limit; // 'integer'
 * ```
 */
export const PROBLEM_EXTENSION_TYPES = {
  legalBasis: 'string',
  retryAfterSeconds: 'integer',
  requiredRole: 'string',
  signatureHelp: 'object',
  suggestedRoutes: 'array',
  allowedMethods: 'array',
  limit: 'integer',
  quota: 'string',
  used: 'integer',
  year: 'integer',
  currentState: 'string',
  allowedEvents: 'array',
  reasonCode: 'string',
  endsOn: 'string',
  openingType: 'string',
  pendingApplicationId: 'string',
  firstCompleteYearEnds: 'string',
  existingWebhookId: 'string',
} as const satisfies Record<keyof Required<ProblemExtensions>, ProblemMemberType>;
