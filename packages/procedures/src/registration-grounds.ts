/**
 * Revocation grounds (撤销事由) of a registration, as the registration contract's
 * `RevocationGround` names them. The first four are 发改数据规〔2025〕26号 第二十条 (and
 * 内政数字〔2024〕223号 第二十七条); the last three are only in 223号 第十六条:
 * (一) `registration_bar_found` — a ground for refusing registration found after it (e.g. duplicate
 * registration, an ownership dispute), (二) `circulation_obstruction` — serious obstruction of or harm
 * to data circulation, trading, use, distribution, governance or security management,
 * (三) `security_duty_failure` — the registrant failed its data and network security duties (leak,
 * unlawful use, security risk). 第十六条(四) is `false_materials`, (五) `other_violation`.
 */
export const REVOCATION_GROUNDS = [
  'false_materials',
  'tampering_or_forgery',
  'improper_use',
  'other_violation',
  'registration_bar_found',
  'circulation_obstruction',
  'security_duty_failure',
] as const;

/** A value of `REVOCATION_GROUNDS`. */
export type RevocationGround = (typeof REVOCATION_GROUNDS)[number];

/** The grounds of 26号 第二十条, which every profile has (the national default). */
export const NATIONAL_REVOCATION_GROUNDS: readonly RevocationGround[] = ['false_materials', 'tampering_or_forgery', 'improper_use', 'other_violation'];

/**
 * Chinese and English labels of the registration grounds (revocation and cancellation), as the
 * contract's descriptions give them: what a timeline shows when a ground stands for the reasons.
 *
 * @example
 * REGISTRATION_GROUND_LABELS.security_duty_failure.zh; // '未落实数据安全和网络安全保护义务'
 */
export const REGISTRATION_GROUND_LABELS: Readonly<Record<string, { zh: string; en: string }>> = {
  false_materials: { zh: '提供虚假材料', en: 'False materials' },
  tampering_or_forgery: { zh: '篡改、伪造登记结果', en: 'Tampering with or forging the registration result' },
  improper_use: { zh: '不当使用登记结果', en: 'Improper use of the registration result' },
  other_violation: { zh: '其他违规情形', en: 'Other violation' },
  registration_bar_found: { zh: '登记后发现有不予登记情形', en: 'A ground for refusing registration found after registration' },
  circulation_obstruction: { zh: '对数据流通、交易、使用、分配、治理及安全管理等造成严重阻碍或不利影响', en: 'Serious obstruction of or harm to data circulation, trading, use, distribution, governance or security management' },
  security_duty_failure: { zh: '未严格落实数据安全和网络安全保护义务', en: 'Failure of the data and network security duties' },
  resource_lost: { zh: '公共数据资源不可复原或灭失', en: 'Resource unrecoverable or lost' },
  rights_ended: { zh: '放弃相关权益或权益期限届满', en: 'Rights waived or their term ended' },
  registrant_terminated: { zh: '登记主体解散、被依法撤销、被宣告破产或终止存续', en: 'Registrant dissolved, revoked, bankrupt or otherwise ended' },
  other_legal_ground: { zh: '法律法规规定的其他情形', en: 'Other ground under laws and regulations' },
};
