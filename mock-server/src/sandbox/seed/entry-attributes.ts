import { OPENING_CONDITION_LABELS, SHARING_CONDITION_LABELS } from './labels.js';
import type { Rng } from './prng.js';
import type {
  DataGrade,
  DataItem,
  DeliveryMethod,
  OpeningAttribute,
  OpeningCondition,
  SharingAttribute,
  SharingCondition,
  SharingType,
  UpdateCycle,
} from './types.js';

/** Legal bases a provider cites for 暂不共享 / 不予开放 (厦门 第十八条 asks for one). */
const LEGAL_BASES = [
  '《中华人民共和国个人信息保护法》第十三条',
  '《中华人民共和国数据安全法》第二十一条',
  '《中华人民共和国统计法》第九条',
  '《中华人民共和国保守国家秘密法》第九条',
];

const CONDITION_TYPES = Object.keys(SHARING_CONDITION_LABELS) as SharingCondition[];
const OPENING_CONDITION_TYPES = Object.keys(OPENING_CONDITION_LABELS) as OpeningCondition[];

/**
 * Draws a sharing attribute. The overall mix is about 60 % unconditional, 30 % conditional and
 * 10 % not shared (厦门 第十五条: sharing is the rule); resources with sensitive items lean to
 * conditional.
 *
 * @example
 * ```ts
 * drawSharing(createRng('s'), false, 'daily').type; // 'unconditional' | 'conditional' | 'not_shared'
 * ```
 */
export function drawSharing(rng: Rng, sensitive: boolean, cycle: UpdateCycle): SharingAttribute {
  const type = rng.weighted<SharingType>(
    sensitive ? [['unconditional', 45], ['conditional', 42], ['not_shared', 13]] : [['unconditional', 72], ['conditional', 20], ['not_shared', 8]],
  );
  if (type === 'not_shared') return { type, conditions: [], legalBasis: rng.pick(LEGAL_BASES), deliveryMethods: [] };
  const methods: DeliveryMethod[] = cycle === 'real_time' ? ['api', 'stream', 'db_table'] : ['api', 'file', 'db_table'];
  const deliveryMethods = rng.sample(methods, rng.int(1, 3));
  const conditions = type === 'conditional' ? rng.sample(CONDITION_TYPES, rng.int(1, 2)) : [];
  return { type, conditions, deliveryMethods };
}

/**
 * Draws an opening attribute consistent with the sharing one: what is not shared between
 * agencies is not opened to society; sensitive resources open only on application or not at all.
 *
 * @example
 * ```ts
 * drawOpening(createRng('s'), sharing, false).type; // 'open' | 'on_application' | 'not_open'
 * ```
 */
export function drawOpening(rng: Rng, sharing: SharingAttribute, sensitive: boolean): OpeningAttribute {
  if (sharing.type === 'not_shared') return { type: 'not_open', conditions: [], legalBasis: sharing.legalBasis ?? rng.pick(LEGAL_BASES) };
  const type = rng.weighted<OpeningAttribute['type']>(
    sensitive ? [['on_application', 45], ['not_open', 55]] : [['open', 55], ['on_application', 27], ['not_open', 18]],
  );
  if (type === 'not_open') return { type, conditions: [], legalBasis: rng.pick(LEGAL_BASES) };
  const conditions = type === 'on_application' ? rng.sample(OPENING_CONDITION_TYPES, rng.int(1, 3)) : [];
  return { type, conditions };
}

/**
 * Draws a data grade (数据分级); sensitive resources are more often important or core.
 *
 * @example
 * ```ts
 * drawGrade(createRng('s'), true); // 'general' | 'important' | 'core'
 * ```
 */
export function drawGrade(rng: Rng, sensitive: boolean): DataGrade {
  return rng.weighted<DataGrade>(sensitive ? [['general', 45], ['important', 45], ['core', 10]] : [['general', 85], ['important', 13], ['core', 2]]);
}

/**
 * Desensitised sample rows (样例数据) for a resource's items: sensitive values are masked.
 *
 * @example
 * ```ts
 * sampleRows(createRng('s'), parseItems('姓名:string:50:s'), 1); // [{ 姓名: '***' }]
 * ```
 */
export function sampleRows(rng: Rng, items: DataItem[], count: number): Record<string, string | number | boolean | null>[] {
  const rows: Record<string, string | number | boolean | null>[] = [];
  for (let r = 0; r < count; r += 1) {
    const row: Record<string, string | number | boolean | null> = {};
    for (const item of items) {
      if (item.sensitive) row[item.name] = '***';
      else if (item.dataType === 'integer') row[item.name] = rng.int(1, 5000);
      else if (item.dataType === 'number') row[item.name] = Math.round(rng.next() * 1_000_000) / 100;
      else if (item.dataType === 'date') row[item.name] = `2024-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
      else if (item.dataType === 'datetime') row[item.name] = `2024-0${rng.int(1, 9)}-1${rng.int(0, 9)}T0${rng.int(0, 9)}:00:00+08:00`;
      else if (item.dataType === 'boolean') row[item.name] = rng.chance(0.5);
      else if (item.dataType === 'binary') row[item.name] = null;
      else row[item.name] = `${item.name}样例${r + 1}`;
    }
    rows.push(row);
  }
  return rows;
}
