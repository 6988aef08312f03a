export { createSharingPlatform, type SharingPlatformOptions } from './sharing-platform.js';
export type { SharingState, SharingSnapshot, RequestRecord, GrantRecord, QualityIssueRecord, RequestSubmission } from './sharing-state.js';
export { requestView, grantView, qualityIssueView, REQUEST_STEPS } from './wire-views.js';
