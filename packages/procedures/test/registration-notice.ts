import { actors, harness, ok, type Harness } from './harness.js';

/** Evidence an interested party files with an objection. */
export const objectionEvidence = [{ name: '授权协议.pdf', mediaType: 'application/pdf', digest: 'sha256:ab' }];

/**
 * The national worked example up to the public notice: received Fri 2025-09-26, accepted
 * 09-30, review passed 11-03 (notice due 2025-11-17, closes 2025-11-18 00:00), as `rga`.
 */
export function toNotice(profile: string | object = 'national'): Harness {
  const h = harness(profile, '2025-09-26T10:00');
  ok(h.engine.create('registration.application.initial', { id: 'rga', actor: actors.registrant }));
  h.to('2025-09-30T15:00');
  ok(h.engine.dispatch('rga', 'accept', { actor: actors.registry }));
  h.to('2025-11-03T10:00');
  ok(h.engine.dispatch('rga', 'approve_review', { actor: actors.registry }));
  return h;
}
