import type { FieldError } from '@gdx/protocol';
import type { IsoDate } from '@gdx/calendar';
import { PlatformProblem } from '../../app/platform-problem.js';
import type { GrantRecord, RequestRecord } from './sharing-state.js';

/** Grant fields an official may set on delivery (simulation `GrantFields`). */
export interface GrantFields {
  deliveryMethod?: GrantRecord['deliveryMethod'];
  endpoint?: string;
  fileReference?: GrantRecord['fileReference'];
  validUntil?: string;
  credentials?: { appKey?: string };
}

/** What the contract's `Grant.endpoint` holds for each method that has one. */
const ENDPOINT_KINDS = {
  api: { zh: '服务接口（api）的接口地址须为 http:// 或 https:// 开头的绝对地址', en: 'an api grant\'s endpoint is an absolute http:// or https:// URL' },
  stream: { zh: '数据流（stream）的接入地址须为带主机名的绝对地址（如 https://、wss://、kafka://）', en: 'a stream grant\'s endpoint is an absolute URL with a host (https://, wss://, kafka://, …)' },
  db_table: { zh: '数据库表（db_table）须给出表名：字母、数字或下划线，可带库名前缀（如 share_db.share_vehicle）', en: 'a db_table grant\'s endpoint is a table name: letters, digits and underscores, optionally qualified (share_db.share_vehicle)' },
} as const;

/** A table name, optionally qualified by schema (and database): `share_vehicle`, `share_db.share_vehicle`. */
const TABLE_NAME = /^[\p{L}_][\p{L}\p{N}_$]*(?:\.[\p{L}_][\p{L}\p{N}_$]*){0,2}$/u;

/** Whether `value` is an absolute URL written out (`scheme://host…`, no white space), of `schemes` when given. */
function isAbsoluteUrl(value: string, schemes?: readonly string[]): boolean {
  if (!/^[a-z][a-z0-9+.-]*:\/\/[^\s]+$/i.test(value)) return false;
  try {
    const url = new URL(value);
    return url.hostname !== '' && (schemes === undefined || schemes.includes(url.protocol));
  } catch {
    return false;
  }
}

/** Whether `endpoint` is what the contract's `Grant.endpoint` is for `method` (none for `file`). */
function endpointFits(method: Exclude<GrantRecord['deliveryMethod'], 'file'>, endpoint: string): boolean {
  if (method === 'db_table') return TABLE_NAME.test(endpoint);
  return isAbsoluteUrl(endpoint, method === 'api' ? ['http:', 'https:'] : undefined);
}

/** The field errors of a grant's validity end: before the period of use starts, or before the delivery day. */
function validUntilErrors(validUntil: string | undefined, period: RequestRecord['submission']['periodOfUse'], today: IsoDate): FieldError[] {
  if (validUntil === undefined) return [];
  const pointer = '/grant/validUntil';
  if (validUntil < period.from) {
    return [{ pointer, code: 'PERIOD_INVALID', message: { zh: `授权有效期截止日（${validUntil}）早于使用期限起始日（${period.from}）`, en: `The grant would end on ${validUntil}, before the period of use starts (${period.from})` } }];
  }
  if (validUntil < today) {
    return [{ pointer, code: 'PERIOD_ENDED', message: { zh: `授权有效期截止日（${validUntil}）早于交付之日（${today}）`, en: `The grant would end on ${validUntil}, before the day of delivery (${today})` } }];
  }
  return [];
}

/** The field errors of where the data is delivered: an endpoint or a file reference as the request's method has. */
function deliveryErrors(method: GrantRecord['deliveryMethod'], fields: GrantFields): FieldError[] {
  const errors: FieldError[] = [];
  if (fields.endpoint !== undefined) {
    if (method === 'file') {
      errors.push({ pointer: '/grant/endpoint', code: 'FIELD_NOT_APPLICABLE', message: { zh: '文件交换（file）以文件引用（fileReference）交付，没有接口地址或表名', en: 'A file grant is delivered by its fileReference; it has no endpoint or table' } });
    } else if (!endpointFits(method, fields.endpoint)) {
      const kind = ENDPOINT_KINDS[method];
      const given = JSON.stringify(fields.endpoint);
      errors.push({ pointer: '/grant/endpoint', code: 'ENDPOINT_INVALID', message: { zh: `${kind.zh}：${given}`, en: `Not an endpoint for ${method}: ${given}; ${kind.en}` } });
    }
  }
  if (fields.fileReference !== undefined && method !== 'file') {
    errors.push({ pointer: '/grant/fileReference', code: 'FIELD_NOT_APPLICABLE', message: { zh: `文件引用仅适用于文件交换（file），本申请的提供方式为 ${method}`, en: `A file reference is a file grant's; the request is delivered by ${method}` } });
  }
  return errors;
}

/**
 * Checks the grant fields of a `deliver` action against the request (厦门 第十九、二十六条: delivered
 * as requested, used within the declared period): the method must be the one the requester chose
 * (`DELIVERY_METHOD_UNAVAILABLE` at `/grant/deliveryMethod`; the resource's methods bound that
 * choice), the validity must not end before the period of use starts (`PERIOD_INVALID`) nor before
 * the day of delivery (`PERIOD_ENDED`) at `/grant/validUntil` — a later end is cut to the period's,
 * as before — and the endpoint must be what the contract's `Grant.endpoint` is for the method (an
 * http(s) URL for `api`, an absolute URL for `stream`, a table name for `db_table`, none for `file`:
 * `ENDPOINT_INVALID` / `FIELD_NOT_APPLICABLE` at `/grant/endpoint`; a `fileReference` only for
 * `file`). Every failure is listed in one 400 `VALIDATION_FAILED`; nothing changes.
 *
 * @example
 * ```ts
 * checkGrantFields(request, { validUntil: '2025-09-01' }, ['file', 'db_table'], '2025-10-09'); // 400 PERIOD_INVALID at /grant/validUntil
 * ```
 */
export function checkGrantFields(request: RequestRecord, fields: GrantFields, offered: readonly string[] | undefined, today: IsoDate): void {
  const s = request.submission;
  const errors: FieldError[] = [];
  if (fields.deliveryMethod !== undefined && fields.deliveryMethod !== s.deliveryMethod) {
    const offers = offered ? { zh: `（该资源提供：${offered.join('、')}）`, en: ` (the resource offers ${offered.join(', ')})` } : { zh: '', en: '' };
    errors.push({
      pointer: '/grant/deliveryMethod',
      code: 'DELIVERY_METHOD_UNAVAILABLE',
      message: { zh: `申请选择的提供方式为 ${s.deliveryMethod}${offers.zh}，不能以 ${fields.deliveryMethod} 交付`, en: `The request chose ${s.deliveryMethod}${offers.en}; the grant cannot be delivered by ${fields.deliveryMethod}` },
    });
  }
  errors.push(...validUntilErrors(fields.validUntil, s.periodOfUse, today), ...deliveryErrors(s.deliveryMethod, fields));
  if (errors.length === 0) return;
  throw new PlatformProblem('VALIDATION_FAILED', { detail: errors.map((e) => `${e.pointer}: ${e.message.en}`).join('; '), errors });
}
