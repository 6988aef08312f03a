export { profileSchema, LIMIT_IDS, type LimitId, type Profile, type ProfileEffectiveDate, type ProfileLimit } from './profile-schema.js';
export { ProfileError } from './profile-error.js';
export { resolveProfile, validateProfile, builtinProfileNames } from './resolve-profile.js';
export { loadProfile } from './load-profile.js';
export { buildProcedures, type Procedures } from './procedures.js';
export { procedureGuards, renewalWindow } from './guards.js';
export {
  registrationApplicationMachine,
  registrationRecordMachine,
  registrationMachines,
  REGISTRATION_TYPES,
  type RegistrationType,
} from './machines/registration.js';
export { sharingRequestMachine, sharingMachines } from './machines/sharing.js';
export { openDataApplicationMachine, usageReportingMachine, openDataMachines } from './machines/open-data.js';
export { catalogEntryMachine, catalogObligationMachine, catalogMachines } from './machines/catalog.js';
export { answerDutyMachine } from './machines/answer-duty.js';
export { planOfficialActions, type ReviewerPolicy, type OutcomeProbabilities, type PlanOptions } from './officials/plan-official-actions.js';
export { attachOfficials } from './officials/attach-officials.js';
export { officialStep, officialsActAfter, type OfficialStep } from './officials/official-steps.js';
export { mulberry32, hashSeed } from './officials/prng.js';
export { REJECTION_REASONS, SUPPLEMENT_ITEMS, ANSWERS, OVERDUE_EXPLANATIONS, type ReasonText } from './officials/reason-texts.js';
export { formatRegistrationCode } from './registration-code.js';
export { initialFiling, type InitialFiling } from './initial-filing.js';
export { createPlatformEngine, type PlatformEngineOptions } from './create-platform-engine.js';
