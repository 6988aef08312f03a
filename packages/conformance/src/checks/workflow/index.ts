import type { Check } from '../../runner/types.js';
import { aopProcedureChecks } from './authorized-operation.js';
import { aopPricingChecks } from './authorized-operation-pricing.js';
import { aopRuleChecks } from './authorized-operation-rules.js';
import { catalogChecks } from './catalog.js';
import { catalogWorkflowChecks } from './catalog-workflow.js';
import { openDataDutyChecks } from './open-data-duties.js';
import { openDataChecks } from './open-data.js';
import { amendmentChecks } from './registration-amendments.js';
import { filingChecks } from './registration-filing.js';
import { objectionChecks } from './registration-objections.js';
import { registrationChecks } from './registration.js';
import { renewalChecks } from './registration-renewal.js';
import { escalationChecks } from './sharing-escalation.js';
import { sharingChecks } from './sharing.js';

/** Workflow checks of the five platforms, in platform order (authorized operation last: it builds on the other four). */
export const workflowChecks: Check[] = [...registrationChecks, ...filingChecks, ...amendmentChecks, ...objectionChecks, ...renewalChecks, ...sharingChecks, ...escalationChecks, ...openDataChecks, ...openDataDutyChecks, ...catalogChecks, ...catalogWorkflowChecks, ...aopProcedureChecks, ...aopRuleChecks, ...aopPricingChecks];
