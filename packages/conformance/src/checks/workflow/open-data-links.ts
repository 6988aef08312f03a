import { describeResponse, isRecord, type HttpResponse } from '../../http/response.js';
import type { Sandbox } from '../../http/sim-client.js';
import type { CheckContext } from '../../runner/types.js';
import { listItems } from '../requests.js';
import { approvedGrant } from './open-data-steps.js';

/** The media type a distribution's format is served as (a data interface answers JSON pages). */
const MEDIA: Readonly<Record<string, string>> = { csv: 'text/csv', json: 'application/json', api: 'application/json' };

interface Distribution {
  format: string;
  accessUrl: string;
}

/** The distributions of a dataset as the contract's `Dataset` lists them. */
function distributionsOf(dataset: Record<string, unknown>): Distribution[] {
  const list = Array.isArray(dataset.distributions) ? dataset.distributions : [];
  return list.filter((d): d is Distribution => isRecord(d) && typeof d.format === 'string' && typeof d.accessUrl === 'string');
}

/**
 * Requests a distribution signed as organisation `org` of the sandbox, or unsigned (`anonymous`):
 * its `accessUrl` must lie below the open-data root the kit reaches this sandbox at, or the link
 * leads nowhere the kit can judge.
 */
async function follow(ctx: CheckContext, sbx: Sandbox, org: number | 'anonymous', dataset: string, link: Distribution): Promise<HttpResponse | undefined> {
  const http = sbx.http(org === 'anonymous' ? 0 : org);
  const root = http.platformUrl('open-data');
  const below = link.accessUrl.startsWith(`${root}/`);
  ctx.expect.that(below, `${dataset}'s ${link.format} link lies on the platform, in the sandbox`, `${root}/…`, link.accessUrl);
  return below ? http.request('GET', 'open-data', link.accessUrl.slice(root.length), { sign: org !== 'anonymous' }) : undefined;
}

/** The link answered 200 with the media type of its format. */
function expectServed(ctx: CheckContext, dataset: string, link: Distribution, res: HttpResponse | undefined): void {
  if (!res) return;
  const media = MEDIA[link.format.toLowerCase()];
  ctx.expect.that(res.status === 200 && (media === undefined || res.contentType === media), `${dataset}'s ${link.format} link is served`, `200 ${media ?? ''}`.trim(), describeResponse(res));
}

/**
 * `ODP-LINK-01`: every distribution of every `open` dataset is served to anyone, unsigned
 * (无条件开放), in the format it names; an `on_application` dataset's are refused unsigned (401),
 * refused (403) to an organisation without a grant, and served to the holder of a grant issued
 * today.
 *
 * @example
 * ```ts
 * await inXiamen(ctx, (sbx) => followDistributions(ctx, sbx));
 * ```
 */
export async function followDistributions(ctx: CheckContext, sbx: Sandbox): Promise<void> {
  const listed = await sbx.http(0).request('GET', 'open-data', '/datasets', { sign: false, query: { limit: 200 } });
  const datasets = listItems(listed);
  const open = datasets.filter((d) => d.openingType === 'open');
  ctx.expect.that(open.some((d) => distributionsOf(d).length > 0), 'an open dataset lists a distribution', '≥ 1', describeResponse(listed));
  for (const d of open) for (const link of distributionsOf(d)) expectServed(ctx, String(d.id), link, await follow(ctx, sbx, 'anonymous', String(d.id), link));

  const { grantId } = await approvedGrant(ctx, sbx, 'usage_feedback');
  const grant = await sbx.http(0).request('GET', 'open-data', `/grants/${encodeURIComponent(grantId)}`);
  const granted = isRecord(grant.body) && Array.isArray(grant.body.datasetIds) ? String(grant.body.datasetIds[0]) : '';
  const dataset = datasets.find((d) => d.id === granted);
  ctx.expect.that(dataset !== undefined, 'the granted dataset is listed', granted, describeResponse(listed));
  for (const link of dataset ? distributionsOf(dataset) : []) {
    const unsigned = await follow(ctx, sbx, 'anonymous', granted, link);
    ctx.expect.that(unsigned?.status === 401, `${granted}'s ${link.format} link is refused unsigned`, '401', unsigned && describeResponse(unsigned));
    const refused = await follow(ctx, sbx, 1, granted, link);
    ctx.expect.that(refused?.status === 403, `${granted}'s ${link.format} link is refused without a grant`, '403', refused && describeResponse(refused));
    expectServed(ctx, granted, link, await follow(ctx, sbx, 0, granted, link));
  }
}
