import type { MachineDefinition } from '@gdx/kernel';
import type { LimitId, Profile } from '../profile-schema.js';
import { explainOverdue, profileLimit } from './profile-limit.js';

/**
 * A request someone must answer within a limit: `submitted` (the answer step) → `answered`
 * with the written answer in `payload.answer`. Used for data-subject objections (数据异议, 5 WD),
 * data-quality issues and open-data demand requests.
 *
 * @example
 * answerDutyMachine(profile, 'sharing.data-objection', 'sharing.data_objection', ['data_provider', 'data_authority']);
 */
export function answerDutyMachine(profile: Profile, id: string, limitId: LimitId, answeredBy: string[]): MachineDefinition {
  return {
    id,
    initial: 'submitted',
    states: {
      submitted: { step: 'answer', label: { zh: '待答复', en: 'Awaiting answer' } },
      answered: { terminal: true, label: { zh: '已答复', en: 'Answered' } },
    },
    transitions: [
      { from: 'submitted', event: 'answer', to: 'answered', by: answeredBy, requires: ['answer'], assign: ['answer'] },
      explainOverdue('submitted', answeredBy),
    ],
    limits: { answer: profileLimit(profile, limitId, 'answer', 'flag_overdue') },
  };
}
