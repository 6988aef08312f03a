import type { OperationHandler } from '../../app/platform-module.js';
import type { OpenDataset } from '../../sandbox/seed/types.js';
import { listPage, pageJson } from '../workflow-host/index.js';
import type { ApplicationRecord, OpenDataState } from './open-data-state.js';
import { datasetView, openingPlanView, rejectionView } from './wire-views.js';

/** A dataset's view as JSON, rendered once: a dataset is never changed (a new catalog version makes a new one). */
const datasetJsons = new WeakMap<OpenDataset, string>();

function datasetJson(dataset: OpenDataset): string {
  let json = datasetJsons.get(dataset);
  if (json === undefined) datasetJsons.set(dataset, (json = JSON.stringify(datasetView(dataset))));
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
    return { status: 200, json: pageJson(listPage(ctx, datasets, ['string'], (d) => [d.id], datasetJson)) };
  },
  getDataset: (ctx) => {
    const dataset = ctx.state.datasets.get(ctx.params.datasetId ?? '');
    return dataset ? { status: 200, json: datasetJson(dataset) } : ctx.problem('NOT_FOUND', { detail: `no open dataset ${ctx.params.datasetId}` });
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
