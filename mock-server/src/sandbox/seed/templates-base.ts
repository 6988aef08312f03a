import { group, type ResourceTemplate } from './resource-template.js';

const PERSON = '公民身份号码:string:18:s|姓名:string:50:s';
const ENTERPRISE = '统一社会信用代码:string:18|企业名称:string:200';

/** Base databases (基础库): 人口, 法人, 自然资源, 空间地理, 宏观经济, 电子证照 (贵州/厦门 rules). */
export const BASE_TEMPLATES: readonly ResourceTemplate[] = [
  ...group('人口', '1', '01', '人口信息管理系统', [
    ['public-security', '人口基础信息', '全市户籍人口和常住人口的登记、变更、注销信息，是人口基础库的权威来源。', `${PERSON}|性别:string:1|出生日期:date|民族:string:20|户籍地址:string:200:s|登记日期:date`, 'daily'],
    ['public-security', '户籍迁移登记信息', '户口迁入、迁出及变更登记记录。', `${PERSON}|迁移类型:string:10|迁出地:string:200|迁入地:string:200|迁移日期:date`, 'daily'],
    ['public-security', '居住证信息', '流动人口居住登记与居住证办理信息。', `${PERSON}|居住地址:string:200:s|签发日期:date|有效期至:date`, 'daily'],
    ['civil-affairs', '婚姻登记信息', '结婚、离婚登记及补领婚姻登记证信息。', `${PERSON}|登记类型:string:10|登记日期:date|登记机关:string:100`, 'daily'],
    ['civil-affairs', '收养登记信息', '收养关系成立及解除登记信息。', `${PERSON}|被收养人姓名:string:50:s|登记日期:date`, 'monthly'],
    ['civil-affairs', '殡葬死亡信息', '殡葬服务机构火化及死亡信息。', `${PERSON}|死亡日期:date|火化机构:string:100`, 'daily'],
    ['health', '出生医学证明信息', '新生儿出生医学证明签发信息。', '出生医学证明编号:string:20|新生儿姓名:string:50:s|出生日期:date|出生地点:string:200|母亲身份号码:string:18:s', 'daily'],
    ['disabled-federation', '残疾人登记信息', '持证残疾人基本信息与残疾类别、等级。', `${PERSON}|残疾类别:string:10|残疾等级:string:10|发证日期:date`, 'monthly'],
  ]),
  ...group('法人', '1', '02', '市场主体登记系统', [
    ['market-regulation', '企业登记信息', '企业设立、变更、注销登记信息，是法人基础库的权威来源。', `${ENTERPRISE}|法定代表人:string:50|注册资本:number:18|成立日期:date|登记状态:string:10|住所:string:200`, 'real_time'],
    ['market-regulation', '个体工商户登记信息', '个体工商户设立、变更、注销登记信息。', '统一社会信用代码:string:18|字号名称:string:200|经营者姓名:string:50:s|经营场所:string:200|成立日期:date', 'daily'],
    ['market-regulation', '企业年度报告信息', '企业通过公示系统报送的年度报告。', `${ENTERPRISE}|年报年度:integer:4|从业人数:integer:10|资产总额:number:18`, 'yearly'],
    ['civil-affairs', '社会团体登记信息', '社会团体成立、变更、注销登记信息。', '统一社会信用代码:string:18|社会团体名称:string:200|业务主管单位:string:100|成立日期:date', 'monthly'],
    ['civil-affairs', '民办非企业单位登记信息', '民办非企业单位（社会服务机构）登记信息。', '统一社会信用代码:string:18|单位名称:string:200|业务范围:string:500|成立日期:date', 'monthly'],
    ['civil-affairs', '基金会登记信息', '基金会成立、变更、注销登记信息。', '统一社会信用代码:string:18|基金会名称:string:200|原始基金:number:18|成立日期:date', 'quarterly'],
    ['data-authority', '机关事业单位登记信息', '机关、事业单位法人登记信息。', '统一社会信用代码:string:18|单位名称:string:200|举办单位:string:200|宗旨和业务范围:string:500', 'monthly'],
  ]),
  ...group('自然资源', '1', '03', '自然资源一张图系统', [
    ['natural-resources', '土地利用现状信息', '年度国土变更调查形成的土地利用现状图斑信息。', '图斑编号:string:30|地类编码:string:10|地类名称:string:50|面积:number:18|坐落单位:string:100', 'yearly', ['SHP', 'GeoJSON']],
    ['natural-resources', '矿产资源信息', '探矿权、采矿权及矿产资源储量信息。', '矿业权编号:string:40|矿种:string:20|矿区面积:number:18|有效期至:date', 'quarterly'],
    ['natural-resources', '林地资源信息', '林地分布、林种及蓄积量信息。', '小班编号:string:30|林种:string:20|面积:number:18|蓄积量:number:18', 'yearly', ['SHP']],
    ['real-estate-registry', '不动产登记信息', '不动产首次、转移、变更、抵押登记信息。', '不动产单元号:string:28|权利人:string:200:s|证件号码:string:18:s|坐落:string:200|权利类型:string:20|登记日期:date', 'real_time'],
  ]),
  ...group('空间地理', '1', '04', '时空大数据平台', [
    ['natural-resources', '基础地理信息', '1:500至1:10000 基础地理信息要素数据。', '要素编码:string:20|要素名称:string:100|几何类型:string:10|比例尺:string:10', 'yearly', ['SHP', 'GeoJSON']],
    ['natural-resources', '地名地址信息', '标准地名与门楼牌地址信息。', '地址编码:string:30|标准地址:string:200|经度:number:12|纬度:number:12', 'monthly', ['CSV', 'GeoJSON']],
    ['natural-resources', '城市三维模型', '城市实景三维模型与建筑白模。', '模型编号:string:30|建筑高度:number:10|模型文件:binary', 'irregular', ['OBJ']],
    ['data-authority', '城市网格划分信息', '城市管理网格与社区网格边界信息。', '网格编码:string:20|网格名称:string:100|所属街道:string:100|边界:string:4000', 'quarterly', ['GeoJSON']],
  ]),
  ...group('宏观经济', '1', '05', '统计数据管理平台', [
    ['statistics', '地区生产总值', '按季度核算的地区生产总值及分行业增加值。', '统计期:string:10|指标名称:string:100|指标值:number:18|计量单位:string:20', 'quarterly', ['CSV', 'XLSX']],
    ['statistics', '居民消费价格指数', '居民消费价格分类指数。', '统计期:string:10|类别:string:50|同比指数:number:10|环比指数:number:10', 'monthly', ['CSV', 'XLSX']],
    ['statistics', '规模以上工业增加值', '规模以上工业企业增加值及增速。', '统计期:string:10|行业:string:100|增加值:number:18|增速:number:10', 'monthly', ['CSV', 'XLSX']],
    ['statistics', '固定资产投资统计', '固定资产投资完成额与项目数。', '统计期:string:10|投资领域:string:100|完成额:number:18|项目数:integer:10', 'monthly', ['CSV', 'XLSX']],
    ['development-reform', '重点项目建设信息', '市级重点建设项目计划与进度。', '项目编号:string:30|项目名称:string:200|总投资:number:18|建设进度:string:50', 'monthly'],
  ]),
  ...group('电子证照', '1', '06', '电子证照库', [
    ['data-authority', '电子证照目录', '全市电子证照类型目录及签发部门。', '证照类型代码:string:20|证照名称:string:100|签发部门:string:100|有效期规则:string:50', 'weekly'],
    ['market-regulation', '营业执照电子证照', '营业执照电子证照签发与变更信息。', `${ENTERPRISE}|证照编号:string:40|签发日期:date|证照文件:binary`, 'real_time', ['PDF', 'JSON']],
    ['public-security', '居民身份证电子证照', '居民身份证电子证照签发信息。', `${PERSON}|证照编号:string:40|签发机关:string:100|有效期至:date`, 'real_time', ['JSON']],
    ['real-estate-registry', '不动产权证书电子证照', '不动产权证书及不动产登记证明电子证照。', '证书编号:string:40|权利人:string:200:s|坐落:string:200|签发日期:date', 'real_time', ['PDF', 'JSON']],
    ['education', '学历证书电子证照', '中等职业学校学历证书电子证照。', `${PERSON}|证书编号:string:40|学校名称:string:200|毕业日期:date`, 'yearly', ['PDF']],
  ]),
];
