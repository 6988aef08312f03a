import type { OperationHandler } from '../../app/platform-module.js';
import { unknownId } from '../../app/unknown-id.js';
import type { OpenDataset } from '../../sandbox/seed/types.js';
import { listPage, pageJson } from '../workflow-host/index.js';
import type { ApplicationRecord, OpenDataState } from './open-data-state.js';
import { datasetView, openingPlanView, rejectionView } from './wire-views.js';
import { OPEN_DATASET } from './object-kinds.js';

/**
 * A dataset's view as JSON, rendered once per API root its links start with: a dataset is never
 * changed (a new catalog version makes a new one). The sandboxes of a seed share its datasets,
 * each under its own root, so a few roots are kept per dataset; past {@link ROOTS_KEPT} they are
 * dropped and rendered again, so `Host` values a client makes up cannot grow the cache.
 */
const datasetJsons = new WeakMap<OpenDataset, Map<string, string>>();
const ROOTS_KEPT = 8;

function datasetJson(dataset: OpenDataset, apiBase: string): string {
  let byRoot = datasetJsons.get(dataset);
  if (byRoot === undefined) datasetJsons.set(dataset, (byRoot = new Map()));
  let json = byRoot.get(apiBase);
  if (json === undefined) {
    if (byRoot.size >= ROOTS_KEPT) byRoot.clear();
    byRoot.set(apiBase, (json = JSON.stringify(datasetView(dataset, apiBase))));
  }
  return json;
}

/**
 * The public (unsigned) operations: open datasets (search over title and summary, filters by
 * opening type and provider), opening plans (by year) and published rejection reasons — the
 * only things of other organisations anyone may read.
 *
 * @example
 * ```ts
 * publicOperations.listDatasets(ctx).body.items[0].openingType; // 'open' | 'on_application'
 * ```
 */
export const publicOperations: Record<string, OperationHandler<OpenDataState>> = {
  listDatasets: (ctx) => {
    const q = typeof ctx.query.q === 'string' ? ctx.query.q.trim() : '';
    const datasets = ctx.state.datasets.all().filter(
      (d) =>
        (q === '' || d.title.includes(q) || d.summary.includes(q)) &&
        (ctx.query.openingType === undefined || d.openingType === ctx.query.openingType) &&
        (ctx.query.provider === undefined || d.provider.creditCode === ctx.query.provider),
    );
    const apiBase = ctx.apiBase ?? '';
    return { status: 200, json: pageJson(listPage(ctx, datasets, ['string'], (d) => [d.id], (d) => datasetJson(d, apiBase))) };
  },
  getDataset: (ctx) => {
    const id = ctx.params.datasetId ?? '';
    const dataset = ctx.state.datasets.get(id);
    return dataset ? { status: 200, json: datasetJson(dataset, ctx.apiBase ?? '') } : ctx.problem('NOT_FOUND', unknownId('/path/datasetId', OPEN_DATASET, id));
  },
  listOpeningPlans: (ctx) => {
    const plans = ctx.state.plans.filter((p) => ctx.query.year === undefined || p.year === ctx.query.year);
    return { status: 200, body: listPage(ctx, plans, ['string'], (p) => [p.id], openingPlanView) };
  },
  listRejections: (ctx) => {
    // Rejected applications are indexed by the open-data binding's listings, oldest rejection first.
    const read = (id: string) => rejectionView(ctx.state.applications.get(id) as ApplicationRecord);
    return { status: 200, body: ctx.state.host.listPage(ctx, 'rejection', null, undefined, read) };
  },
};
