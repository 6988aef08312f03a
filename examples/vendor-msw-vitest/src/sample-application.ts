import type { SubmitApplicationBody } from '@gdx/registration';

const DIGEST = `sha256:${'ab'.repeat(32)}`;

/**
 * An initial registration (首次登记) of a data product, as the vendor's customer would fill it in.
 *
 * @example
 * ```ts
 * await filer.file(sampleApplication({ creditCode: '913502135710300006', name: '厦门公交集团有限公司' }));
 * ```
 */
export function sampleApplication(registrant: { creditCode: string; name: string }): SubmitApplicationBody {
  return {
    type: 'initial',
    registrants: [{ creditCode: registrant.creditCode, name: registrant.name }],
    resource: { name: '公共交通客流数据产品', summary: '按线路、站点、时段汇总的客流统计数据，已脱敏。' },
    legalSource: {
      description: '运营中依法采集的刷卡与客流计数数据，经授权运营协议取得加工使用权。',
      attachments: [{ name: '授权运营协议.pdf', mediaType: 'application/pdf', digest: DIGEST, size: 245_760 }],
    },
    evidence: { description: '数据样本与处理日志已在存证平台存证。' },
    riskAssessment: { summary: '不含个人信息，风险等级低。' },
  };
}
