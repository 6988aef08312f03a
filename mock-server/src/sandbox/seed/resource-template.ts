import type { DataItem, DataItemType, UpdateCycle } from './types.js';

/**
 * A template for catalog resources: one real-world resource (e.g. 人口基础信息) with its domain,
 * classification, authoritative provider and data items. Entries are drawn from templates.
 */
export interface ResourceTemplate {
  domain: string;
  categoryCode: '1' | '2' | '3';
  itemCode: string;
  provider: string;
  system: string;
  name: string;
  summary: string;
  /** `名称:类型[:长度][:s]` joined by `|`; `s` marks a sensitive item. */
  items: string;
  cycle: UpdateCycle;
  formats?: string[];
}

export const CATEGORY_NAMES = { '1': '基础信息资源', '2': '主题信息资源', '3': '部门信息资源' } as const;

const TYPES: ReadonlySet<string> = new Set(['string', 'integer', 'number', 'date', 'datetime', 'boolean', 'binary']);

/**
 * Parses a template's compact item list.
 *
 * @example
 * ```ts
 * parseItems('姓名:string:50:s|出生日期:date'); // [{ name: '姓名', dataType: 'string', length: 50, sensitive: true, ... }, ...]
 * ```
 */
export function parseItems(spec: string): DataItem[] {
  let parsed = PARSED_ITEMS.get(spec);
  if (parsed === undefined) PARSED_ITEMS.set(spec, (parsed = parseItemList(spec)));
  // Each entry gets items of its own (a sandbox may change them); the items are flat.
  return parsed.map((item) => ({ ...item }));
}

/**
 * Item lists by template spec: a sandbox seeds 300 entries from ~150 templates, and parsing the
 * same specs (the templates' own, a fixed set) again for every sandbox was ~7 % of creating one.
 */
const PARSED_ITEMS = new Map<string, readonly DataItem[]>();

function parseItemList(spec: string): DataItem[] {
  return spec.split('|').map((part) => {
    const [name = '', type = 'string', ...rest] = part.split(':');
    if (!TYPES.has(type)) throw new RangeError(`unknown data item type "${type}" in "${part}"`);
    const length = rest.find((r) => /^[0-9]+$/.test(r));
    const sensitive = rest.includes('s');
    return {
      name,
      dataType: type as DataItemType,
      ...(length === undefined ? {} : { length: Number(length) }),
      description: sensitive ? `${name}（敏感信息，共享时脱敏）` : `${name}`,
      sensitive,
    };
  });
}

/** One row of a template table: provider slug, name, summary, items, cycle, formats. */
export type TemplateRow = [provider: string, name: string, summary: string, items: string, cycle: UpdateCycle, formats?: string[]];

/**
 * Expands the rows of one domain into templates.
 *
 * @example
 * ```ts
 * group('气象', '2', '12', '气象业务系统', [['meteorology', '天气预报信息', '…', '预报时间:datetime', 'daily']]);
 * ```
 */
export function group(domain: string, categoryCode: ResourceTemplate['categoryCode'], itemCode: string, system: string, rows: TemplateRow[]): ResourceTemplate[] {
  return rows.map(([provider, name, summary, items, cycle, formats]) => ({
    domain, categoryCode, itemCode, provider, system, name, summary, items, cycle, ...(formats ? { formats } : {}),
  }));
}
