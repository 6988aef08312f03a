import type { WorkflowEvent } from '@gdx/kernel';
import { toReasons } from '../../workflow-host/index.js';
import type { EntryFields, EntryRecord, SharingLabel, SharingTypeDisputeRecord } from './records.js';

/** The kernel events of a sharing-type dispute (`@gdx/procedures`' catalog machine, 厦门 第十五条). */
export const DISPUTE_EVENTS: ReadonlySet<string> = new Set(['dispute_sharing_type', 'agree_sharing_type', 'keep_sharing_type', 'withdraw_dispute', 'escalate', 'decide_sharing_type']);

/** The label part of a sharing attribute: type, conditions, legal basis (delivery methods are not disputed). */
function labelOf(sharing: unknown): SharingLabel {
  const { type, conditions, legalBasis } = (sharing ?? {}) as SharingLabel;
  return { type, ...(conditions ? { conditions: [...conditions] } : {}), ...(legalBasis !== undefined ? { legalBasis } : {}) };
}

/**
 * The version under review takes `label`: its type, conditions and legal basis replace the
 * provider's (a label without conditions or legal basis drops the old ones, which belonged to
 * the old type); the delivery methods stay.
 */
function applyLabel(record: EntryRecord, label: SharingLabel, day: string): void {
  const { conditions: _conditions, legalBasis: _legalBasis, ...rest } = (record.content.sharing ?? {}) as EntryFields;
  record.content = { ...record.content, sharing: { ...rest, ...labelOf(label) } };
  record.modifiedOn = day;
}

function openDispute(record: EntryRecord): SharingTypeDisputeRecord {
  const open = record.sharingTypeDisputes.at(-1);
  // The machine takes these events only while a dispute is open, so a missing one is a bug.
  if (!open || open.closedAt !== null) throw new Error(`entry ${record.id} has no open sharing-type dispute`);
  return open;
}

function close(dispute: SharingTypeDisputeRecord, status: SharingTypeDisputeRecord['status'], at: string): void {
  dispute.status = status;
  dispute.closedAt = at;
}

/**
 * What an accepted dispute event means for the entry's record: the dispute's history, and the
 * label of the version under review where the provider agreed or the city government decided.
 *
 * @example
 * ```ts
 * if (DISPUTE_EVENTS.has(event.event)) applyDisputeEvent(record, event);
 * ```
 */
export function applyDisputeEvent(record: EntryRecord, event: WorkflowEvent): void {
  const reasons = toReasons(event.data?.reasons);
  const { at } = event;
  switch (event.event) {
    case 'dispute_sharing_type':
      record.sharingTypeDisputes.push({ version: record.version, status: 'negotiating', disputedLabel: labelOf(record.content.sharing), proposed: labelOf(event.data?.sharing), reasons, answer: null, decision: null, openedAt: at, closedAt: null });
      return;
    case 'agree_sharing_type': {
      const dispute = openDispute(record);
      dispute.answer = { kind: 'agree', reasons, at };
      applyLabel(record, dispute.proposed, at.slice(0, 10));
      close(dispute, 'agreed', at);
      return;
    }
    case 'keep_sharing_type': {
      const dispute = openDispute(record);
      dispute.answer = { kind: 'keep', reasons, at };
      dispute.status = 'unresolved';
      return;
    }
    case 'withdraw_dispute':
      close(openDispute(record), 'withdrawn', at);
      return;
    case 'escalate':
      openDispute(record).status = 'escalated';
      return;
    case 'decide_sharing_type': {
      const dispute = openDispute(record);
      dispute.decision = { sharing: labelOf(event.data?.sharing), reasons, at };
      applyLabel(record, dispute.decision.sharing, at.slice(0, 10));
      close(dispute, 'decided', at);
      return;
    }
  }
}
