import { shanghaiDate } from '@gdx/calendar';
import { HEADERS, readableHeaderValue } from '@gdx/protocol';
import { strongEtag } from '../../app/etag.js';
import { fileAnswer, type ServedFile } from '../../app/file-answer.js';
import type { OperationHandler, OperationResult } from '../../app/platform-module.js';
import { unknownId } from '../../app/unknown-id.js';
import type { DatasetFile, OpenDataset } from '../../sandbox/seed/types.js';
import { positionPage } from '../workflow-host/index.js';
import type { GrantRecord, OpenDataState } from './open-data-state.js';
import { DATASET_FILE, OPEN_DATASET } from './object-kinds.js';

/**
 * The file formats the mock can make from a dataset's rows, with the media type of the file and
 * of a byte range of it; a file in another format (XLSX, SHP…) is not listed. A piece of CSV is
 * still lines of text; a piece of a JSON array is no JSON, so it is not labelled JSON, which
 * clients and validators that parse every `application/json` body would fail on (see `ServedFile`).
 */
const SERVED_FORMATS: Readonly<Record<string, { whole: string; part: string }>> = {
  CSV: { whole: 'text/csv; charset=utf-8', part: 'text/csv; charset=utf-8' },
  JSON: { whole: 'application/json', part: 'application/octet-stream' },
};

/** The dataset's files the platform serves (`GET /datasets/{id}/files/{fileName}`). */
function servedFiles(d: OpenDataset): DatasetFile[] {
  return d.files.filter((f) => SERVED_FORMATS[f.format] !== undefined);
}

/**
 * The OpenAPI `Dataset.distributions`: the files the platform serves and its data interface,
 * each `accessUrl` below `apiBase` (the request's API root, `ctx.apiBase`), so a client follows it
 * on the host, mount and sandbox it asked.
 *
 * @example
 * ```ts
 * distributionsOf(dataset, 'http://127.0.0.1:4010/open-data/v1')[0]?.accessUrl;
 * // 'http://127.0.0.1:4010/open-data/v1/datasets/ods_…/files/350200-….csv'
 * ```
 */
export function distributionsOf(d: OpenDataset, apiBase: string) {
  const requiresGrant = d.openingType === 'on_application';
  return [
    ...servedFiles(d).map((f) => ({ format: f.format, accessUrl: `${apiBase}${f.path}`, requiresGrant })),
    ...(d.api ? [{ format: 'api', accessUrl: `${apiBase}${d.api.endpoint}`, requiresGrant }] : []),
  ];
}

/** A CSV field (RFC 4180): quoted when it holds a quote, a comma or a line break; `null` is empty. */
function csvField(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The dataset's rows as CSV: a header line of its field names, CRLF line ends (RFC 4180). */
function csvOf(d: OpenDataset): string {
  const names = d.fields.map((f) => f.name);
  const lines = [names, ...d.sampleRows.map((row) => names.map((n) => row[n]))].map((cells) => `${cells.map(csvField).join(',')}\r\n`);
  return lines.join('');
}

const utf8 = new TextEncoder();

/**
 * The served form of each dataset's files, made on the first download: a dataset object never
 * changes (a new catalog version is a new object), so its bytes and `ETag` are made once, not per
 * request, and are the same in every sandbox, transport and run for the same rows.
 */
const servedForms = new WeakMap<OpenDataset, Map<string, ServedFile>>();

/** The file `file` of `dataset` as it is served: its rows in its format, as UTF-8, with their `ETag`. */
function servedForm(dataset: OpenDataset, file: DatasetFile): ServedFile {
  let forms = servedForms.get(dataset);
  if (forms === undefined) servedForms.set(dataset, (forms = new Map()));
  let served = forms.get(file.path);
  if (served === undefined) {
    const bytes = utf8.encode(file.format === 'CSV' ? csvOf(dataset) : JSON.stringify(dataset.sampleRows));
    const fileName = decodeURIComponent(file.path.slice(file.path.lastIndexOf('/') + 1));
    const types = SERVED_FORMATS[file.format]!;
    served = { bytes, contentType: types.whole, partContentType: types.part, etag: strongEtag(bytes), fileName };
    forms.set(file.path, served);
  }
  return served;
}

/**
 * When a dataset last changed, as the sandbox's clock saw it: its catalog entry's last
 * modification (a new version published), never after the sandbox's now, for `Last-Modified`
 * may not lie in the future (RFC 9110 §8.8.2.1).
 */
function lastChanged(ctx: Ctx, dataset: OpenDataset): number {
  return Math.min(Date.parse(dataset.modifiedAt), ctx.sandbox.now());
}

type Ctx = Parameters<OperationHandler<OpenDataState>>[0];

/**
 * The open dataset of the path, or a problem: 404 when there is none. An `open` dataset (无条件开放)
 * is anyone's, signed or not. One open on application (有条件开放) is used under an approved
 * application's grant (依申请开放, 第二十三条), presented by the grantee's signature or by the
 * grant's own app key (`Authorization: Bearer odk_…`, decision 0033): with neither, 401
 * `SIGNATURE_MISSING` as a signed operation answers; a key of no grant, 401 `APP_KEY_UNKNOWN`
 * at `/header/authorization`; a grant (the caller's, or the key's) that is not active and valid
 * today or does not cover the dataset, 403 `FORBIDDEN` with `GRANT_REQUIRED` at `/path/datasetId`.
 */
function readableDataset(ctx: Ctx): { dataset: OpenDataset } | { refusal: OperationResult } {
  const id = ctx.params.datasetId ?? '';
  const dataset = ctx.state.datasets.get(id);
  if (!dataset) return { refusal: ctx.problem('NOT_FOUND', unknownId('/path/datasetId', OPEN_DATASET, id)) };
  if (dataset.openingType === 'open') return { dataset };
  const grants = presentedGrants(ctx, id);
  if ('refusal' in grants) return grants;
  const today = shanghaiDate(ctx.sandbox.now());
  if (grants.some((grant) => grant.state === 'active' && grant.validFrom <= today && today <= grant.validUntil && grant.datasetIds.includes(id))) return { dataset };
  const refusal = ctx.problem('FORBIDDEN', {
    detail: `有条件开放的数据集 ${id} 须持有有效的开放授权 / Dataset ${id} is open on application: it needs an active grant valid today`,
    errors: [{ pointer: '/path/datasetId', code: 'GRANT_REQUIRED', message: { zh: '有条件开放的数据须持有有效的开放授权', en: 'Data open on application needs an active grant valid today' } }],
  });
  return { refusal };
}

/**
 * The grants the request presents: the signing organisation's, else the one whose app key it
 * sends as a bearer token (a signature wins: the key is then not looked at); or why it presents none.
 */
function presentedGrants(ctx: Ctx, datasetId: string): GrantRecord[] | { refusal: OperationResult } {
  if (ctx.caller !== undefined) return [...ctx.state.grants.values()].filter((grant) => grant.owner === ctx.caller?.id);
  const key = ctx.bearerToken;
  if (key === undefined) {
    const refusal = ctx.problem('SIGNATURE_MISSING', {
      detail: `有条件开放的数据集 ${datasetId} 须由持有开放授权的单位签名请求，或携带授权的 AppKey（Authorization: Bearer odk_…） / Dataset ${datasetId} is open on application: sign the request as the organisation holding its grant, or send the grant's app key (Authorization: Bearer odk_…)`,
      errors: [{ pointer: `/header/${HEADERS.appKey}`, code: 'REQUIRED', message: { zh: `有条件开放的数据须签名请求或携带开放授权的 AppKey：缺少请求头 ${HEADERS.appKey}`, en: `Data open on application needs a signed request or its grant's app key: the header ${HEADERS.appKey} is missing` } }],
    });
    return { refusal };
  }
  for (const grant of ctx.state.grants.values()) if (grant.appKey === key) return [grant];
  const shown = readableHeaderValue(key);
  const refusal = ctx.problem('APP_KEY_UNKNOWN', {
    detail: `no open-data grant has the app key ${shown}`,
    errors: [{ pointer: '/header/authorization', code: 'APP_KEY_UNKNOWN', message: { zh: `没有开放授权的 AppKey 为 ${shown}`, en: `No open-data grant has the app key ${shown}` } }],
  });
  return { refusal };
}

/**
 * The distributions' operations: a dataset's file (its rows as CSV or JSON, by the file's
 * format, served as a file server serves one: validators, conditional requests, a download name
 * and byte ranges, see `fileAnswer`) and its data interface (its rows a page at a time): an `open`
 * dataset's to anyone (the contract makes their signature optional), an `on_application`
 * dataset's only under a live grant of the signing caller or of the app key it sends. The mock's
 * rows are the dataset's sample rows. A file's 401, 403 and 404 come before its conditions and ranges.
 *
 * @example
 * ```ts
 * distributionOperations.getDatasetFile(ctx).headers?.['content-type']; // 'text/csv; charset=utf-8'
 * ```
 */
export const distributionOperations: Record<string, OperationHandler<OpenDataState>> = {
  getDatasetFile: (ctx) => {
    const read = readableDataset(ctx);
    if ('refusal' in read) return read.refusal;
    const { dataset } = read;
    const fileName = ctx.params.fileName ?? '';
    const file = servedFiles(dataset).find((f) => f.path === `/datasets/${dataset.id}/files/${encodeURIComponent(fileName)}`);
    if (!file) {
      const names = servedFiles(dataset).map((f) => f.path.slice(f.path.lastIndexOf('/') + 1)).join(', ') || 'none';
      return ctx.problem('NOT_FOUND', unknownId('/path/fileName', DATASET_FILE, fileName, `dataset ${dataset.id} has no file ${fileName} (its files: ${names})`));
    }
    return fileAnswer(ctx, servedForm(dataset, file), lastChanged(ctx, dataset));
  },
  listDatasetRecords: (ctx) => {
    const read = readableDataset(ctx);
    if ('refusal' in read) return read.refusal;
    const { dataset } = read;
    if (!dataset.api) {
      return ctx.problem('NOT_FOUND', {
        detail: `dataset ${dataset.id} offers no data interface`,
        errors: [{ pointer: '/path/datasetId', code: 'NOT_FOUND', message: { zh: `数据集 ${dataset.id} 不提供数据接口`, en: `Dataset ${dataset.id} offers no data interface` } }],
      });
    }
    // Keyed by position: a cursor holding none (a forged -5 or 1.5) is refused, not read as the start.
    const rows = dataset.sampleRows;
    return { status: 200, body: positionPage(ctx, rows.length, (i) => rows[i]!) };
  },
};
