/**
 * @gdx/example-open-data-usage — a company applies for an on-application (依申请开放) dataset,
 * passes the initial review (3 WD) and the substantive review (7 WD from the day the initial
 * review passed), receives its grant and files its usage report when it falls due.
 *
 * @example
 * ```ts
 * import { runUsageStory } from '@gdx/example-open-data-usage';
 * const { application, report } = await runUsageStory({ print: console.log });
 * ```
 * @packageDocumentation
 */
export { runUsageStory, STORY_START, type UsageStoryOptions, type UsageStoryResult, type ReportCheck } from './usage-story.js';
export { applicationFor, CONDITION_EVIDENCE, type Applicant } from './application-form.js';
