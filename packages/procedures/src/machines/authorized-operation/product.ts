import type { MachineDefinition } from '@gdx/kernel';
import type { Profile } from '../../profile-schema.js';
import { explainOverdue, profileLimit } from '../profile-limit.js';
import { CLOSE, heldReview, REOPEN } from './held-review.js';

/**
 * A product or service (27号 第十四条(三)、第十九条; 101号 第二十三条; 厦门办法 第十九条): drafted by the
 * operator, reviewed for security and business compliance (choice 5 WD), then listed with its fee
 * or rejected with reasons; a listed product is withdrawn with a reason. It is listed only while its
 * authorization takes new permissions: the clock closes the listing (`close_approval`,
 * `data.approvalClosed`: `AUTHORIZATION_NOT_ACTIVE`) while the authorization is not `active` (nor
 * in a state of the profile's `permissionsOpenWhile`), reopens it (`reopen_approval`; the review's
 * limit stops meanwhile under the profile's `heldReviewClock: resume`), and, when
 * the authorization ends (`authorization_ended`, with reasons), rejects a product still under
 * review and withdraws a listed one: its operator's permissions are revoked (101号 第三十七条).
 * Its registration duty on
 * the registration platform (20 WD from delivery) is computed by `productRegistrationDuty`, not
 * tracked by this machine (nothing changes state at its due date).
 *
 * @example
 * engine.create('authorized-operation.product', { id: 'aod_1', actor: { role: 'operator' } });
 */
export function productMachine(profile: Profile): MachineDefinition {
  const reviewers = ['data_authority'];
  return {
    id: 'authorized-operation.product',
    initial: 'draft',
    states: {
      draft: { label: { zh: '草稿', en: 'Draft' } },
      compliance_review: { step: 'compliance_review', label: { zh: '合规审核中', en: 'Compliance review' } },
      listed: { label: { zh: '已上架', en: 'Listed' } },
      rejected: { terminal: true, label: { zh: '审核不通过', en: 'Rejected' } },
      withdrawn: { terminal: true, label: { zh: '已下架', en: 'Withdrawn' } },
    },
    transitions: [
      { from: 'draft', event: 'submit', to: 'compliance_review', by: ['operator'] },
      // Listed only while the authorization takes new permissions (`permissionsOpen`): the clock's
      // `close_approval` / `reopen_approval` follow it (payload `authorizationState`).
      { from: 'compliance_review', event: 'pass_compliance_review', to: 'listed', by: reviewers, guard: '!data.approvalClosed', guardError: 'AUTHORIZATION_NOT_ACTIVE', eventType: 'product_listed' },
      { from: 'compliance_review', event: 'fail_compliance_review', to: 'rejected', by: reviewers, requires: ['reasons'] },
      explainOverdue('compliance_review', reviewers),
      // The review's clock stops meanwhile (`heldReviewClock`).
      ...heldReview(profile, 'compliance_review', 'approvalClosed', CLOSE, REOPEN),
      // 101号 第三十七条: a product still under review when the authorization ends can never be
      // listed; it ends rejected with the reason rather than wait, overdue, for ever.
      { from: 'compliance_review', event: 'authorization_ended', to: 'rejected', by: ['clock'], requires: ['reasons'] },
      // Likewise a listed product is no longer offered once the authorization that let the
      // operator develop and provide it has ended (permissions revoked, 101号 第三十七条; 27号
      // 第十九条's public list names only products of an authorization in force).
      { from: 'listed', event: 'authorization_ended', to: 'withdrawn', by: ['clock'], requires: ['reasons'] },
      // The operator's fee within the ceiling (65号 二、五), recorded while the product stays listed.
      { from: 'listed', event: 'set_fee', to: 'listed', by: ['operator'], requires: ['fee'], eventType: 'fee_set' },
      { from: 'listed', event: 'withdraw', to: 'withdrawn', by: ['operator'], requires: ['reasons'] },
    ],
    limits: { compliance_review: profileLimit(profile, 'authorized_operation.compliance_review', 'compliance_review', 'flag_overdue') },
  };
}
