import type { ReferencedKind } from '../workflow-host/index.js';

// What the platform's ids name, for the messages of a 404 `NOT_FOUND` (`unknownId`, `missingReference`).

/** An open dataset (开放数据集), by a path's `datasetId` or an application's `datasetIds`. */
export const OPEN_DATASET: ReferencedKind = { zh: '开放数据集', en: 'open dataset' };
/** An application for on-application access (依申请开放). */
export const APPLICATION: ReferencedKind = { zh: '开放申请', en: 'application' };
/** An open-data grant (开放授权). */
export const GRANT: ReferencedKind = { zh: '开放授权', en: 'grant' };
/** A spot check (抽查) of a grant. */
export const SPOT_CHECK: ReferencedKind = { zh: '抽查', en: 'spot check' };
/** A demand for data to be opened (开放需求). */
export const DEMAND: ReferencedKind = { zh: '开放需求', en: 'demand' };
/** A file of a dataset's distributions. */
export const DATASET_FILE: ReferencedKind = { zh: '数据文件', en: 'file' };
