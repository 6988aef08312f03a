import type { JsonLdDocument } from '@gdx/catalog';

/** The `dcat:Dataset` node of a DCAT-AP JSON-LD document, with the fields the example reads. */
export interface DcatDatasetNode {
  '@id': string;
  '@type': string;
  'dct:identifier'?: unknown;
  'dct:title'?: unknown;
  [property: string]: unknown;
}

const isDataset = (node: unknown): node is DcatDatasetNode =>
  typeof node === 'object' && node !== null && ([] as unknown[]).concat((node as { '@type'?: unknown })['@type']).includes('dcat:Dataset');

/**
 * Finds the `dcat:Dataset` node of a DCAT-AP 3 JSON-LD document, whether the document is the node
 * itself or a `@graph` of nodes (the mock answers a graph: dataset, distributions, publisher, …).
 *
 * @example
 * ```ts
 * datasetNode(await client.dcat.entry(entryId))?.['dct:identifier']; // '350200-200-000301'
 * ```
 */
export function datasetNode(doc: JsonLdDocument): DcatDatasetNode | undefined {
  if (isDataset(doc)) return doc;
  const graph = (doc as { '@graph'?: unknown })['@graph'];
  return Array.isArray(graph) ? graph.find(isDataset) : undefined;
}
