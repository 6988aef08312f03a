import type { OrganizationKind, OrganizationRole } from './types.js';

/** Where an organisation sits relative to the profile's home city. */
export type RegionSlot = 'city' | 'upper' | 'district';

/** A template of one seed organisation; `{city}` is replaced by the home city's name. */
export interface OrganizationSpec {
  slug: string;
  name: string;
  kind: OrganizationKind;
  roles: OrganizationRole[];
  region: RegionSlot;
}

const PROVIDER_USER: OrganizationRole[] = ['data_provider', 'data_user'];
const COMPANY: OrganizationRole[] = ['applicant', 'data_user', 'registrant'];

/**
 * The ~30 organisations of every seed: agencies, public-service bodies and companies. The
 * authoritative providers follow 厦门共享开放 第十一、十二条 (公安: 人口, 市场监管: 企业登记, ...).
 */
export const ORGANIZATION_SPECS: readonly OrganizationSpec[] = [
  { slug: 'public-security', name: '{city}公安局', kind: 'agency', roles: PROVIDER_USER, region: 'city' },
  { slug: 'market-regulation', name: '{city}市场监督管理局', kind: 'agency', roles: PROVIDER_USER, region: 'city' },
  { slug: 'natural-resources', name: '{city}自然资源和规划局', kind: 'agency', roles: PROVIDER_USER, region: 'city' },
  { slug: 'human-resources', name: '{city}人力资源和社会保障局', kind: 'agency', roles: PROVIDER_USER, region: 'city' },
  { slug: 'health', name: '{city}卫生健康委员会', kind: 'agency', roles: PROVIDER_USER, region: 'city' },
  { slug: 'data-authority', name: '{city}大数据管理局', kind: 'agency', roles: ['data_authority', 'grantor', ...PROVIDER_USER], region: 'city' },
  { slug: 'civil-affairs', name: '{city}民政局', kind: 'agency', roles: PROVIDER_USER, region: 'city' },
  { slug: 'medical-security', name: '{city}医疗保障局', kind: 'agency', roles: PROVIDER_USER, region: 'city' },
  { slug: 'transport', name: '{city}交通运输局', kind: 'agency', roles: PROVIDER_USER, region: 'city' },
  { slug: 'ecology', name: '{city}生态环境局', kind: 'agency', roles: PROVIDER_USER, region: 'city' },
  { slug: 'education', name: '{city}教育局', kind: 'agency', roles: PROVIDER_USER, region: 'city' },
  { slug: 'statistics', name: '{city}统计局', kind: 'agency', roles: PROVIDER_USER, region: 'city' },
  { slug: 'development-reform', name: '{city}发展和改革委员会', kind: 'agency', roles: ['price_authority', ...PROVIDER_USER], region: 'city' },
  { slug: 'housing', name: '{city}住房和城乡建设局', kind: 'agency', roles: PROVIDER_USER, region: 'city' },
  { slug: 'culture-tourism', name: '{city}文化和旅游局', kind: 'agency', roles: PROVIDER_USER, region: 'city' },
  { slug: 'meteorology', name: '{city}气象局', kind: 'agency', roles: PROVIDER_USER, region: 'city' },
  { slug: 'audit', name: '{city}审计局', kind: 'agency', roles: ['auditor'], region: 'city' },
  { slug: 'upper-data-authority', name: '{upper}数据管理部门', kind: 'agency', roles: ['data_authority'], region: 'upper' },
  { slug: 'district-data', name: '{district}数据管理局', kind: 'agency', roles: PROVIDER_USER, region: 'district' },
  { slug: 'information-center', name: '{city}信息中心', kind: 'public_service', roles: ['platform_operator', 'implementing_body'], region: 'city' },
  { slug: 'registry', name: '{city}公共数据资源登记中心', kind: 'public_service', roles: ['registry'], region: 'city' },
  { slug: 'housing-fund', name: '{city}住房公积金管理中心', kind: 'public_service', roles: PROVIDER_USER, region: 'city' },
  { slug: 'real-estate-registry', name: '{city}不动产登记中心', kind: 'public_service', roles: PROVIDER_USER, region: 'city' },
  { slug: 'disabled-federation', name: '{city}残疾人联合会', kind: 'public_service', roles: PROVIDER_USER, region: 'city' },
  { slug: 'first-hospital', name: '{city}第一医院', kind: 'public_service', roles: ['data_provider', 'registrant'], region: 'district' },
  { slug: 'power-supply', name: '国网{cityShort}供电公司', kind: 'company', roles: ['data_provider', 'registrant'], region: 'city' },
  { slug: 'bus-group', name: '{cityShort}公交集团有限公司', kind: 'company', roles: ['data_provider', 'registrant'], region: 'district' },
  { slug: 'data-operator', name: '{cityShort}数据运营有限公司', kind: 'company', roles: ['operator', ...COMPANY], region: 'city' },
  { slug: 'map-tech', name: '{cityShort}智图信息技术有限公司', kind: 'company', roles: COMPANY, region: 'district' },
  { slug: 'credit-service', name: '{cityShort}信联征信服务有限公司', kind: 'company', roles: ['operator', ...COMPANY], region: 'district' },
  { slug: 'logistics', name: '{cityShort}速达物流有限公司', kind: 'company', roles: COMPANY, region: 'district' },
];
