export { createSeedData, type SeedOptions } from './create-seed-data.js';
export { createRng, type Rng } from './prng.js';
export { scopeAppKey, parseScopedAppKey } from './app-keys.js';
export { REGIONS, regionsForProfile, type RegionSet } from './regions.js';
export { RESOURCE_TEMPLATES } from './catalog-entries.js';
export {
  SHARING_TYPE_LABELS,
  OPENING_TYPE_LABELS,
  GRADE_LABELS,
  UPDATE_CYCLE_LABELS,
  DELIVERY_METHOD_LABELS,
  SHARING_CONDITION_LABELS,
  OPENING_CONDITION_LABELS,
} from './labels.js';
export type * from './types.js';
