import type { CatalogEntry } from '../../../sandbox/seed/types.js';
import { ACCESS_RIGHT_IRIS, DCAT_CONTEXT, DELIVERY_TITLES, FREQUENCY_IRIS, fileTypeIri } from './vocabularies.js';

/** A JSON-LD node. */
export type JsonLdNode = Record<string, unknown> & { '@id': string };

/** A JSON-LD document with the export's context and a flat `@graph`. */
export interface DcatDocument {
  '@context': typeof DCAT_CONTEXT;
  '@graph': JsonLdNode[];
}

export interface DcatOptions {
  /** The catalog platform root, e.g. `http://127.0.0.1:4010/catalog/v1`; every IRI is minted under it. */
  baseUrl: string;
}

export interface DcatCatalogOptions extends DcatOptions {
  /** The catalog's publisher (the data authority). */
  publisher: { creditCode: string; name: string };
  title?: string;
  description?: string;
}

const zh = (value: string) => ({ '@value': value, '@language': 'zh' });
const id = (iri: string) => ({ '@id': iri });

/** Collects graph nodes once by IRI, so shared agents and vocabulary terms appear a single time. */
class Graph {
  private readonly nodes = new Map<string, JsonLdNode>();
  add(node: JsonLdNode): string {
    if (!this.nodes.has(node['@id'])) this.nodes.set(node['@id'], node);
    return node['@id'];
  }
  toArray(): JsonLdNode[] {
    return [...this.nodes.values()];
  }
}

function agent(graph: Graph, base: string, org: { creditCode: string; name: string }): string {
  return graph.add({ '@id': `${base}/dcat/agents/${org.creditCode}`, '@type': 'foaf:Agent', 'foaf:name': zh(org.name), 'dct:identifier': org.creditCode });
}

/** A plain web resource; the DCAT-AP range shapes want URLs typed `rdfs:Resource`. */
function resource(graph: Graph, iri: string): { '@id': string } {
  return id(graph.add({ '@id': iri, '@type': 'rdfs:Resource' }));
}

/**
 * A format as `dct:format`: the EU file-type term when the list has one, else a blank
 * `dct:MediaTypeOrExtent` labelled with the provider's text (DCAT-AP allows a blank node here).
 */
function formatOf(graph: Graph, format: string): object {
  const iri = fileTypeIri(format);
  if (iri) return id(graph.add({ '@id': iri, '@type': 'dct:MediaTypeOrExtent' }));
  return { '@type': 'dct:MediaTypeOrExtent', 'rdfs:label': format };
}

/**
 * One distribution per delivery method, and per format for file exchange (DCAT-AP allows one
 * `dct:format` per distribution); the format is percent-encoded into the distribution's IRI, as
 * it is free text. API delivery points at a `dcat:DataService`.
 */
function distributions(graph: Graph, entry: CatalogEntry, datasetIri: string): string[] {
  const out: string[] = [];
  for (const method of entry.sharing.deliveryMethods) {
    const title = DELIVERY_TITLES[method];
    const formats: (string | undefined)[] = method === 'file' ? entry.formats : [undefined];
    for (const format of formats) {
      const iri = `${datasetIri}/distributions/${method}${format ? `-${encodeURIComponent(format.toLowerCase())}` : ''}`;
      const suffix = format ? ` ${format}` : '';
      const node: JsonLdNode = {
        '@id': iri,
        '@type': 'dcat:Distribution',
        'dct:title': [zh(`${entry.name}（${title.zh}${suffix}）`), { '@value': `${entry.name} (${title.en}${suffix})`, '@language': 'en' }],
        'dcat:accessURL': resource(graph, `${iri}/access`),
        'dct:accessRights': id(ACCESS_RIGHT_IRIS[entry.opening.type]),
        'gdx:deliveryMethod': method,
      };
      if (format) node['dct:format'] = formatOf(graph, format);
      if (method === 'api') {
        node['dcat:accessService'] = id(
          graph.add({
            '@id': `${datasetIri}/service`,
            '@type': 'dcat:DataService',
            'dct:title': zh(`${entry.name}服务接口`),
            'dcat:endpointURL': resource(graph, `${datasetIri}/service/endpoint`),
            'dcat:servesDataset': id(datasetIri),
          }),
        );
      }
      out.push(graph.add(node));
    }
  }
  return out;
}

function addDataset(graph: Graph, base: string, entry: CatalogEntry): string {
  const iri = `${base}/dcat/${entry.id}`;
  const themeIri = `${base}/dcat/themes/${entry.classification.categoryCode}${entry.classification.itemCode}`;
  graph.add({ '@id': `${base}/dcat/themes`, '@type': 'skos:ConceptScheme', 'dct:title': zh('公共数据资源目录领域分类') });
  graph.add({ '@id': themeIri, '@type': 'skos:Concept', 'skos:prefLabel': zh(entry.domain), 'skos:inScheme': id(`${base}/dcat/themes`) });
  graph.add({ '@id': FREQUENCY_IRIS[entry.updateCycle], '@type': 'dct:Frequency' });
  graph.add({ '@id': ACCESS_RIGHT_IRIS[entry.opening.type], '@type': 'dct:RightsStatement' });
  graph.add({ '@id': `${base}/dcat/regions/${entry.region.code}`, '@type': 'dct:Location', 'skos:prefLabel': zh(entry.region.name) });
  const node: JsonLdNode = {
    '@id': iri,
    '@type': 'dcat:Dataset',
    'dct:identifier': entry.resourceCode,
    'dct:title': zh(entry.name),
    'dct:description': zh(entry.summary),
    'dct:publisher': id(agent(graph, base, entry.provider)),
    'dct:accrualPeriodicity': id(FREQUENCY_IRIS[entry.updateCycle]),
    'dct:accessRights': id(ACCESS_RIGHT_IRIS[entry.opening.type]),
    'dcat:theme': id(themeIri),
    'dcat:keyword': [zh(entry.domain), ...entry.items.filter((d) => !d.sensitive).map((d) => zh(d.name))],
    'dct:spatial': id(`${base}/dcat/regions/${entry.region.code}`),
    'dct:modified': { '@value': entry.modifiedAt, '@type': 'xsd:dateTime' },
    'dcat:version': String(entry.version),
    'gdx:sharingType': entry.sharing.type,
    'gdx:openingType': entry.opening.type,
    'gdx:grade': entry.grade,
    'dcat:distribution': distributions(graph, entry, iri).map(id),
  };
  if (entry.publishedOn) node['dct:issued'] = { '@value': entry.publishedOn, '@type': 'xsd:date' };
  const legalBasis = entry.sharing.legalBasis ?? entry.opening.legalBasis;
  if (legalBasis) node['gdx:legalBasis'] = zh(legalBasis);
  graph.add(node);
  return iri;
}

/**
 * One catalog entry as DCAT-AP 3 JSON-LD: a `dcat:Dataset` with its publisher (`foaf:Agent`),
 * frequency and access-right IRIs of the EU vocabularies, theme, location and one
 * `dcat:Distribution` per delivery method (the API one with a `dcat:DataService`).
 *
 * @example
 * ```ts
 * const doc = dcatEntry(entry, { baseUrl: 'http://127.0.0.1:4010/catalog/v1' });
 * doc['@graph'].find((n) => n['@type'] === 'dcat:Dataset')?.['dct:identifier']; // entry.resourceCode
 * ```
 */
export function dcatEntry(entry: CatalogEntry, options: DcatOptions): DcatDocument {
  const graph = new Graph();
  addDataset(graph, options.baseUrl, entry);
  return { '@context': DCAT_CONTEXT, '@graph': graph.toArray() };
}

/**
 * The whole published catalog as one DCAT-AP 3 `dcat:Catalog` with its datasets.
 *
 * @example
 * ```ts
 * const doc = dcatCatalog(entries, { baseUrl, publisher: { creditCode: authority.creditCode, name: authority.name } });
 * ```
 */
export function dcatCatalog(entries: Iterable<CatalogEntry>, options: DcatCatalogOptions): DcatDocument {
  const graph = new Graph();
  const base = options.baseUrl;
  const catalogIri = `${base}/dcat`;
  const catalog: JsonLdNode = {
    '@id': catalogIri,
    '@type': 'dcat:Catalog',
    'dct:title': zh(options.title ?? '公共数据资源目录'),
    'dct:description': zh(options.description ?? '由数据主管部门统一发布的公共数据资源目录（DCAT-AP 3 导出）。'),
    'dct:publisher': id(agent(graph, base, options.publisher)),
  };
  graph.add(catalog);
  const datasets: string[] = [];
  let modified = '';
  for (const entry of entries) {
    datasets.push(addDataset(graph, base, entry));
    if (entry.modifiedAt > modified) modified = entry.modifiedAt;
  }
  catalog['dcat:dataset'] = datasets.map(id);
  if (modified) catalog['dct:modified'] = { '@value': modified, '@type': 'xsd:dateTime' };
  return { '@context': DCAT_CONTEXT, '@graph': graph.toArray() };
}
