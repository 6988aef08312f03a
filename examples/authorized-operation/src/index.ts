/**
 * @gdx/example-authorized-operation — a city authorizes an operator by scenario (公共数据资源授权运营,
 * 发改数据规〔2025〕27号), the operator lists a chargeable product, registers it, charges within the
 * ceiling under MAR = C + C × r + T (发改价格〔2025〕65号), reports on its year, and the yearly
 * deviation makes the grantor adjust the ceiling.
 *
 * @example
 * ```ts
 * import { runOperationStory } from '@gdx/example-authorized-operation';
 * const { report } = await runOperationStory({ print: console.log });
 * ```
 * @packageDocumentation
 */
export {
  runOperationStory, STORY_START, TERM, MAR_INPUTS, CEILING_FEN, ACTUAL_FEN, TOO_HIGH_FEN, REVENUE_2026_FEN, ADJUSTED_CEILING_FEN, ADJUSTED_VOLUME,
  type OperationStoryOptions, type OperationStoryResult,
} from './operation-story.js';
export { cityPlan, cityAgreement, heatMapProduct, scopeItem, PLANNED_SERVICES, type CatalogEntryRef, type Term } from './city-forms.js';
