/**
 * A message in both languages of the platform.
 *
 * @example
 * ```ts
 * const message: LocalizedMessage = { zh: '资源不存在', en: 'Resource not found' };
 * ```
 */
export interface LocalizedMessage {
  zh: string;
  en: string;
}

/**
 * One entry of the problem code catalogue.
 *
 * @example
 * ```ts
 * const entry: ProblemCodeEntry = PROBLEM_CODES.NOT_FOUND; // { status: 404, title: 'Not found', … }
 * ```
 */
export interface ProblemCodeEntry {
  status: number;
  /** Short English title (the problem's `title`). */
  title: string;
  message: LocalizedMessage;
}

function entry(status: number, title: string, zh: string, en: string): ProblemCodeEntry {
  return { status, title, message: { zh, en } };
}

/**
 * Every problem code with its HTTP status, English title and zh/en messages. The core codes are
 * fixed by docs/design.md; the others are for situations a platform or the mock also meets.
 *
 * @example
 * ```ts
 * import { PROBLEM_CODES } from '@gdx/protocol';
 * PROBLEM_CODES.ILLEGAL_TRANSITION.status; // 409
 * PROBLEM_CODES.ILLEGAL_TRANSITION.message.zh; // '当前状态不允许该操作'
 * ```
 */
export const PROBLEM_CODES = {
  VALIDATION_FAILED: entry(400, 'Request validation failed', '请求参数校验失败', 'Request validation failed'),
  INVALID_CURSOR: entry(400, 'Invalid paging cursor', '分页游标无效或已过期', 'The paging cursor is invalid or expired'),
  IDEMPOTENCY_KEY_INVALID: entry(400, 'Invalid idempotency key', '幂等键格式错误（须为 1–255 个可见 ASCII 字符）', 'The idempotency key must be 1–255 visible ASCII characters'),
  SIGNATURE_MISSING: entry(401, 'Signature missing', '缺少签名或签名相关请求头', 'The request is not signed or a signing header is missing'),
  APP_KEY_UNKNOWN: entry(401, 'Unknown app key', '应用标识（AppKey）不存在', 'The app key is unknown'),
  SIGNATURE_INVALID: entry(401, 'Signature invalid', '签名或内容摘要校验失败', 'The signature or content digest is invalid'),
  TIMESTAMP_OUT_OF_WINDOW: entry(401, 'Timestamp out of window', '请求时间戳超出允许范围（±5 分钟）', 'The request timestamp is outside the allowed window (±5 minutes)'),
  NONCE_REPLAYED: entry(401, 'Nonce replayed', '随机数（Nonce）已被使用，疑似重放请求', 'The nonce was already used (possible replay)'),
  SIM_TOKEN_REQUIRED: entry(401, 'Simulation token required', '模拟接口须携带有效的访问令牌（Bearer）', 'The simulation API needs a valid bearer token'),
  ORIGIN_NOT_ALLOWED: entry(403, 'Origin not allowed', '该来源（Origin）不在允许列表中', 'This origin is not allowed to call the simulation API'),
  FORBIDDEN: entry(403, 'Forbidden', '无权访问该资源', 'You are not allowed to access this resource'),
  NOT_FOUND: entry(404, 'Not found', '资源不存在', 'Resource not found'),
  REQUEST_NOT_FOUND: entry(404, 'Request not found', '请求日志中没有该请求（未被记录，或已因容量上限被移出）', 'The request journal has no such request (never journaled, or evicted by its bound)'),
  METHOD_NOT_ALLOWED: entry(405, 'Method not allowed', '不支持该请求方法', 'The method is not allowed for this resource'),
  ILLEGAL_TRANSITION: entry(409, 'Illegal state transition', '当前状态不允许该操作', 'The operation is not allowed in the current state'),
  OBJECTION_WINDOW_CLOSED: entry(409, 'Objection window closed', '公示期已结束，不再受理异议', 'The public notice period has ended; objections are no longer accepted'),
  RENEWAL_WINDOW_NOT_OPEN: entry(409, 'Renewal window not open', '未到续期申请期限（期满前 60 日内）', 'Renewal is only possible within 60 days before expiry'),
  CONFLICT: entry(409, 'Conflict', '请求与资源当前状态冲突', 'The request conflicts with the current state of the resource'),
  SANDBOX_QUOTA_EXCEEDED: entry(409, 'Sandbox quota exceeded', '沙箱已达配额上限，请删除或重置沙箱后重试', 'The sandbox has reached a quota; delete or reset it to make room'),
  PAYLOAD_TOO_LARGE: entry(413, 'Payload too large', '请求体过大', 'The request body is too large'),
  URI_TOO_LONG: entry(414, 'URI too long', '请求地址过长', 'The request URI is too long'),
  UNSUPPORTED_MEDIA_TYPE: entry(415, 'Unsupported media type', '不支持的请求内容类型', 'The request content type is not supported'),
  HOST_NOT_ALLOWED: entry(421, 'Host not allowed', '请求的主机名（Host）不在允许列表中', 'The Host header names a host this server does not answer for'),
  IDEMPOTENCY_KEY_REUSED: entry(422, 'Idempotency key reused', '幂等键已用于内容不同的请求', 'The idempotency key was already used with a different request body'),
  CONDITION_NOT_MET: entry(422, 'Sharing condition not met', '有条件共享资源须说明其列明的共享条件之一', "A conditional resource needs one of the sharing conditions it lists"),
  NOT_SHAREABLE: entry(422, 'Not shareable', '该数据属于不予共享类，依法不予共享', 'The data is classified as not shareable under the cited legal basis'),
  NOT_OPEN: entry(422, 'Not open', '该数据不予开放', 'The data is not open'),
  CALENDAR_NOT_PUBLISHED: entry(422, 'Calendar not published', '所涉年度的节假日安排尚未公布，无法计算工作日期限', 'The holiday schedule of a year needed for the working-day deadline is not published'),
  RATE_LIMITED: entry(429, 'Too many requests', '请求过于频繁，请稍后重试', 'Too many requests; retry later'),
  HEADERS_TOO_LARGE: entry(431, 'Request headers too large', '请求头过大', 'The request headers are too large'),
  INTERNAL: entry(500, 'Internal error', '平台内部错误', 'Internal platform error'),
  SERVICE_UNAVAILABLE: entry(503, 'Service unavailable', '服务暂不可用，请稍后重试', 'The service is temporarily unavailable; retry later'),
  STORAGE_UNAVAILABLE: entry(503, 'Storage unavailable', '存储暂不可用，写入未生效；读取仍可用，请稍后重试', 'Storage is unavailable: the write changed nothing; reads still work; retry later'),
} as const satisfies Record<string, ProblemCodeEntry>;

/**
 * A code of the catalogue.
 *
 * @example
 * ```ts
 * const code: ProblemCode = 'NOT_SHAREABLE';
 * ```
 */
export type ProblemCode = keyof typeof PROBLEM_CODES;

/**
 * Type guard for a catalogue code.
 *
 * @example
 * ```ts
 * isProblemCode('NOT_FOUND'); // true
 * isProblemCode('toString'); // false
 * ```
 */
export function isProblemCode(value: unknown): value is ProblemCode {
  return typeof value === 'string' && Object.hasOwn(PROBLEM_CODES, value);
}
