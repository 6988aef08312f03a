import { loadBundledSpec } from '@gdx/openapi';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { contractText } from './served-contracts.js';

describe('contractText', () => {
  it.each([
    // plain origins go through the per-document template
    { origin: 'http://127.0.0.1:4010' },
    { origin: 'http://[::1]:4010' },
    { origin: 'https://mock.msw/gdx/mock' },
    // anything a plain YAML scalar or a JSON string would not hold as it is is rendered on its own
    { origin: 'https://mock.msw/a b #c' },
    { origin: 'https://mock.msw/"quoted"\\' },
  ])('$origin: both forms parse to the document with servers[0] there, base path kept', ({ origin }) => {
    const json = JSON.parse(contractText('registration', 'json', origin).text) as ReturnType<typeof loadBundledSpec>;
    expect(json.servers![0]!.url).toBe(`${origin}/registration/v1`);
    expect({ ...json, servers: undefined }).toEqual({ ...loadBundledSpec('registration'), servers: undefined });
    expect(parse(contractText('registration', 'yaml', origin).text)).toEqual(json);
  });

  it('gives each origin its own ETag, and the same text the same one', () => {
    const a = contractText('catalog', 'json', 'http://a:1');
    expect(contractText('catalog', 'json', 'http://a:1').etag).toBe(a.etag);
    expect(contractText('catalog', 'json', 'http://b:1').etag).not.toBe(a.etag);
  });
});
