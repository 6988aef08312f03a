export { profileSchema, LIMIT_IDS, type LimitId, type Profile, type ProfileLimit } from './profile-schema.js';
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
