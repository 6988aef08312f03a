import type { ApplicationSubmission, Dataset } from '@gdx/open-data';

/** Who applies: an organisation identified by its unified social credit code. */
export interface Applicant {
  creditCode: string;
  name: string;
}

/**
 * What the applicant writes for each opening condition (第二十四条) a dataset may state.
 *
 * @example
 * ```ts
 * CONDITION_EVIDENCE.usage_feedback; // '承诺在产品中注明数据来源…'
 * ```
 */
export const CONDITION_EVIDENCE: Readonly<Record<ApplicationSubmission['conditionEvidence'][number]['condition'], string>> = {
  scenario_list: '申请场景为“中小企业融资信用评估”，属于数据集允许的应用场景，不涉及名单禁止的营销用途。',
  usage_feedback: '承诺在产品中注明数据来源“厦门市公共数据开放平台”，接受抽查，并每 90 日提交数据利用报告。',
  technical_capability: '具备等保三级机房与专职数据安全团队（12 人），数据在隔离环境中加工。',
  credit_status: '本单位未被列入失信被执行人名单、经营异常名录或严重违法失信名单（附信用报告）。',
};

const CREDIT_REPORT = { name: '公共信用信息报告.pdf', mediaType: 'application/pdf', digest: `sha256:${'c1'.repeat(32)}`, size: 184_320 };

/**
 * A delivery method the dataset offers (its `distributions`): the API when it has one, else its
 * files. The platform refuses another with `DELIVERY_METHOD_UNAVAILABLE`.
 *
 * @example
 * ```ts
 * offeredDeliveryMethod(dataset); // 'api'
 * ```
 */
export function offeredDeliveryMethod(dataset: Dataset): 'api' | 'file' {
  return dataset.distributions.some((d) => d.format === 'api') ? 'api' : 'file';
}

/**
 * The application of 第二十三条 for one `on_application` dataset: scenario, data scope, a delivery
 * method the dataset offers, period of use, security measures and evidence for **each** opening condition the
 * dataset states (the platform refuses an application missing one with `CONDITION_EVIDENCE_MISSING`).
 *
 * @example
 * ```ts
 * const app = await client.applications.submit(applicationFor(applicant, dataset, { from: '2025-10-16', to: '2026-10-15' }));
 * ```
 */
export function applicationFor(applicant: Applicant, dataset: Dataset, periodOfUse: { from: string; to: string }): ApplicationSubmission {
  return {
    applicant: { kind: 'organization', creditCode: applicant.creditCode, name: applicant.name },
    datasetIds: [dataset.id],
    scenario: { name: '中小企业融资信用评估', description: '结合公共信用信息为银行提供中小企业融资前的信用评估报告，不向第三方提供原始数据。' },
    dataScope: `${dataset.title}：全市范围，按季度汇总的字段，不含个人信息。`,
    deliveryMethod: offeredDeliveryMethod(dataset),
    periodOfUse,
    securityMeasures: '等保三级环境；接口调用按账号留痕；数据加密存储，到期后 30 日内删除。',
    conditionEvidence: dataset.conditions.map(({ kind }) => ({
      condition: kind,
      text: CONDITION_EVIDENCE[kind],
      ...(kind === 'credit_status' ? { attachments: [CREDIT_REPORT] } : {}),
    })),
  };
}
