import { group, type ResourceTemplate } from './resource-template.js';

const PERSON = '公民身份号码:string:18:s|姓名:string:50:s';
const ENTERPRISE = '统一社会信用代码:string:18|企业名称:string:200';

/**
 * Thematic databases (主题库): 信用, 社保, 医疗, 交通, 市场监管, 生态环保 ... and department
 * resources (部门信息资源), with the providers named in 厦门共享开放 第十一、十二条.
 */
export const THEMATIC_TEMPLATES: readonly ResourceTemplate[] = [
  ...group('信用', '2', '01', '公共信用信息平台', [
    ['development-reform', '公共信用信息', '法人和非法人组织的公共信用综合评价信息。', `${ENTERPRISE}|信用等级:string:10|评价日期:date`, 'monthly'],
    ['development-reform', '行政许可信息', '各部门作出的行政许可决定（双公示）。', `${ENTERPRISE}|许可决定书文号:string:100|许可内容:string:500|许可决定日期:date|许可机关:string:100`, 'daily'],
    ['development-reform', '行政处罚信息', '各部门作出的行政处罚决定（双公示）。', `${ENTERPRISE}|处罚决定书文号:string:100|违法行为类型:string:200|处罚内容:string:500|处罚决定日期:date`, 'daily'],
    ['development-reform', '严重失信主体名单', '经认定的严重失信主体名单及移出信息。', `${ENTERPRISE}|列入事由:string:500|列入日期:date|认定部门:string:100`, 'weekly'],
    ['development-reform', '信用承诺信息', '市场主体作出的信用承诺及履约情况。', `${ENTERPRISE}|承诺类型:string:50|承诺日期:date|履约状态:string:10`, 'monthly'],
  ]),
  ...group('社保', '2', '02', '社会保障信息系统', [
    ['human-resources', '社会保险参保信息', '职工养老、工伤、失业保险参保登记信息。', `${PERSON}|参保单位:string:200|险种:string:20|参保状态:string:10|参保日期:date`, 'daily'],
    ['human-resources', '养老保险缴费信息', '企业职工基本养老保险缴费明细。', `${PERSON}|缴费年月:string:6|缴费基数:number:12:s|缴费金额:number:12:s`, 'monthly'],
    ['human-resources', '就业登记信息', '劳动者就业与失业登记信息。', `${PERSON}|登记类型:string:10|用工单位:string:200|登记日期:date`, 'daily'],
    ['human-resources', '职业资格证书信息', '职业资格与职业技能等级证书信息。', `${PERSON}|证书编号:string:40|职业名称:string:100|等级:string:10|发证日期:date`, 'weekly'],
    ['housing-fund', '住房公积金缴存信息', '住房公积金个人账户缴存信息。', `${PERSON}|单位名称:string:200|月缴存额:number:12:s|账户状态:string:10`, 'monthly'],
    ['housing-fund', '住房公积金贷款信息', '住房公积金个人住房贷款发放与还款信息。', `${PERSON}|贷款金额:number:12:s|贷款期限:integer:3|发放日期:date`, 'monthly'],
    ['civil-affairs', '最低生活保障信息', '城乡最低生活保障对象及保障金发放信息。', `${PERSON}|保障类型:string:10|保障人数:integer:3|月保障金:number:10:s`, 'monthly'],
    ['civil-affairs', '养老机构信息', '养老机构备案、床位及服务信息。', '统一社会信用代码:string:18|机构名称:string:200|床位数:integer:6|地址:string:200', 'quarterly'],
  ]),
  ...group('医疗', '2', '03', '全民健康信息平台', [
    ['health', '医疗机构执业登记信息', '医疗机构设置审批与执业登记信息。', '统一社会信用代码:string:18|机构名称:string:200|机构类别:string:50|诊疗科目:string:500', 'weekly'],
    ['health', '执业医师注册信息', '医师执业注册与变更信息。', `${PERSON}|执业证书编码:string:30|执业范围:string:100|执业机构:string:200`, 'weekly'],
    ['health', '居民电子健康档案', '居民电子健康档案基本信息与慢病管理记录。', `${PERSON}|建档日期:date|慢病类型:string:50:s|责任医生:string:50`, 'daily'],
    ['health', '疫苗接种信息', '免疫规划疫苗接种记录。', `${PERSON}|疫苗名称:string:100|接种日期:date|接种单位:string:200`, 'daily'],
    ['medical-security', '医疗保险参保信息', '基本医疗保险参保登记信息。', `${PERSON}|险种类型:string:20|参保状态:string:10|参保日期:date`, 'daily'],
    ['medical-security', '医保结算信息', '定点医药机构医保费用结算明细。', `${PERSON}|结算日期:date|医疗费用总额:number:12:s|统筹支付金额:number:12:s`, 'daily'],
    ['medical-security', '定点医药机构信息', '医保定点医疗机构与定点零售药店信息。', '机构编码:string:20|机构名称:string:200|机构类型:string:20|地址:string:200', 'monthly'],
    ['first-hospital', '门急诊服务量统计', '医院门急诊人次与床位使用统计。', '统计日期:date|门诊人次:integer:10|急诊人次:integer:10|床位使用率:number:6', 'daily', ['CSV']],
  ]),
  ...group('交通', '2', '04', '综合交通运行监测系统', [
    ['transport', '公交线路信息', '公交线路、站点与首末班时间。', '线路编号:string:20|线路名称:string:100|站点名称:string:100|首班时间:string:5|末班时间:string:5', 'weekly', ['CSV', 'JSON']],
    ['transport', '道路运输经营许可信息', '道路旅客和货物运输经营许可信息。', `${ENTERPRISE}|许可证号:string:40|经营范围:string:500|有效期至:date`, 'daily'],
    ['transport', '出租汽车运营信息', '巡游出租汽车与网约车运营统计。', '车牌号码:string:10:s|运营日期:date|运营里程:number:10|载客次数:integer:6', 'daily'],
    ['transport', '道路交通流量监测', '主要道路断面交通流量监测数据。', '监测点编号:string:20|监测时间:datetime|车流量:integer:8|平均车速:number:6', 'real_time', ['JSON']],
    ['bus-group', '公交车辆实时到站信息', '公交车辆实时位置与预计到站时间。', '车辆编号:string:20|线路编号:string:20|经度:number:12|纬度:number:12|预计到站时间:datetime', 'real_time', ['JSON']],
    ['public-security', '机动车登记信息', '机动车注册、转移、注销登记信息。', '号牌号码:string:10|车辆类型:string:20|所有人:string:200:s|登记日期:date', 'daily'],
    ['public-security', '机动车驾驶人信息', '机动车驾驶证申领与记分信息。', `${PERSON}|准驾车型:string:10|初次领证日期:date|累积记分:integer:2`, 'daily'],
  ]),
  ...group('市场监管', '2', '05', '市场监管综合业务系统', [
    ['market-regulation', '食品经营许可信息', '食品经营许可证核发、变更、注销信息。', `${ENTERPRISE}|许可证编号:string:40|经营项目:string:500|有效期至:date`, 'daily'],
    ['market-regulation', '特种设备登记信息', '锅炉、电梯等特种设备使用登记信息。', `${ENTERPRISE}|设备代码:string:30|设备类别:string:50|下次检验日期:date`, 'weekly'],
    ['market-regulation', '产品质量监督抽查信息', '产品质量监督抽查结果。', `${ENTERPRISE}|产品名称:string:100|抽查日期:date|抽查结论:string:20`, 'monthly'],
    ['market-regulation', '经营异常名录信息', '列入、移出经营异常名录信息。', `${ENTERPRISE}|列入原因:string:200|列入日期:date|移出日期:date`, 'daily'],
  ]),
  ...group('生态环保', '2', '06', '生态环境监测平台', [
    ['ecology', '空气质量监测数据', '国控、省控空气质量监测站点小时数据。', '站点编号:string:20|监测时间:datetime|AQI:integer:4|PM2.5浓度:number:8|首要污染物:string:20', 'real_time', ['JSON', 'CSV']],
    ['ecology', '地表水环境质量监测', '地表水断面水质监测数据。', '断面名称:string:100|监测日期:date|水质类别:string:10|溶解氧:number:8', 'monthly', ['CSV']],
    ['ecology', '排污许可信息', '排污单位排污许可证核发信息。', `${ENTERPRISE}|许可证编号:string:40|行业类别:string:100|有效期至:date`, 'weekly'],
    ['ecology', '环境行政处罚信息', '生态环境部门行政处罚决定。', `${ENTERPRISE}|处罚文号:string:100|违法事实:string:1000|处罚日期:date`, 'weekly'],
  ]),
  ...group('教育', '3', '07', '教育管理公共服务平台', [
    ['education', '学校基本信息', '各级各类学校办学基本信息。', '学校标识码:string:10|学校名称:string:200|办学类型:string:20|地址:string:200', 'yearly', ['CSV', 'XLSX']],
    ['education', '中小学学籍信息', '中小学生学籍注册与变动信息。', `${PERSON}|学籍号:string:20:s|就读学校:string:200|年级:string:10`, 'monthly'],
    ['education', '教师资格认定信息', '教师资格认定与证书信息。', `${PERSON}|证书号码:string:20|资格种类:string:50|任教学科:string:50`, 'monthly'],
  ]),
  ...group('城乡建设', '3', '08', '住房和城乡建设监管平台', [
    ['housing', '建筑业企业资质信息', '建筑业企业资质核准信息。', `${ENTERPRISE}|资质类别:string:100|资质等级:string:20|有效期至:date`, 'weekly'],
    ['housing', '商品房预售许可信息', '商品房预售许可证核发信息。', '预售许可证号:string:40|项目名称:string:200|预售面积:number:12|发证日期:date', 'daily'],
    ['housing', '建筑工程施工许可信息', '建筑工程施工许可核发信息。', '施工许可证编号:string:40|工程名称:string:200|建设单位:string:200|合同价格:number:18', 'daily'],
  ]),
  ...group('文化旅游', '3', '09', '文化和旅游监管平台', [
    ['culture-tourism', 'A级旅游景区信息', 'A级旅游景区名录与等级。', '景区名称:string:200|等级:string:10|地址:string:200|开放时间:string:100', 'quarterly', ['CSV', 'JSON']],
    ['culture-tourism', '旅行社信息', '旅行社经营许可与分社信息。', `${ENTERPRISE}|许可证号:string:40|经营范围:string:200`, 'monthly'],
    ['culture-tourism', '公共文化场馆信息', '图书馆、文化馆、博物馆等公共文化场馆信息。', '场馆名称:string:200|场馆类型:string:50|地址:string:200|开放时间:string:100', 'quarterly', ['CSV', 'JSON']],
  ]),
  ...group('气象', '3', '10', '气象业务系统', [
    ['meteorology', '地面气象观测数据', '自动气象站逐小时观测数据。', '站号:string:10|观测时间:datetime|气温:number:6|降水量:number:6|风速:number:6', 'real_time', ['JSON', 'CSV']],
    ['meteorology', '天气预报信息', '城市及区县七天天气预报。', '预报时间:datetime|区域:string:50|天气现象:string:50|最高气温:number:6|最低气温:number:6', 'daily', ['JSON']],
    ['meteorology', '气象灾害预警信号', '台风、暴雨等气象灾害预警信号发布信息。', '预警类型:string:20|预警级别:string:10|发布时间:datetime|影响区域:string:200', 'real_time', ['JSON']],
  ]),
  ...group('能源', '3', '11', '电力营销系统', [
    ['power-supply', '全社会用电量统计', '分行业全社会用电量统计。', '统计期:string:10|行业:string:100|用电量:number:18', 'monthly', ['CSV', 'XLSX']],
    ['power-supply', '计划停电信息', '计划检修停电的区域与时间。', '停电区域:string:500|开始时间:datetime|结束时间:datetime|停电原因:string:200', 'daily', ['JSON']],
  ]),
  ...group('基层治理', '3', '12', '基层社会治理平台', [
    ['district-data', '网格事件信息', '网格员上报的城市管理与社会治理事件。', '事件编号:string:30|事件类型:string:50|上报时间:datetime|处置状态:string:10|所属网格:string:20', 'real_time'],
    ['district-data', '社区基本信息', '社区（村）名称、边界与服务设施信息。', '社区代码:string:12|社区名称:string:100|户数:integer:8|服务中心地址:string:200', 'yearly', ['CSV']],
    ['data-authority', '政务服务事项目录', '全市政务服务事项清单与办事指南。', '事项编码:string:40|事项名称:string:200|实施主体:string:200|法定办结时限:integer:4', 'weekly', ['JSON', 'XLSX']],
    ['data-authority', '12345热线工单统计', '12345政务服务便民热线工单分类统计。', '统计日期:date|诉求类别:string:50|工单数量:integer:8|办结率:number:6', 'daily', ['CSV']],
  ]),
];
