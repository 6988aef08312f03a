import { shanghaiDay } from '@gdx/kernel';
import { assessFee, initialFiling, type PriceFlag } from '@gdx/procedures';
import type { AuthorizedOperationState, CeilingRecord, ProductRecord } from './ao-records.js';
import { feeStatusOf } from './pricing-view.js';
import { onCalendar } from './unpublished-year.js';

/** The ceiling fee the grantor set for a product, if any. */
export function ceilingOf(state: AuthorizedOperationState, product: ProductRecord): CeilingRecord | undefined {
  return state.authorizations.get(product.authorizationId)?.pricing.ceilings.find((c) => c.productId === product.id);
}

/**
 * The contract's `ProductFee` of a listed product with a charging unit (`null` otherwise): the
 * fee status of its authorization, the ceiling in force and the operator's fee.
 *
 * @example
 * ```ts
 * productFee(state, product); // { feeStatus: 'trial', chargingUnit: 'per_service', ceilingFen: 50000, actualFen: 45000, … }
 * ```
 */
export function productFee(state: AuthorizedOperationState, product: ProductRecord) {
  const chargingUnit = product.content.chargingUnit;
  const authorization = state.authorizations.get(product.authorizationId);
  if (product.listedOn === null || chargingUnit === undefined || !authorization) return null;
  return {
    feeStatus: feeStatusOf(authorization),
    chargingUnit,
    ceilingFen: ceilingOf(state, product)?.ceilingFen ?? null,
    actualFen: product.fee?.actualFen ?? null,
    displayed: product.fee?.displayed ?? false,
    changedAt: product.fee?.changedAt ?? state.host.get(product.id)?.updatedAt ?? '',
  };
}

/**
 * The price-complaint flags of a product's fee as it stands (65号 五): a fee above a ceiling
 * lowered since, a fee on a public-good product, a fee charged without being displayed.
 */
export function productPriceFlags(state: AuthorizedOperationState, product: ProductRecord): PriceFlag[] {
  const actualFen = product.fee?.actualFen;
  if (actualFen === undefined || actualFen === null) return [];
  return assessFee({ useCategory: product.content.useCategory, ceilingFen: ceilingOf(state, product)?.ceilingFen ?? null, actualFen, displayed: product.fee?.displayed ?? false }).flags;
}

/**
 * The contract's `CalendarWarning`: a registration duty whose due date is an estimate because
 * `year`'s holiday schedule is not published. Kept beside `registration.estimate` for the
 * contract's clients that learnt an undated duty from it (`ProductWarnings`).
 */
function calendarWarning(year: number) {
  return {
    code: 'CALENDAR_NOT_PUBLISHED' as const,
    year,
    message: {
      zh: `产品登记期限涉及 ${year} 年，该年度节假日安排尚未公布，到期日按周一至周五估算，待该年安排载入后确定；登记义务仍然存在`,
      en: `The product's registration deadline reaches ${year}, whose holiday schedule is not published, so its due date is estimated Monday–Friday until the year is loaded; the duty to register still holds`,
    },
  };
}

/**
 * A listed product's registration duty as the contract shows it (`registration`, `null` before
 * the listing) under the registration platform's own rule (`initialFiling`: 20 WD from delivery,
 * 30 WD from the rules' effective date for earlier deliveries, the start day not counted), met by
 * the registration platform's earliest live application naming the product by the operator — read
 * from that platform in the same sandbox — and flagged `late` or `overdue`. A period reaching a
 * year without a published calendar is never counted silently (domain README, time 4): it is an
 * estimate (`onCalendar`: `estimate: true`, `unpublishedYears`, Monday–Friday there), never flagged
 * `late` or `overdue` on that estimate, and `warnings` name each such year with
 * `CALENDAR_NOT_PUBLISHED`, until the year is loaded. Computed when read: nothing is planned.
 *
 * @example
 * ```ts
 * productRegistration(state, product).registration; // { dueDate: '2026-04-07', registrationCode: null, late: false, overdue: false, estimate: false, … }
 * productRegistration(state, listedInDecember).warnings; // [{ code: 'CALENDAR_NOT_PUBLISHED', year: 2027, message }]
 * ```
 */
export function productRegistration(state: AuthorizedOperationState, product: ProductRecord) {
  if (product.listedOn === null) return { registration: null, warnings: [] };
  const { sandbox } = state;
  const { calendar } = sandbox;
  const filing = sandbox.productFiling?.({ registrantCreditCode: product.operator.creditCode, productName: product.content.name });
  const input = { operationStartedOn: product.listedOn, receivedAt: filing?.receivedAt ?? sandbox.now() };
  // `initialFiling` always answers a period, so `onCalendar` never answers `null` here.
  const duty = onCalendar(calendar, (options) => initialFiling(state.host.procedures.profile, calendar, input, options))!;
  // Past an estimated end is not past the real one: the year's rest days may move it.
  const late = duty.late && !duty.estimate;
  const registration = {
    limit: duty.limit,
    unit: duty.unit,
    startTrigger: 'product_delivered',
    startedOn: duty.startedOn,
    dueDate: duty.dueDate,
    dueAt: duty.dueAt,
    registrationCode: filing?.registrationCode ?? null,
    // The duty is met on the day the registration platform received the filing; the code follows its review.
    registeredOn: filing ? shanghaiDay(filing.receivedAt) : null,
    late: filing !== undefined && late,
    overdue: filing === undefined && late,
    basis: duty.basis,
    estimate: duty.estimate,
    unpublishedYears: duty.unpublishedYears,
  };
  return { registration, warnings: duty.unpublishedYears.map(calendarWarning) };
}
