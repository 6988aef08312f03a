import type { ErrorObject } from 'ajv/dist/2020.js';
import { ajvLocalizeZh } from '#lazy-dependencies';
import type { LocalizedMessage } from '@gdx/protocol';
import { ONE_OF_FIELDS } from './one-of-branches.js';

/** Field error codes by JSON Schema keyword, with their zh/en messages. */
const BY_KEYWORD: Record<string, { code: string; message: LocalizedMessage }> = {
  required: { code: 'REQUIRED', message: { zh: '缺少必填字段', en: 'A required field is missing' } },
  type: { code: 'TYPE', message: { zh: '字段类型错误', en: 'The field has the wrong type' } },
  format: { code: 'FORMAT', message: { zh: '字段格式错误', en: 'The field has the wrong format' } },
  enum: { code: 'ENUM', message: { zh: '取值不在允许范围内', en: 'The value is not one of the allowed values' } },
  const: { code: 'ENUM', message: { zh: '取值不在允许范围内', en: 'The value is not the allowed value' } },
  pattern: { code: 'PATTERN', message: { zh: '字段格式不符合要求', en: 'The value does not match the required pattern' } },
  minLength: { code: 'LENGTH', message: { zh: '字段长度过短', en: 'The value is too short' } },
  maxLength: { code: 'LENGTH', message: { zh: '字段长度过长', en: 'The value is too long' } },
  minimum: { code: 'RANGE', message: { zh: '数值过小', en: 'The number is too small' } },
  exclusiveMinimum: { code: 'RANGE', message: { zh: '数值过小', en: 'The number is too small' } },
  maximum: { code: 'RANGE', message: { zh: '数值过大', en: 'The number is too large' } },
  exclusiveMaximum: { code: 'RANGE', message: { zh: '数值过大', en: 'The number is too large' } },
  minItems: { code: 'ITEMS', message: { zh: '数组元素过少', en: 'Too few items' } },
  maxItems: { code: 'ITEMS', message: { zh: '数组元素过多', en: 'Too many items' } },
  uniqueItems: { code: 'ITEMS', message: { zh: '数组元素重复', en: 'Items must be unique' } },
  minProperties: { code: 'REQUIRED', message: { zh: '对象字段过少', en: 'Too few fields' } },
  maxProperties: { code: 'UNKNOWN_FIELD', message: { zh: '对象字段过多', en: 'Too many fields' } },
  additionalProperties: { code: 'UNKNOWN_FIELD', message: { zh: '不允许的字段', en: 'This field is not allowed' } },
  unevaluatedProperties: { code: 'UNKNOWN_FIELD', message: { zh: '不允许的字段', en: 'This field is not allowed' } },
  dependentRequired: { code: 'REQUIRED', message: { zh: '缺少必填字段', en: 'A required field is missing' } },
};

const FALLBACK = { code: 'INVALID', message: { zh: '字段取值无效', en: 'The value is invalid' } };

/** Field errors found while reading the body (missing, not JSON, or JSON no schema accepts). */
export const BODY_ERRORS = {
  /** No body where the operation requires one (the generic "required field" message would name no field). */
  missing: { code: 'REQUIRED', message: { zh: '缺少请求体：该接口须发送 JSON 请求体', en: 'The request body is missing: this operation takes a JSON body' } },
  malformed: { code: 'MALFORMED_JSON', message: { zh: '请求体不是合法的 JSON', en: 'The request body is not valid JSON' } },
  /** A JSON number too large for a double (`1e309` parses to Infinity). */
  notFinite: { code: 'RANGE', message: { zh: '数值超出可表示范围（须为有限数）', en: 'The number is out of range (it must be finite)' } },
  /** A key named after an `Object.prototype` member (`__proto__`, `constructor`, `toString`, …). */
  prototypeKey: { code: 'UNKNOWN_FIELD', message: { zh: '不允许的字段（字段名为保留名）', en: 'This field is not allowed (the name is reserved)' } },
  /** Bytes that are not UTF-8 (JSON is UTF-8, RFC 8259). */
  notUtf8: { code: 'INVALID_ENCODING', message: { zh: '请求体不是合法的 UTF-8 编码（JSON 须为 UTF-8，RFC 8259）', en: 'The request body is not valid UTF-8 (JSON must be UTF-8, RFC 8259)' } },
  /** A key or string with half of a surrogate pair (`"\ud800"`). */
  loneSurrogate: {
    code: 'INVALID_TEXT',
    message: { zh: '文本含有不成对的代理项（如 \\ud800），不是合法的 Unicode，无法以 UTF-8 编码', en: 'The text holds a lone surrogate (such as \\ud800): it is not valid Unicode and cannot be encoded as UTF-8' },
  },
  /** A key or string with a NUL character (`"\u0000"`). */
  nul: { code: 'INVALID_TEXT', message: { zh: '文本含有 NUL 字符（\\u0000），不允许', en: 'The text holds a NUL character (\\u0000), which is not allowed' } },
} as const;

/** Formats with a domain-specific error code (checked by `@gdx/identifiers`). */
export const FORMAT_ERRORS: Record<string, { code: string; message: LocalizedMessage }> = {
  'credit-code': { code: 'CREDIT_CODE_CHECKSUM', message: { zh: '统一社会信用代码校验位错误', en: 'Unified social credit code check character is wrong' } },
  'resident-id': { code: 'RESIDENT_ID_CHECKSUM', message: { zh: '公民身份号码校验码错误', en: 'Resident ID number check digit is wrong' } },
};

/**
 * The field error code and zh/en message for a failed JSON Schema keyword.
 *
 * @example
 * ```ts
 * messageForKeyword('required').code; // 'REQUIRED'
 * ```
 */
export function messageForKeyword(keyword: string, format?: string): { code: string; message: LocalizedMessage } {
  if (keyword === 'format' && format !== undefined && FORMAT_ERRORS[format]) return FORMAT_ERRORS[format];
  return BY_KEYWORD[keyword] ?? FALLBACK;
}

/** ajv's own words for one failed keyword: English from ajv, Chinese from ajv-i18n. */
function ajvWords(error: ErrorObject): LocalizedMessage {
  const zh = { ...error };
  ajvLocalizeZh()([zh]);
  return { en: error.message ?? '', zh: zh.message ?? '' };
}

function exampleOf(schema: unknown): unknown {
  const s = schema as { examples?: unknown[]; example?: unknown } | undefined;
  return Array.isArray(s?.examples) ? s.examples[0] : s?.example;
}

/** What a pattern asks for, in words: the contracts' `+08:00` instants, else the pattern and an example. */
function explainPattern(pattern: string, example: unknown): LocalizedMessage {
  if (pattern.endsWith('\\+08:00$')) {
    return {
      en: 'only RFC 3339 instants with the offset +08:00 (Asia/Shanghai) are accepted, e.g. 2025-09-26T10:00:00+08:00; not Z or another offset',
      zh: '仅接受带 +08:00 偏移（北京时间）的 RFC 3339 时间，例如 2025-09-26T10:00:00+08:00；不接受 Z 或其他偏移',
    };
  }
  const e = typeof example === 'string' ? example : undefined;
  return {
    en: `must match the pattern ${pattern}${e ? `, e.g. ${e}` : ''}`,
    zh: `须符合模式 ${pattern}${e ? `，例如 ${e}` : ''}`,
  };
}

/** The details worth adding to a keyword's message: allowed values, what a pattern means, ajv's limits. */
function detailOf(error: ErrorObject): LocalizedMessage | undefined {
  const params = error.params as { allowedValues?: unknown[]; allowedValue?: unknown; pattern?: string };
  switch (error.keyword) {
    case 'enum':
    case 'const': {
      const values = (params.allowedValues ?? [params.allowedValue]).map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
      return { en: values.join(', '), zh: values.join('、') };
    }
    case 'pattern':
      return explainPattern(params.pattern ?? '', exampleOf(error.parentSchema));
    case 'dependentRequired': {
      const { property } = error.params as { property: string };
      return { en: `required when ${property} is present`, zh: `提供 ${property} 时必填` };
    }
    case 'type':
    case 'format':
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
    case 'minLength':
    case 'maxLength':
    case 'minItems':
    case 'maxItems':
      return ajvWords(error);
    default:
      return undefined;
  }
}

/**
 * The field error code and a zh/en message for one ajv error, with what the client needs to fix
 * it: the allowed values of an enum, what a pattern means (only `+08:00` instants), the limit
 * that was crossed. The keyword's code is the same as {@link messageForKeyword}'s.
 *
 * @example
 * ```ts
 * describeFieldError(error).message.en; // 'The value is not one of the allowed values: accept, request_supplements, …'
 * ```
 */
export function describeFieldError(error: ErrorObject): { code: string; message: LocalizedMessage } {
  if (error.keyword === ONE_OF_FIELDS) return oneOfFields(error.params as { fields: string[]; present: string[] });
  const described = describeValue(error);
  // A `propertyNames` check judged the member's name, not its value.
  if (error.propertyName === undefined) return described;
  const { en, zh } = described.message;
  return { code: described.code, message: { en: `The field name ${JSON.stringify(error.propertyName)} is not allowed: ${en.charAt(0).toLowerCase()}${en.slice(1)}`, zh: `字段名 ${JSON.stringify(error.propertyName)} 不符合要求：${zh}` } };
}

/** None or several of the fields of which exactly one is required. */
function oneOfFields({ fields, present }: { fields: string[]; present: string[] }): { code: string; message: LocalizedMessage } {
  if (present.length === 0) return { code: 'REQUIRED', message: { en: `One of these fields is required: ${fields.join(', ')}`, zh: `须提供以下字段之一：${fields.join('、')}` } };
  return {
    code: 'ONE_OF',
    message: {
      en: `Exactly one of these fields is allowed: ${fields.join(', ')} (got ${present.join(', ')})`,
      zh: `以下字段只能提供其中之一：${fields.join('、')}（收到 ${present.join('、')}）`,
    },
  };
}

function describeValue(error: ErrorObject): { code: string; message: LocalizedMessage } {
  const format = (error.params as { format?: string }).format;
  const base = messageForKeyword(error.keyword, format);
  // A domain format's message already says what is wrong (the check character).
  if (error.keyword === 'format' && format !== undefined && FORMAT_ERRORS[format]) return base;
  const detail = detailOf(error);
  if (!detail) return base;
  return { code: base.code, message: { en: `${base.message.en}: ${detail.en}`, zh: `${base.message.zh}：${detail.zh}` } };
}
