import type { WorkflowInstance } from '@gdx/kernel';
import type { ObjectDuty } from '../../app/workflow-objects.js';
import type { AuthorizedOperationState } from './ao-records.js';
import { ceilingReportView, lastCeilingReport } from './ceiling-report.js';
import { disclosureView, operatorDisclosureView, statusReportView } from './disclosure-duty.js';

/**
 * An authorization's reporting duties for the simulation API's timeline, from the contract's
 * `Authorization.disclosure` and `Pricing.ceilingReport`, so the console shows them as the
 * platform answers them: the implementing body's disclosure (27号 第十八条), whose running period
 * is met only by the next `disclose` (which starts the yearly one), the operator's disclosure of
 * its products and use of public data (第十九条), met alike by `disclose_operation` (which starts
 * the next half-year), Xiamen's status report to the data authority (厦门办法 第二十四条), met by
 * `report_status` (which starts the next quarter), and the grantor's ceiling-fee
 * report (65号 二), met by `report_ceilings` (`lastMet` the latest report, of an earlier period
 * when a ceiling set since started a new one). A duty the authorization does not carry is left out.
 *
 * @example
 * ```ts
 * authorizationDuties(state, instance).map((d) => d.duty); // ['disclosure']
 * ```
 */
export function authorizationDuties(state: AuthorizedOperationState, instance: WorkflowInstance): ObjectDuty[] {
  const duties: ObjectDuty[] = [];
  const disclosure = disclosureView(state, instance);
  if (disclosure) {
    const { lastDisclosedAt, lastLate, ...period } = disclosure;
    duties.push({
      duty: 'disclosure',
      label: { zh: '授权运营情况披露', en: 'Disclosure of the authorization' },
      deadline: { step: 'disclosure', ...period },
      metAt: null,
      lastMet: lastDisclosedAt === null ? null : { at: lastDisclosedAt, late: lastLate },
      eventTypes: ['authorization_disclosed', 'disclosure_overdue'],
    });
  }
  const operatorDisclosure = operatorDisclosureView(state, instance);
  if (operatorDisclosure) {
    const { lastDisclosedAt, lastLate, ...period } = operatorDisclosure;
    duties.push({
      duty: 'operator_disclosure',
      label: { zh: '运营机构产品和数据使用情况披露', en: "Operator's disclosure of products and data use" },
      deadline: { step: 'operator_disclosure', ...period },
      metAt: null,
      lastMet: lastDisclosedAt === null ? null : { at: lastDisclosedAt, late: lastLate },
      eventTypes: ['operation_disclosed', 'operator_disclosure_overdue'],
    });
  }
  const statusReport = statusReportView(state, instance);
  if (statusReport) {
    const { lastDisclosedAt, lastLate, ...period } = statusReport;
    duties.push({
      duty: 'status_report',
      label: { zh: '一级开发主体公共数据授权运营情况报告', en: "Operator's status report to the data authority" },
      deadline: { step: 'status_report', ...period },
      metAt: null,
      lastMet: lastDisclosedAt === null ? null : { at: lastDisclosedAt, late: lastLate },
      eventTypes: ['status_reported', 'status_report_overdue'],
    });
  }
  const report = ceilingReportView(state, instance);
  if (report) {
    const { reportedAt, late: _late, ...period } = report;
    duties.push({
      duty: 'ceiling_report',
      label: { zh: '收费上限书面报告', en: 'Ceiling-fee report' },
      deadline: { step: 'ceiling_report', ...period },
      metAt: reportedAt,
      // A ceiling set after a report starts a new period: the report before still says when it was last met.
      lastMet: lastCeilingReport(state, instance),
      eventTypes: ['ceiling_set', 'ceilings_reported', 'ceiling_report_overdue'],
    });
  }
  return duties;
}
