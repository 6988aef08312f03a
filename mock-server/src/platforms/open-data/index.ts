export { createOpenDataPlatform, type OpenDataPlatformOptions } from './open-data-platform.js';
export type { OpenDataState, OpenDataSnapshot, ApplicationRecord, GrantRecord, UsageReportRecord, DemandRecord, ApplicationSubmission } from './open-data-state.js';
export { applicationView, grantView, datasetView, openingPlanView, demandView, rejectionView, usageReportView } from './wire-views.js';
