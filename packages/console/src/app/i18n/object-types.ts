import type { ObjectType } from '@gdx/simulation';
import { idName } from './id-names.js';
import type { Locale } from './locale.js';

/**
 * The workflow objects' kinds in Chinese (the simulation contract's `ObjectType`). A record, so
 * that a kind added to the contract fails the typecheck until it is named here.
 */
const OBJECT_TYPE_NAMES_ZH: Record<ObjectType, string> = {
  application: '申请',
  registration: '登记',
  objection: '异议',
  request: '共享申请',
  grant: '授权',
  data_objection: '数据异议',
  quality_issue: '数据质量问题',
  demand: '数据需求',
  spot_check: '抽查',
  entry: '目录条目',
  obligation: '更新义务',
  plan: '实施方案',
  selection: '运营机构选择',
  authorization: '授权运营',
  data_access_request: '数据调用申请',
  product: '数据产品',
  annual_report: '年度报告',
};

/**
 * A workflow object's kind in the locale: its Chinese name, or its id in English.
 *
 * @example
 * ```ts
 * objectTypeName('grant', 'zh'); // '授权'
 * objectTypeName('grant', 'en'); // 'grant'
 * ```
 */
export function objectTypeName(objectType: string, locale: Locale): string {
  return idName(OBJECT_TYPE_NAMES_ZH, objectType, locale);
}
