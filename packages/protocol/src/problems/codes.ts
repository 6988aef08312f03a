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
  REQUEST_TIMEOUT: entry(408, 'Request timeout', '请求未在时限内完整送达，未被处理，连接已关闭；请重新发送', 'The request did not arrive in full in the time allowed: it was not run and the connection is closed; send it again'),
  ILLEGAL_TRANSITION: entry(409, 'Illegal state transition', '当前状态不允许该操作', 'The operation is not allowed in the current state'),
  OBJECTION_WINDOW_CLOSED: entry(409, 'Objection window closed', '公示期已结束，不再受理异议', 'The public notice period has ended; objections are no longer accepted'),
  RENEWAL_WINDOW_NOT_OPEN: entry(409, 'Renewal window not open', '未到续期申请期限（期满前 60 日内）', 'Renewal is only possible within 60 days before expiry'),
  // 223号 第十条: one cancellation of a registration at a time; the first decides it.
  CANCELLATION_PENDING: entry(409, 'Cancellation pending', '该登记结果已有办理中的注销申请，须待其办结', 'A cancellation application of this registration is already pending'),
  CONFLICT: entry(409, 'Conflict', '请求与资源当前状态冲突', 'The request conflicts with the current state of the resource'),
  // 厦门 第二十二条: only a 不予开放 resource is reclassified, and only on a stated ground.
  // 内政办发〔2023〕32号 二(三) 退回纠正: a returned catalog entry goes back to review only once corrected.
  RETURNED_UNCHANGED: entry(409, 'Returned entry unchanged', '被退回的目录须按退回理由纠正后方可重新提交，当前内容与退回时相同', 'A returned entry is resubmitted only once corrected as the return\'s reasons ask: its content is the same as when it was returned'),
  NOT_RECLASSIFIABLE: entry(409, 'Not reclassifiable', '只有不予开放的资源可以重新分类为普遍开放或依申请开放', 'Only a not_open resource can be reclassified to open or on_application'),
  SANDBOX_QUOTA_EXCEEDED: entry(409, 'Sandbox quota exceeded', '沙箱已达配额上限，请删除或重置沙箱后重试', 'The sandbox has reached a quota; delete or reset it to make room'),
  SANDBOX_DELETED: entry(409, 'Sandbox deleted', '该幂等键所创建的沙箱已被删除，创建新沙箱须使用新的幂等键', 'The sandbox this idempotency key created was deleted; a new sandbox needs a new key'),
  SANDBOX_LIMIT_REACHED: entry(409, 'Sandbox limit reached', '沙箱数量已达服务上限，请删除不再使用的沙箱后重试', 'The server holds as many sandboxes as it allows; delete one you no longer use'),
  WEBHOOK_LIMIT_REACHED: entry(409, 'Webhook limit reached', '该沙箱的回调订阅数量已达上限，请删除不再使用的订阅后重试', 'The sandbox holds as many webhooks as it allows; delete one you no longer use'),
  PRECONDITION_FAILED: entry(412, 'Precondition failed', '请求的前提条件（If-Match 或 If-Unmodified-Since）不成立：资源已不是客户端所指的版本', 'A precondition (If-Match or If-Unmodified-Since) failed: the resource is no longer the version the client names'),
  PAYLOAD_TOO_LARGE: entry(413, 'Payload too large', '请求体过大', 'The request body is too large'),
  URI_TOO_LONG: entry(414, 'URI too long', '请求地址过长', 'The request URI is too long'),
  UNSUPPORTED_MEDIA_TYPE: entry(415, 'Unsupported media type', '不支持的请求内容类型', 'The request content type is not supported'),
  RANGE_NOT_SATISFIABLE: entry(416, 'Range not satisfiable', '请求的字节范围不在文件之内', 'The requested byte range lies outside the file'),
  EXPECTATION_FAILED: entry(417, 'Expectation failed', '服务端不支持该 Expect 请求头的期望（仅支持 100-continue），请求未被处理', 'The server cannot meet the Expect header (it supports only 100-continue): the request was not run'),
  HOST_NOT_ALLOWED: entry(421, 'Host not allowed', '请求的主机名（Host）不在允许列表中', 'The Host header names a host this server does not answer for'),
  IDEMPOTENCY_KEY_REUSED: entry(422, 'Idempotency key reused', '幂等键已用于不同的请求（请求体或目标不同）', 'The idempotency key was already used for a different request (another body or target)'),
  CONDITION_NOT_MET: entry(422, 'Sharing condition not met', '有条件共享资源须说明其列明的共享条件之一', "A conditional resource needs one of the sharing conditions it lists"),
  NOT_SHAREABLE: entry(422, 'Not shareable', '该数据属于不予共享类，依法不予共享', 'The data is classified as not shareable under the cited legal basis'),
  NOT_OPEN: entry(422, 'Not open', '该数据不予开放', 'The data is not open'),
  RECLASSIFICATION_REQUIRED: entry(422, 'Reclassification required', '不予开放的资源须经重新分类（说明脱敏处理或权利人明示同意）方可开放', 'A not_open resource opens only through a reclassification that states its ground (desensitisation or the right holder\'s consent)'),
  // Sharing and open data: a grant is valid only within the requested period of use (厦门 第二十六条: use as declared).
  PERIOD_ENDED: entry(422, 'Period of use ended', '申请的使用期限已届满，不能再予同意或交付', 'The period of use has ended; nothing can be granted or delivered for it any more'),
  CALENDAR_NOT_PUBLISHED: entry(422, 'Calendar not published', '所涉年度的节假日安排尚未公布，无法计算期限', 'The holiday schedule of a year a deadline reaches is not published'),
  // Authorized operation (发改数据规〔2025〕27号, 发改价格〔2025〕65号, 内政数字〔2024〕101号).
  TENDER_PERIOD_RUNNING: entry(409, 'Tender period running', '招标文件发出之日起至投标截止不少于 20 日，期间不得确定运营机构', 'A tender cannot select an operator before its 20 calendar days have passed'),
  SELECTION_METHOD_NOT_ALLOWED: entry(422, 'Selection method not allowed', '本地规则不采用该运营机构选择方式', 'The profile does not use this selection method'),
  PLAN_REQUIRED: entry(422, 'Plan required', '本地规则要求依据已批准的实施方案选择运营机构', 'The profile selects operators only for an approved implementation plan'),
  TERM_EXCEEDS_CAP: entry(422, 'Term exceeds cap', '授权运营期限超过 5 年上限', 'The authorized-operation term exceeds the 5-year cap'),
  TERM_JUSTIFICATION_REQUIRED: entry(422, 'Term justification required', '授权运营期限超过 5 年的，须说明理由', 'A term over the 5-year cap needs a justification'),
  NOT_IN_CATALOG: entry(422, 'Not in catalog', '授权范围内的数据须为已发布的目录', 'A scope item must be a published catalog entry'),
  CONSENT_REQUIRED: entry(422, 'Provider consent required', '通过共享获得的数据须经提供单位同意方可纳入授权运营范围', 'Data obtained by sharing needs the provider\'s consent before it enters the scope'),
  OUT_OF_SCOPE: entry(422, 'Out of scope', '所用数据不在授权运营范围内', 'The data is not in the authorization\'s scope'),
  REDEVELOPMENT_FORBIDDEN: entry(422, 'Re-development forbidden', '运营机构不得对其已交付的产品再开发', 'An operator may not re-develop a product it delivered'),
  FEE_ON_PUBLIC_GOOD: entry(422, 'Fee on public-good product', '公共治理、公益事业类产品和服务不得收费', 'Public-good products and services are free'),
  CEILING_NOT_SET: entry(422, 'Ceiling not set', '授权主体尚未确定该产品的最高收费标准', 'The grantor has not set a ceiling fee for this product'),
  FEE_ABOVE_CEILING: entry(422, 'Fee above ceiling', '实际收费超过最高收费标准', 'The actual fee exceeds the ceiling fee'),
  OPERATING_YEAR_INCOMPLETE: entry(422, 'Operating year incomplete', '运营未满一个完整年度，收费仍为试行', 'Fees stay trial until a complete operating year has passed'),
  YEAR_NOT_ENDED: entry(422, 'Year not ended', '报告年度尚未结束，年度结束后方可报送该年度报告', 'The report on a year can be filed only once the year has ended'),
  YEAR_OUTSIDE_TERM: entry(422, 'Year outside term', '报告年度不在授权运营期限内', 'The year lies outside the authorization\'s term'),
  RATE_ABOVE_CAP: entry(422, 'Rate above cap', '合理收益率超过上限（国债收益率加 6 个百分点）', 'The rate of return exceeds the cap (bond yield + 6 percentage points)'),
  CARRY_OVER_EXCEEDS_MAR: entry(422, 'Carry-over exceeds MAR', '上一周期超收扣减额超过本周期准许收入', 'The carry-over deduction exceeds C + C × r + T'),
  MAR_NOT_SET: entry(422, 'MAR not set', '尚未核定该年度最高准许收入', 'No maximum allowed revenue is set for the year'),
  CEILING_LOAD_EXCEEDS_MAR: entry(422, 'Ceilings exceed MAR', '各产品最高收费标准与计划量之积的合计超过最高准许收入', 'The sum of ceiling × planned volume exceeds the maximum allowed revenue'),
  RATE_LIMITED: entry(429, 'Too many requests', '请求过于频繁，请稍后重试', 'Too many requests; retry later'),
  HEADERS_TOO_LARGE: entry(431, 'Request headers too large', '请求头过大', 'The request headers are too large'),
  INTERNAL: entry(500, 'Internal error', '平台内部错误', 'Internal platform error'),
  SERVICE_UNAVAILABLE: entry(503, 'Service unavailable', '服务暂不可用，请稍后重试', 'The service is temporarily unavailable; retry later'),
  CONNECTION_LIMIT_REACHED: entry(503, 'Connection limit reached', '服务端连接数已达上限，该请求未被处理；请关闭空闲连接或稍后重试', 'The server has as many connections open as it allows: the request was not read; close idle connections or retry later'),
  SHUTTING_DOWN: entry(503, 'Shutting down', '服务正在停止，该请求未被处理；请稍后重试或改用其他实例', 'The server is shutting down: the request was not run; retry later or on another instance'),
  STORAGE_UNAVAILABLE: entry(503, 'Storage unavailable', '存储暂不可用，写入未生效；读取仍可用，请稍后重试', 'Storage is unavailable: the write changed nothing; reads still work; retry later'),
  INSUFFICIENT_MEMORY: entry(503, 'Insufficient memory', '服务内存将尽，写入未生效；读取、删除与重置仍可用，请删除或重置沙箱后重试', 'The server is nearly out of memory: the write changed nothing; reads, deletions and resets still work; delete or reset sandboxes, then retry'),
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
