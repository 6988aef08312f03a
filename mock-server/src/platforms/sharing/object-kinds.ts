import type { ReferencedKind } from '../workflow-host/index.js';

// What the platform's ids name, for the messages of a 404 `NOT_FOUND` (`unknownId`, `missingReference`).

/** A sharing request (共享申请). */
export const SHARING_REQUEST: ReferencedKind = { zh: '共享申请', en: 'sharing request' };
/** A sharing grant (共享授权), by a path's `grantId` or a quality issue's `grantId`. */
export const GRANT: ReferencedKind = { zh: '共享授权', en: 'grant' };
/** A quality issue (问题数据反馈). */
export const QUALITY_ISSUE: ReferencedKind = { zh: '问题数据反馈', en: 'quality issue' };
