export { WorkflowHost, type HostBinding, type DispatchInput } from './workflow-host.js';
export { SandboxTimerClock } from './timer-clock.js';
export { planOfficials } from './plan-officials.js';
export { applyOfficialAction, type ActionTarget } from './official-action.js';
export { workflowFields, answerOf, officialOrganisation, type WorkflowFields } from './answer-duty.js';
export { fileDataObjection, dataObjectionView, objectionOfficial, OBJECTION_STEPS, type DataObjectionRecord, type DataObjectionSubmission } from './data-objections.js';
export { listPage, newestFirst } from './list-page.js';
export { wireEvent, wireDeadline, wireActor, toReasons, transitionProblem, type WireEvent, type WireActor, type StepNames } from './wire.js';
