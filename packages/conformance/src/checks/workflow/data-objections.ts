import type { Sandbox } from '../../http/sim-client.js';

/**
 * A data-subject objection (数据异议, 厦门 第十四条) filed by a sandbox organisation about a
 * resource — a catalog entry on the sharing platform, a dataset on the open-data platform — as the
 * contracts' `DataObjectionSubmission`: the organisation as the subject, under the name the
 * simulation API gave it.
 *
 * @example
 * ```ts
 * const body = dataObjectionBody(sbx, 1, entryId);
 * await createObject(ctx, sbx.http(1), 'sharing', '/data-objections', body);
 * ```
 */
export function dataObjectionBody(sbx: Sandbox, org: number, resourceId: string): Record<string, unknown> {
  const creditCode = sbx.organizations[org]?.creditCode;
  const name = (sbx.raw as { organizations?: { creditCode?: string; name?: string }[] }).organizations?.find((o) => o.creditCode === creditCode)?.name ?? '异议单位';
  return {
    subject: { kind: 'organization', creditCode, name },
    kind: 'inaccurate',
    dataReference: { resourceId, description: 'conformance: 本单位记录有误' },
    text: 'conformance: 登记日期与实际不符',
  };
}
