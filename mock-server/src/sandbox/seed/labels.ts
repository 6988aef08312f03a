import type { DataGrade, DeliveryMethod, OpeningCondition, OpeningType, SharingCondition, SharingType, UpdateCycle } from './types.js';

/** Chinese labels of the catalog enums, used by facets and by generated text. */
export const SHARING_TYPE_LABELS: Record<SharingType, string> = {
  unconditional: '无条件共享',
  conditional: '有条件共享',
  not_shared: '暂不共享',
};

export const OPENING_TYPE_LABELS: Record<OpeningType, string> = {
  open: '普遍开放',
  on_application: '依申请开放',
  not_open: '不予开放',
};

export const GRADE_LABELS: Record<DataGrade, string> = { general: '一般数据', important: '重要数据', core: '核心数据' };

export const UPDATE_CYCLE_LABELS: Record<UpdateCycle, string> = {
  real_time: '实时',
  daily: '每日',
  weekly: '每周',
  monthly: '每月',
  quarterly: '每季度',
  yearly: '每年',
  irregular: '不定期',
};

export const DELIVERY_METHOD_LABELS: Record<DeliveryMethod, string> = {
  api: '服务接口',
  db_table: '数据库表',
  file: '文件交换',
  stream: '数据流',
};

/** 厦门共享开放 第十七条 (一)–(四). */
export const SHARING_CONDITION_LABELS: Record<SharingCondition, string> = {
  specific_scenario: '共享数据仅限于特定应用场景使用',
  specific_agencies: '共享数据仅限于特定政务部门、公共服务组织使用',
  key_municipal_work: '共享数据仅限于市委、市政府重点工作使用',
  cross_department_platform: '共享数据仅限于跨部门大系统、大平台使用',
};

/** 厦门共享开放 第二十四条. */
export const OPENING_CONDITION_LABELS: Record<OpeningCondition, string> = {
  scenario_list: '限定应用场景（白名单/黑名单）',
  usage_feedback: '注明数据来源、接受抽查并提交数据利用报告',
  technical_capability: '具备相应的设施和专业人才',
  credit_status: '未被列入失信被执行人、经营异常名录或严重违法失信名单',
};
