export type {
  FiredTransition,
  IdGenerator,
  OpenApiDocument,
  OperationContext,
  OperationHandler,
  OperationResult,
  Organisation,
  PlatformClockHooks,
  PlatformModule,
  PlatformName,
  ProfileRef,
  Random,
  ReviewerPolicy,
  SandboxCalendar,
  SandboxContext,
  SandboxEventInput,
  SimCommandContext,
} from './app/platform-module.js';
export type { ProblemFieldError, ProblemResultOptions } from './app/problem-response.js';
export { PlatformProblem } from './app/platform-problem.js';
