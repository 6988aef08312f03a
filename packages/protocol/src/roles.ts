/**
 * The Chinese name of each role an actor may have on the wire (`Actor.role` of the contracts;
 * the common contract's `Role` description gives them): the answers carry role ids only, so a
 * refusal's text and a console show these.
 *
 * @example
 * ```ts
 * ROLE_NAMES_ZH.registry; // '登记机构'
 * ```
 */
export const ROLE_NAMES_ZH: Readonly<Record<string, string>> = {
  registrant: '登记主体',
  registry: '登记机构',
  interested_party: '利害关系人',
  data_provider: '数据提供单位',
  data_user: '数据使用单位',
  data_authority: '数据主管部门',
  platform_operator: '平台运营方',
  city_government: '市人民政府',
  applicant: '申请人',
  auditor: '审计机关',
  public: '社会公众',
  grantor: '授权主体',
  implementing_body: '实施机构',
  operator: '运营机构',
  price_authority: '价格主管部门',
  clock: '平台时钟',
};
