import type { SubmitApplicationBody } from '@gdx/registration';

const DIGEST = `sha256:${'5e'.repeat(32)}`;

/**
 * An initial registration (首次登记) of a data product, as a registrant's web form would send it.
 *
 * @example
 * ```ts
 * await client.applications.submit(sampleApplication({ creditCode: '123502131847453644', name: '厦门市第一医院' }));
 * ```
 */
export function sampleApplication(registrant: { creditCode: string; name: string }): SubmitApplicationBody {
  return {
    type: 'initial',
    registrants: [{ creditCode: registrant.creditCode, name: registrant.name }],
    resource: { name: '门诊就诊量统计数据产品', summary: '按科室、日期汇总的门诊就诊人次，不含个人信息。' },
    legalSource: {
      description: '医院在诊疗活动中依法产生的业务数据，经授权运营协议取得加工使用权。',
      attachments: [{ name: '授权运营协议.pdf', mediaType: 'application/pdf', digest: DIGEST, size: 131_072 }],
    },
    evidence: { description: '数据样本与处理日志已在存证平台存证。' },
    riskAssessment: { summary: '已汇总脱敏，风险等级低。' },
  };
}
