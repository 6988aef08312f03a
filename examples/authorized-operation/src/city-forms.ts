import type { Agreement, PlanContent, ProductContent, ScopeItem } from '@gdx/authorized-operation';

/** A published catalog entry the plan's scope names (a scope item must be one, 27号 第九条(五)). */
export interface CatalogEntryRef {
  id: string;
  name: string;
}

/** The agreed term: three years from signing, ending the day before the third anniversary. */
export interface Term {
  from: string;
  to: string;
}

/**
 * The one scope item of the story: a catalog entry collected by its holder (no sharing consent
 * needed), updated weekly, of general grade.
 *
 * @example
 * ```ts
 * scopeItem({ id: 'ent_01…', name: '公交线路信息' }).source; // 'collected'
 * ```
 */
export function scopeItem(entry: CatalogEntryRef): ScopeItem {
  return { entryId: entry.id, name: entry.name.slice(0, 200), source: 'collected', consentGrantId: null, updateCycle: 'weekly', grade: 'general' };
}

/**
 * A city's implementation plan authorizing by scenario (依场景授权, 27号 第九、十条: every section),
 * over one catalog entry, for `term`.
 *
 * @example
 * ```ts
 * await client.plans.create(cityPlan(entry, { from: '2025-11-03', to: '2028-11-02' }));
 * ```
 */
export function cityPlan(entry: CatalogEntryRef, term: Term): PlanContent {
  return {
    name: '公共交通数据授权运营实施方案',
    feasibility: '公交客流数据需求旺盛，市场规模约 2000 万元/年，风险可控。',
    operatorConditions: '具备数据安全三级等保、专业运营团队和不低于 5000 万元注册资本。',
    authorizationMode: 'by_scenario',
    scope: [scopeItem(entry)],
    term,
    construction: '依托市公共数据资源开发利用平台，原始数据不出域。',
    schedule: '2025 年四季度完成运营机构确定和协议签订。',
    evaluationCriteria: '按年度评估数据安全、服务质量和收益情况。',
    exit: '期满或终止后收回权限、删除数据、移交资产。',
    assets: '运营形成的数据产品归属按协议约定。',
    products: [
      { name: '客流热力图 API', useCategory: 'industry', productForm: 'api' },
      { name: '公交出行公益查询', useCategory: 'public_good', productForm: 'api' },
    ],
    accounting: '授权运营业务单独核算。',
    revenueSharing: '收益按协议约定分配。',
    security: '落实数据分类分级和全流程日志留存。',
    rightsDuties: '明确实施机构、运营机构的权利义务。',
    supervisionEvaluation: '数据主管部门年度评估，可委托第三方。',
  };
}

/**
 * The agreement (27号 第十四条, every section) the implementing body deliberates and signs; the
 * platform adds `signedOn` when it is signed.
 *
 * @example
 * ```ts
 * cityAgreement(entry, term).term; // { from: '2025-11-03', to: '2028-11-02' }
 * ```
 */
export function cityAgreement(entry: CatalogEntryRef, term: Term): Omit<Agreement, 'signedOn'> {
  return {
    scope: [scopeItem(entry)],
    term,
    productList: '客流热力图 API（产业发展类，收费）；公交出行公益查询（公共治理类，免费）。',
    platform: '市公共数据资源开发利用平台',
    assetOwnership: '运营形成的数据产品归运营机构，期满移交按协议处置。',
    disclosure: '按季度公开产品目录和公共数据使用情况；不得对已交付产品再开发。',
    accounting: '单独核算。',
    revenueSharing: '按协议约定。',
    security: '原始数据不出域，数据可用不可见。',
    evaluation: '年度评估，评估结果作为续期依据。',
    liability: '违约按协议承担责任。',
    disputeResolution: '协商不成的，提交仲裁委员会仲裁。',
    changeTermination: '重大变更经审议；运营机构可申请提前终止。',
  };
}

/** Planned yearly volume of the chargeable product, in services (for Σ ceiling × volume ≤ MAR). */
export const PLANNED_SERVICES = 17_880;

/**
 * The chargeable product of the story: an `industry` API charged per service (次数, 65号 三(二)).
 *
 * @example
 * ```ts
 * await operator.products.create(heatMapProduct(authorizationId, entry.id));
 * ```
 */
export function heatMapProduct(authorizationId: string, entryId: string): ProductContent {
  return {
    authorizationId,
    name: '客流热力图 API',
    summary: '按小时更新的站点客流热力数据服务，输出统计结果，原始数据不出域。',
    productForm: 'api',
    useCategory: 'industry',
    scenario: { name: '商业选址', description: '为商业网点选址提供站点客流依据' },
    scopeEntryIds: [entryId],
    chargingUnit: 'per_service',
    plannedVolume: PLANNED_SERVICES,
    basedOn: null,
  };
}
