import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import jsonld from 'jsonld';
import { Parser, Store } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';

const FIXTURES = fileURLToPath(new URL('../fixtures/dcat-ap-3.0.1/', import.meta.url));

function loadShapes(): Store {
  const store = new Store();
  for (const file of ['dcat-ap-SHACL.ttl', 'ranges.ttl']) store.addQuads(new Parser().parse(readFileSync(FIXTURES + file, 'utf8')));
  return store;
}

const shapes = loadShapes();

/** Turns a JSON-LD document into RDF (no remote contexts: the loader refuses every URL). */
export async function toStore(doc: object): Promise<Store> {
  const nquads = (await jsonld.toRDF(doc as jsonld.JsonLdDocument, {
    format: 'application/n-quads',
    documentLoader: async (url: string) => {
      throw new Error(`remote context not allowed: ${url}`);
    },
  })) as unknown as string;
  return new Store(new Parser({ format: 'application/n-quads' }).parse(nquads));
}

/** Validates against the DCAT-AP 3.0.1 shapes; returns the violation messages (empty = conforms). */
export async function shaclViolations(doc: object): Promise<string[]> {
  const report = await new SHACLValidator(shapes).validate(await toStore(doc));
  return report.results.map((r) => `${r.focusNode?.value} ${r.path?.value ?? ''}: ${r.message.map((m) => m.value).join('; ')}`);
}
