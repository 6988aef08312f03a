export { gdxLimits, type GdxLimit, type ProfileName } from './gdx-limits.js';
export { loadBundledSpec, type OpenApiDocument } from './load-bundled-spec.js';
export { OpenApiSpecError, type OpenApiSpecErrorCode } from './spec-error.js';
export { isSpecName, PLATFORMS, SPEC_NAMES, type PlatformName, type SpecName } from './spec-names.js';
export { gdxStateMachines, type GdxStateMachine, type GdxTransition } from './state-machines.js';
