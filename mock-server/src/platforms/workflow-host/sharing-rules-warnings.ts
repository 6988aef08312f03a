import { shanghaiDay, type WorkflowInstance } from '@gdx/kernel';
import { sharingRulesWarnings } from '@gdx/procedures';
import { workflowFields } from './answer-duty.js';
import type { WorkflowHost } from './workflow-host.js';

/**
 * The workflow fields of a sharing request or open-data application with the contract's `warnings`:
 * `RULES_EXPIRED` when the profile's `sharingOpenDataRules` had expired (厦门市公共数据共享开放管理暂行办法
 * 第三十条, after 2025-12-27) on the day the object was created or its current step's clock started
 * — a deadline computed after that day still cites the expired articles. Derived from the workflow
 * fields, so snapshots and journal replays need no stored copy.
 *
 * @example
 * ```ts
 * const view = { id, ...workflowFieldsWithRulesWarnings(host, instance) };
 * view.warnings; // [] while the rules are valid
 * ```
 */
export function workflowFieldsWithRulesWarnings(host: WorkflowHost, instance: WorkflowInstance) {
  const fields = workflowFields(host, instance);
  const createdOn = shanghaiDay(Date.parse(fields.createdAt));
  const startedOn = fields.deadline?.startedOn;
  const day = startedOn !== undefined && startedOn > createdOn ? startedOn : createdOn;
  return { warnings: sharingRulesWarnings(host.procedures.profile, day), ...fields };
}
