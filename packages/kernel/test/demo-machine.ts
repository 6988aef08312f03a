import type { MachineDefinition } from '../src/index.js';

/** A small registration-like machine exercising every kernel feature. */
export const demoMachine: MachineDefinition = {
  id: 'demo',
  initial: 'submitted',
  states: {
    submitted: { step: 'acceptance' },
    supplement_required: {},
    under_review: { step: 'review' },
    in_notice: { step: 'notice' },
    objection_review: { step: 'notice' },
    registered: { step: 'validity' },
    rejected: { terminal: true },
    done: { terminal: true },
  },
  transitions: [
    { from: 'submitted', event: 'accept', to: 'under_review', by: ['registry'] },
    { from: 'submitted', event: 'request_supplement', to: 'supplement_required', by: ['registry'], requires: ['items'] },
    { from: 'supplement_required', event: 'resubmit', to: 'submitted', by: ['registrant'] },
    { from: ['submitted', 'under_review'], event: 'reject', to: 'rejected', by: ['registry'], requires: ['reasons'] },
    { from: 'under_review', event: 'explain_overdue', to: 'under_review', by: ['registry'], guard: 'overdue', requires: ['reasons'], eventType: 'overdue_explained' },
    { from: 'under_review', event: 'pass', to: 'in_notice', by: ['registry'] },
    { from: 'in_notice', event: 'notice_closed', to: 'registered', by: ['clock'] },
    { from: 'in_notice', event: 'object', to: 'objection_review', by: ['interested_party'], requires: ['evidence'] },
    { from: 'objection_review', event: 'notice_closed', to: 'objection_review', by: ['clock'], set: { noticeClosed: true }, eventType: 'notice_closed' },
    { from: 'objection_review', event: 'dismiss', to: 'registered', by: ['registry'], guard: 'data.noticeClosed' },
    { from: 'objection_review', event: 'dismiss', to: 'in_notice', by: ['registry'] },
    { from: 'registered', event: 'renew', to: 'registered', by: ['registrant'], deadline: 'extend', eventType: 'renewed' },
    { from: 'registered', event: 'expire', to: 'done', by: ['clock'] },
  ],
  limits: {
    acceptance: { id: 'acceptance', value: 3, unit: 'working_days', startTrigger: 'received', basis: '第十条', onExpiry: 'flag_overdue' },
    review: { id: 'review', value: 20, unit: 'working_days', startTrigger: 'accepted', basis: '第十一条', onExpiry: 'flag_overdue' },
    notice: { id: 'notice', value: 10, unit: 'working_days', startTrigger: 'review_passed', basis: '第十二条', onExpiry: { event: 'notice_closed' } },
    validity: { id: 'validity', value: 3, unit: 'years', startTrigger: 'coded', basis: '第十五条', onExpiry: { event: 'expire' }, capField: 'authorizedUntil', estimate: true },
  },
};
