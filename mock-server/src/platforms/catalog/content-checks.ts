import type { FieldError } from '@gdx/protocol';
import { nameKey } from '../../app/name-key.js';
import { PlatformProblem } from '../../app/platform-problem.js';
import { fieldCountDetail } from '../../app/field-count.js';
import { attributeErrors, type TypeLabels } from './attribute-consistency.js';

/** The content fields these checks read (of an entry's content, a patch or a change). */
interface ContentLike {
  name?: unknown;
  items?: unknown;
  sharing?: unknown;
  opening?: unknown;
  formats?: unknown;
}

function fieldError(pointer: string, code: string, zh: string, en: string): FieldError {
  return { pointer, code, message: { zh, en } };
}

/** A name of white space only (the schema's `minLength: 1` lets `"   "` through) names nothing. */
function blankName(name: unknown, pointer: string, zh: string, en: string): FieldError[] {
  return typeof name === 'string' && nameKey(name) === '' ? [fieldError(pointer, 'NAME_BLANK', zh, en)] : [];
}

/**
 * Each data item (信息项) is named once: a sharing request names the fields it wants by item name,
 * so two items of one name (one sensitive, one not) would make it ambiguous. Names are compared by
 * `nameKey` (trimmed, NFKC); every later occurrence is refused at its own `…/items/{i}/name`,
 * naming the first. A blank item name is refused there too.
 */
function itemNameErrors(items: unknown, pointer: string): FieldError[] {
  if (!Array.isArray(items)) return [];
  const first = new Map<string, number>();
  return items.flatMap((item: unknown, i) => {
    const name = (item as { name?: unknown } | null)?.name;
    if (typeof name !== 'string') return [];
    const at = `${pointer}/items/${i}/name`;
    const key = nameKey(name);
    if (key === '') return blankName(name, at, '信息项名称不得为空白（仅含空白字符）', 'A data item name must not be blank (white space only)');
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, i);
      return [];
    }
    return [fieldError(at, 'DUPLICATE_ITEM_NAME', `信息项名称“${name}”与第 ${earlier + 1} 个信息项重复（去除首尾空白并经 NFKC 规范化后比较）`, `The data item name “${name}” repeats item ${earlier} (${pointer}/items/${earlier}/name); names are compared trimmed and NFKC-normalised`)];
  });
}

/**
 * An opened resource can be obtained (open-data.md: a dataset offers "files or an API"; 普遍开放 is
 * "download or API with an app key"): an `open` or `on_application` entry lists a file format or
 * offers the `api` delivery method, else its open dataset would offer nothing and every application
 * would be refused for its delivery method. Read on the content as it will stand (`whole`: an edit
 * or change merged onto the entry), and only when the write sets a field it reads, so an edit of
 * other fields never fails for it; reported at `…/formats` (`OPENING_NOT_DELIVERABLE`).
 */
function deliveryErrors(fields: ContentLike, whole: ContentLike, pointer: string, labels: TypeLabels): FieldError[] {
  if (fields.opening === undefined && fields.formats === undefined && fields.sharing === undefined) return [];
  const type = (whole.opening as { type?: unknown } | undefined)?.type;
  if (type !== 'open' && type !== 'on_application') return [];
  const formats = Array.isArray(whole.formats) ? whole.formats.length : 0;
  const methods = (whole.sharing as { deliveryMethods?: unknown } | undefined)?.deliveryMethods;
  if (formats > 0 || (Array.isArray(methods) && methods.includes('api'))) return [];
  const label = labels.openingType[type];
  return [fieldError(`${pointer}/formats`, 'OPENING_NOT_DELIVERABLE', `${label}的资源须可获取：列明至少一种文件格式，或在共享方式中提供服务接口（api）`, `An ${type} resource must be obtainable: list at least one file format, or offer the api delivery method`)];
}

/**
 * Refuses content the schema lets through but the catalog cannot keep, with 400
 * `VALIDATION_FAILED` and one field error per fault under `pointer` (`''` for an entry's content
 * or patch, `/changes` for a change proposal), all reported together: a blank `name`
 * (`NAME_BLANK`), a blank or repeated data-item name (`NAME_BLANK`, `DUPLICATE_ITEM_NAME`), and
 * sharing or opening attributes that contradict their type (`attributeErrors`, in the words of the
 * profile's `labels`), and an opened resource nothing delivers (`OPENING_NOT_DELIVERABLE`, read on
 * `whole`, the content as it will stand; default `fields`). Only the fields present are checked
 * (a patch replaces them whole).
 *
 * @example
 * ```ts
 * refuseInvalidContent({ name: '   ' }, '', profile.labels);
 * // throws: 400 VALIDATION_FAILED, NAME_BLANK at /name
 * ```
 */
export function refuseInvalidContent(fields: ContentLike, pointer: string, labels: TypeLabels, whole: ContentLike = fields): void {
  const errors = [
    ...blankName(fields.name, `${pointer}/name`, '目录名称不得为空白（仅含空白字符）', 'The entry name must not be blank (white space only)'),
    ...itemNameErrors(fields.items, pointer),
    ...attributeErrors(fields, pointer, labels),
    ...deliveryErrors(fields, whole, pointer, labels),
  ];
  if (errors.length === 0) return;
  throw new PlatformProblem('VALIDATION_FAILED', { detail: `${fieldCountDetail(errors, 'refused')}: ${errors.map((e) => `${e.code} at ${e.pointer}`).join(', ')}`, errors });
}
