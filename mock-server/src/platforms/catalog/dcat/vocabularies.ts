import type { DeliveryMethod, OpeningType, UpdateCycle } from '../../../sandbox/seed/types.js';

/** The JSON-LD context of every export: prefixes only, values carry explicit `@type`/`@language`. */
export const DCAT_CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  gdx: 'https://gdx.dev/ns/catalog#',
} as const;

const FREQUENCY = 'http://publications.europa.eu/resource/authority/frequency/';
const ACCESS_RIGHT = 'http://publications.europa.eu/resource/authority/access-right/';
const FILE_TYPE = 'http://publications.europa.eu/resource/authority/file-type/';

/** Update cycle → EU frequency vocabulary (real-time data is "continuously updated"). */
export const FREQUENCY_IRIS: Record<UpdateCycle, string> = {
  real_time: `${FREQUENCY}UPDATE_CONT`,
  daily: `${FREQUENCY}DAILY`,
  weekly: `${FREQUENCY}WEEKLY`,
  monthly: `${FREQUENCY}MONTHLY`,
  quarterly: `${FREQUENCY}QUARTERLY`,
  yearly: `${FREQUENCY}ANNUAL`,
  irregular: `${FREQUENCY}IRREG`,
};

/**
 * Opening type → EU access-right vocabulary. Access rights describe access by the public, so the
 * opening type decides; the sharing type (between agencies) travels as `gdx:sharingType`.
 * A not-shared resource is never open (seed and procedure guarantee it), so it maps to NON_PUBLIC.
 */
export const ACCESS_RIGHT_IRIS: Record<OpeningType, string> = {
  open: `${ACCESS_RIGHT}PUBLIC`,
  on_application: `${ACCESS_RIGHT}RESTRICTED`,
  not_open: `${ACCESS_RIGHT}NON_PUBLIC`,
};

/**
 * A format name → EU file-type IRI (`CSV` → `…/file-type/CSV`); the EU list uses the upper-case
 * names we use, with GeoJSON spelled `GEOJSON`.
 *
 * @example
 * ```ts
 * fileTypeIri('GeoJSON'); // 'http://publications.europa.eu/resource/authority/file-type/GEOJSON'
 * ```
 */
export function fileTypeIri(format: string): string {
  return `${FILE_TYPE}${format.toUpperCase()}`;
}

/** How each delivery method is described on its distribution. */
export const DELIVERY_TITLES: Record<DeliveryMethod, { zh: string; en: string }> = {
  api: { zh: '服务接口', en: 'API' },
  db_table: { zh: '数据库表', en: 'Database table' },
  file: { zh: '文件交换', en: 'File exchange' },
  stream: { zh: '数据流', en: 'Data stream' },
};
