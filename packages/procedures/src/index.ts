export { profileSchema, LIMIT_IDS, type LimitId, type Profile, type ProfileEffectiveDate, type ProfileLimit } from './profile-schema.js';
export { ProfileError } from './profile-error.js';
export { type ProfileIssue } from './profile-issues.js';
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
export { PERIOD_OF_USE_ENDS, WHILE_PERIOD_RUNS, periodOfUseEnds, periodOfUseRunning } from './machines/period-of-use.js';
export { planOfficialActions, type ReviewerPolicy, type OutcomeProbabilities, type PlanOptions } from './officials/plan-official-actions.js';
export { attachOfficials } from './officials/attach-officials.js';
export { officialStep, officialsActAfter, type OfficialStep } from './officials/official-steps.js';
export { mulberry32, hashSeed } from './officials/prng.js';
export {
  REJECTION_REASONS,
  SHARING_REVIEW_REASONS,
  SHARING_COMPLIANCE_REASONS,
  OPEN_DATA_RETURN_REASONS,
  OPEN_DATA_REJECTION_REASONS,
  CATALOG_RETURN_REASONS,
  AO_PLAN_REASONS,
  AO_SELECTION_REASONS,
  AO_RECTIFICATION_REASONS,
  AO_DATA_ACCESS_REASONS,
  AO_PRODUCT_REASONS,
  SUPPLEMENT_ITEMS,
  ANSWERS,
  DATA_CORRECTION_ANSWERS,
  DEMAND_ANSWERS,
  OVERDUE_EXPLANATIONS,
  periodEndedReason,
  type ReasonText,
} from './officials/reason-texts.js';
export { formatRegistrationCode } from './registration-code.js';
export { NATIONAL_REVOCATION_GROUNDS, REGISTRATION_GROUND_LABELS, REVOCATION_GROUNDS, type RevocationGround } from './registration-grounds.js';
export { initialFiling, type InitialFiling } from './initial-filing.js';
export { createPlatformEngine, type PlatformEngineOptions } from './create-platform-engine.js';
export {
  authorizedOperationMachines,
  authorizationMachine,
  dataAccessMachine,
  planMachine,
  productMachine,
  selectionMachine,
} from './machines/authorized-operation/index.js';
export {
  ANNUAL_REPORT_FILERS,
  AUTHORIZED_OPERATION_LIMIT_IDS,
  PERMISSIONS_OPEN_STATES,
  SELECTION_METHODS,
  type AuthorizedOperationOptions,
  type PricingRules,
  type SelectionMethod,
  withoutRepeatedValues,
} from './authorized-operation/profile-part.js';
export { asOnceAccepted } from './stored-profile.js';
export { authorizedOperationGuards } from './authorized-operation/guards.js';
export { permissionsOpen } from './authorized-operation/permissions.js';
export { assessTerm, type TermCheck } from './authorized-operation/term-check.js';
export { termEndedReasons } from './authorized-operation/term-ended.js';
export { rulesWarnings, type RulesWarning } from './authorized-operation/rules-validity.js';
export { sharingRulesWarnings, type SharingRulesSubject, type SharingRulesWarning } from './sharing-rules-validity.js';
export type { RulesExpiredWarning } from './rules-expired-warning.js';
export { productRegistrationDuty, type ProductRegistrationDuty } from './authorized-operation/product-registration.js';
export { agreementReportDuty, type AgreementReportDuty } from './authorized-operation/agreement-report.js';
export { disclosureDuty, operatorDisclosureDuty, statusReportDuty, type DisclosureDuty } from './authorized-operation/disclosure-duty.js';
export { ceilingReportDuty, type CeilingReportDuty } from './authorized-operation/ceiling-report.js';
export type { DutyOptions, DutyPeriod } from './authorized-operation/duty-period.js';
export { maximumAllowedRevenue, type MarCalculation, type MarInput } from './pricing/mar.js';
export { yearlyDeviation, type DeviationDecision } from './pricing/deviation.js';
export { cycleCarryOver, pricingCycles, spreadDeduction, type PriceCycle } from './pricing/cycle.js';
export { assessFee, ceilingLoad, type FeeSituation, type PriceFlag } from './pricing/fees.js';
export { formalFeeEligibility } from './pricing/fee-status.js';
export { annualReportDue, type AnnualReportDue } from './pricing/annual-report.js';
export { MAX_FEN } from './pricing/integer-money.js';
export { PricingError, type PricingErrorCode } from './pricing/pricing-error.js';
