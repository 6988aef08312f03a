import type { Deadline, Reason, WorkflowInstance } from '@gdx/kernel';
import type { Organisation, SandboxContext } from '../../app/platform-module.js';
import type { WireEvent } from './wire.js';
import type { WorkflowHost } from './workflow-host.js';

/** The workflow fields every object shows: state, timestamps, deadline and events (全留痕). */
export interface WorkflowFields {
  state: string;
  createdAt: string;
  updatedAt: string;
  deadline: Deadline | null;
  events: WireEvent[];
}

/**
 * The workflow fields of an instance as the contracts show them.
 *
 * @example
 * ```ts
 * const view = { id, ...workflowFields(host, instance), submission };
 * ```
 */
export function workflowFields(host: WorkflowHost, instance: WorkflowInstance): WorkflowFields {
  return {
    state: instance.state,
    createdAt: instance.createdAt,
    updatedAt: instance.updatedAt,
    deadline: host.deadline(instance),
    events: host.events(instance),
  };
}

/**
 * The written answer of an answer-duty instance (objection, quality issue, demand), or `null`.
 *
 * @example
 * ```ts
 * answerOf(instance); // { text: '经核实，已更正' } once answered
 * ```
 */
export function answerOf(instance: WorkflowInstance): Reason | null {
  const answer = instance.data.answer as Reason | string | undefined;
  if (typeof answer === 'string') return { text: answer };
  if (answer && typeof answer.text === 'string') return { ...(typeof answer.code === 'string' ? { code: answer.code } : {}), text: answer.text };
  return null;
}

/**
 * The sandbox's organisation for an official role (the first seeded one with that role, e.g. the
 * city's 大数据管理局 for `data_authority`), or `undefined`.
 *
 * @example
 * ```ts
 * officialOrganisation(sandbox, 'platform_operator')?.name; // '厦门市信息中心'
 * ```
 */
export function officialOrganisation(sandbox: SandboxContext, role: string): Organisation | undefined {
  return sandbox.organisations().find((o) => o.roles.includes(role));
}
