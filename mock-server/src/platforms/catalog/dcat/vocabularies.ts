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
 * opening type decides alone; the sharing type (between agencies) travels as `gdx:sharingType`.
 * A `not_shared` resource may still be opened to society (the two are classified separately, see
 * the platform README), so it is PUBLIC or RESTRICTED when opened, NON_PUBLIC only when `not_open`.
 */
export const ACCESS_RIGHT_IRIS: Record<OpeningType, string> = {
  open: `${ACCESS_RIGHT}PUBLIC`,
  on_application: `${ACCESS_RIGHT}RESTRICTED`,
  not_open: `${ACCESS_RIGHT}NON_PUBLIC`,
};

/**
 * EU file-type codes (Publications Office authority list) of the formats catalogs list, each with
 * the other names and media types providers write for it; the code itself, in any case, is a name
 * too. Bare "Excel" / "Word" mean the formats those programs write by default since 2007.
 */
const FILE_TYPE_NAMES: Record<string, readonly string[]> = {
  CSV: ['text/csv'],
  TSV: ['text/tab-separated-values'],
  XLSX: ['excel', 'excel 2007', 'excel2007', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  XLS: ['excel 97-2003', 'excel 2003', 'application/vnd.ms-excel'],
  ODS: ['application/vnd.oasis.opendocument.spreadsheet'],
  JSON: ['application/json'],
  JSON_LD: ['json-ld', 'jsonld', 'application/ld+json'],
  GEOJSON: ['application/geo+json'],
  XML: ['application/xml', 'text/xml'],
  PDF: ['application/pdf'],
  DOCX: ['word', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  DOC: ['application/msword'],
  TXT: ['text', 'text/plain'],
  HTML: ['htm', 'text/html'],
  RDF: [],
  RDF_XML: ['rdf/xml', 'rdf+xml', 'application/rdf+xml'],
  RDF_TURTLE: ['ttl', 'turtle', 'text/turtle'],
  RDF_N_TRIPLES: ['nt', 'n-triples', 'ntriples', 'application/n-triples'],
  RDF_N_QUADS: ['nq', 'n-quads', 'nquads', 'application/n-quads'],
  SHP: ['shapefile', 'esri shapefile'],
  KML: ['application/vnd.google-earth.kml+xml'],
  KMZ: [],
  GML: ['application/gml+xml'],
  GPKG: ['geopackage', 'application/geopackage+sqlite3'],
  GEOTIFF: [],
  TIFF: ['tif', 'image/tiff'],
  DWG: [],
  DXF: [],
  NETCDF: ['nc', 'application/x-netcdf'],
  MDB: [],
  DBF: [],
  SQL: ['application/sql'],
  PNG: ['image/png'],
  JPEG: ['jpg', 'image/jpeg'],
  SVG: ['image/svg+xml'],
  YAML: ['yml', 'application/yaml'],
  ZIP: ['application/zip'],
  GZIP: ['gz', 'application/gzip'],
  TAR: ['application/x-tar'],
  TAR_GZ: ['tar.gz', 'tgz'],
  '7Z': ['application/x-7z-compressed'],
  RAR: ['application/vnd.rar'],
  WMS_SRVC: ['wms'],
  WFS_SRVC: ['wfs'],
};

/** Lower-cased, trimmed, inner spaces collapsed and a leading dot dropped (`.CSV ` → `csv`). */
function normalFormat(format: string): string {
  return format.trim().replace(/\s+/g, ' ').replace(/^\./, '').toLowerCase();
}

const FILE_TYPE_BY_NAME = new Map(
  Object.entries(FILE_TYPE_NAMES).flatMap(([code, names]) => [code, ...names].map((name) => [normalFormat(name), code] as const)),
);

/**
 * A format as providers write it → its EU file-type IRI, or `undefined` when the list has no code
 * for it: an IRI built from free text would name no term (`…/file-type/TAR.GZ`) or not be an IRI
 * at all (`…/file-type/EXCEL 2007`), so the caller describes such a format by its label instead.
 *
 * @example
 * ```ts
 * fileTypeIri('Shapefile'); // 'http://publications.europa.eu/resource/authority/file-type/SHP'
 * fileTypeIri('矢量数据'); // undefined
 * ```
 */
export function fileTypeIri(format: string): string | undefined {
  const code = FILE_TYPE_BY_NAME.get(normalFormat(format));
  return code === undefined ? undefined : `${FILE_TYPE}${code}`;
}

/** How each delivery method is described on its distribution. */
export const DELIVERY_TITLES: Record<DeliveryMethod, { zh: string; en: string }> = {
  api: { zh: '服务接口', en: 'API' },
  db_table: { zh: '数据库表', en: 'Database table' },
  file: { zh: '文件交换', en: 'File exchange' },
  stream: { zh: '数据流', en: 'Data stream' },
};
