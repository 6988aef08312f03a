import { describe, expect, it } from 'vitest';
import { dcatCatalog, dcatEntry } from '../../src/platforms/catalog/index.js';
import { createSeedData } from '../../src/sandbox/seed/index.js';
import { shaclViolations, toStore } from './shacl.js';

const seed = createSeedData({ seed: 'dcat', profile: 'xiamen', count: 120 });
const baseUrl = 'http://127.0.0.1:4010/catalog/v1';
const authority = seed.organizations.find((o) => o.slug === 'data-authority')!;
const DCT = 'http://purl.org/dc/terms/';

describe('DCAT-AP 3 export', () => {
  it('exports the whole catalog so that it passes the DCAT-AP 3.0.1 SHACL shapes', async () => {
    const doc = dcatCatalog(seed.catalogEntries, { baseUrl, publisher: authority });
    expect(await shaclViolations(doc)).toEqual([]);
  });

  it.each(['unconditional', 'conditional', 'not_shared'])('exports a single %s entry that passes the shapes', async (type) => {
    const entry = seed.catalogEntries.find((e) => e.sharing.type === type)!;
    expect(await shaclViolations(dcatEntry(entry, { baseUrl }))).toEqual([]);
  });

  it('the shapes catch a dataset without a title (the check can fail)', async () => {
    const doc = dcatEntry(seed.catalogEntries[0]!, { baseUrl });
    for (const node of doc['@graph']) if (node['@type'] === 'dcat:Dataset') delete node['dct:title'];
    expect((await shaclViolations(doc)).join('\n')).toMatch(/title/);
  });

  it('maps code, title, publisher, frequency and access rights as catalog.md says', async () => {
    const entry = seed.catalogEntries.find((e) => e.opening.type === 'on_application' && e.updateCycle === 'daily')!;
    const store = await toStore(dcatEntry(entry, { baseUrl }));
    const subject = `${baseUrl}/dcat/${entry.id}`;
    const objects = (p: string) => store.getObjects(subject, p, null).map((o) => o.value);
    expect(objects(`${DCT}identifier`)).toEqual([entry.resourceCode]);
    expect(objects(`${DCT}title`)).toEqual([entry.name]);
    expect(objects(`${DCT}accrualPeriodicity`)).toEqual(['http://publications.europa.eu/resource/authority/frequency/DAILY']);
    expect(objects(`${DCT}accessRights`)).toEqual(['http://publications.europa.eu/resource/authority/access-right/RESTRICTED']);
    const publisher = objects(`${DCT}publisher`)[0]!;
    expect(store.getObjects(publisher, 'http://xmlns.com/foaf/0.1/name', null).map((o) => o.value)).toEqual([entry.provider.name]);
    const perFile = entry.sharing.deliveryMethods.includes('file') ? entry.formats.length : 0;
    const others = entry.sharing.deliveryMethods.filter((m) => m !== 'file').length;
    expect(store.getObjects(subject, 'http://www.w3.org/ns/dcat#distribution', null)).toHaveLength(perFile + others);
  });

  it('gives API delivery a dcat:DataService and not-open entries NON_PUBLIC rights', async () => {
    const api = seed.catalogEntries.find((e) => e.sharing.deliveryMethods.includes('api'))!;
    const store = await toStore(dcatEntry(api, { baseUrl }));
    const services = store.getSubjects('http://www.w3.org/1999/02/22-rdf-syntax-ns#type', 'http://www.w3.org/ns/dcat#DataService', null);
    expect(services).toHaveLength(1);
    const closed = seed.catalogEntries.find((e) => e.opening.type === 'not_open')!;
    const closedStore = await toStore(dcatEntry(closed, { baseUrl }));
    expect(closedStore.getObjects(`${baseUrl}/dcat/${closed.id}`, `${DCT}accessRights`, null).map((o) => o.value)).toEqual([
      'http://publications.europa.eu/resource/authority/access-right/NON_PUBLIC',
    ]);
  });

  describe('free-text formats', () => {
    const FILE_TYPE = 'http://publications.europa.eu/resource/authority/file-type/';
    const DCAT = 'http://www.w3.org/ns/dcat#';
    const RDFS_LABEL = 'http://www.w3.org/2000/01/rdf-schema#label';
    const base = seed.catalogEntries.find((e) => e.sharing.deliveryMethods.includes('file'))!;
    const withFormats = (formats: string[]) => ({ ...base, formats, sharing: { ...base.sharing, deliveryMethods: ['file' as const] } });

    /** Each distribution's `dct:format`: the file-type IRI, or `label:` + the label of a blank node. */
    async function formatsOf(formats: string[]) {
      const store = await toStore(dcatEntry(withFormats(formats), { baseUrl }));
      return store.getObjects(`${baseUrl}/dcat/${base.id}`, `${DCAT}distribution`, null).map((d) => {
        const [format, ...more] = store.getObjects(d, `${DCT}format`, null);
        expect(more).toEqual([]);
        if (format?.termType === 'NamedNode') return format.value;
        return `label:${store.getObjects(format!, RDFS_LABEL, null).map((l) => l.value).join()}`;
      });
    }

    it('maps the names users write to the codes of the EU file-type list', async () => {
      const written = ['csv', 'Excel 2007', '.xls', 'text/csv', 'tar.gz', 'Shapefile', 'GeoJSON', 'application/json', 'Word', 'RDF/XML'];
      expect((await formatsOf(written)).sort()).toEqual(
        ['CSV', 'XLSX', 'XLS', 'CSV', 'TAR_GZ', 'SHP', 'GEOJSON', 'JSON', 'DOCX', 'RDF_XML'].map((code) => FILE_TYPE + code).sort(),
      );
    });

    it('describes a format with no EU code by a label instead of inventing an IRI, and mints safe distribution IRIs', async () => {
      const odd = ['矢量数据', 'csv<script>', 'my format/v2', 'OBJ'];
      const doc = dcatEntry(withFormats(odd), { baseUrl });
      expect(await shaclViolations(doc)).toEqual([]);
      expect((await formatsOf(odd)).sort()).toEqual(odd.map((f) => `label:${f}`).sort());
      const ids = doc['@graph'].filter((n) => n['@type'] === 'dcat:Distribution').map((n) => n['@id']);
      expect(ids).toHaveLength(odd.length);
      for (const iri of ids) expect(iri).toMatch(/^http:\/\/127\.0\.0\.1:4010\/catalog\/v1\/dcat\/[\w-]+\/distributions\/file-[A-Za-z0-9_.~%-]+$/);
    });
  });
});
