export { WorkflowHost, type HostBinding, type DispatchInput, type CreateInput } from './workflow-host.js';
export { SandboxTimerClock } from './timer-clock.js';
export { planOfficials } from './plan-officials.js';
export { applyOfficialAction, type ActionTarget } from './official-action.js';
export { workflowFields, answerOf, officialOrganisation, type WorkflowFields } from './answer-duty.js';
export { fileDataObjection, dataObjectionView, objectionOfficial, OBJECTION_WIRE, type DataObjectionRecord, type DataObjectionSubmission } from './data-objections.js';
export { listPage, newestFirst } from './list-page.js';
export { wireEvent, wireDeadline, instanceDeadline, wireActor, toReasons, type WireEvent, type WireActor, type WireMapping, type StepNames } from './wire.js';
export { transitionProblem, illegalTransition, offeredEvents } from './transition-problem.js';
