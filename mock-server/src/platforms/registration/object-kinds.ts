import type { ReferencedKind } from '../workflow-host/index.js';

// What the platform's ids name, for the messages of a 404 `NOT_FOUND` (`unknownId`).

/** A registration application (登记申请). */
export const APPLICATION: ReferencedKind = { zh: '登记申请', en: 'application' };
/** A registration (登记结果), by its id or its lookup code. */
export const REGISTRATION: ReferencedKind = { zh: '登记结果', en: 'registration' };
/** A public notice (公示). */
export const NOTICE: ReferencedKind = { zh: '公示', en: 'public notice' };
