export { WorkflowHost, type HostBinding, type DispatchInput, type DispatchOptions, type CreateInput } from './workflow-host.js';
export { SandboxTimerClock } from './timer-clock.js';
export { planOfficials } from './plan-officials.js';
export { applyOfficialAction, namedOrganisation, type ActionTarget } from './official-action.js';
export { workflowFields, answerOf, officialOrganisation, type WorkflowFields } from './answer-duty.js';
export { checkSubjectIsCaller, fileDataObjection, referencedProvider, dataObjectionView, objectionOfficial, thirdPartyObjectionResult, OBJECTION_WIRE, type DataObjectionRecord, type DataObjectionSubmission } from './data-objections.js';
// listPage is the core's; platforms reach every paging helper through the workflow host.
export { listPage, pageJson, type KeyShape } from '../../app/paging.js';
export { listOwn, listEvents, newestFirst, ownListing, NEWEST_FIRST_KEY } from './list-page.js';
export { type Listing } from './host-index.js';
export { hostClock, recordsById } from './host-hooks.js';
export { wireEvent, wireDeadline, instanceDeadline, wireActor, toReasons, type WireEvent, type WireActor, type WireMapping, type StepNames } from './wire.js';
export { transitionProblem, illegalTransition } from './transition-problem.js';
export { requireOneOfRoles, requireRole } from './require-role.js';
export { instanceObject, instanceRow, machineStateLabel, type InstanceObjectOptions } from './host-objects.js';
export { offeredActions, accepts, actingRole, type OfficialActing } from './offered-actions.js';
export { grantObject, type GrantObjectInput } from './grant-objects.js';
export { grantPlatformObjects, type GrantPlatform } from './grant-platform-objects.js';
export { checkPeriod, checkPeriodOfUse, periodEndedRefusals, PERIOD_OF_USE_REACH_YEARS, type DayPeriod } from './period-checks.js';
