import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledSpecPath, specPath } from '../src/files.js';
import {
  gdxLimits,
  isSpecName,
  loadBundledSpec,
  OpenApiSpecError,
  PLATFORMS,
  SPEC_NAMES,
  type SpecName,
} from '../src/index.js';

describe('the loader', () => {
  it('names the five platforms and the simulation API', () => {
    expect(PLATFORMS).toEqual(['registration', 'sharing', 'open-data', 'catalog', 'authorized-operation']);
    expect(SPEC_NAMES).toEqual([...PLATFORMS, 'simulation']);
    expect(isSpecName('open-data')).toBe(true);
    expect(isSpecName('payments')).toBe(false);
  });

  it.each(SPEC_NAMES)('%s: YAML source and bundled JSON exist; the bundle has no external $ref', (name) => {
    expect(existsSync(specPath(name))).toBe(true);
    expect(specPath(name).endsWith(`${name}/openapi.yaml`)).toBe(true);
    const spec = loadBundledSpec(name);
    expect(spec.openapi).toBe('3.1.0');
    expect(JSON.stringify(spec)).not.toMatch(/"\$ref":"(?!#)/);
  });

  it.each(SPEC_NAMES)('%s: the compiled-in document equals dist/bundled/%s.json', (name) => {
    expect(loadBundledSpec(name)).toEqual(JSON.parse(readFileSync(bundledSpecPath(name), 'utf8')));
  });

  it('keeps node:url out of the main entry, so browser bundles can import it', () => {
    const imports = (file: string) => [...readFileSync(new URL(`../src/${file}`, import.meta.url), 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const target of imports(file)) {
        expect(target, `${file} imports ${target}`).not.toMatch(/^node:/);
        if (target?.startsWith('./')) visit(target.slice(2).replace(/\.js$/, '.ts'));
      }
    };
    visit('index.ts');
    expect(seen.has('load-bundled-spec.ts')).toBe(true);
  });

  it('returns a fresh copy on every call', () => {
    const first = loadBundledSpec('catalog');
    first.info.title = 'changed';
    expect(loadBundledSpec('catalog').info.title).not.toBe('changed');
  });

  it('rejects an unknown name with UNKNOWN_SPEC, in Chinese and English', () => {
    for (const load of [loadBundledSpec, specPath, bundledSpecPath]) {
      let error: unknown;
      try {
        load('payments' as SpecName);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(OpenApiSpecError);
      expect(error).toMatchObject({ code: 'UNKNOWN_SPEC', messages: { zh: '未知的 OpenAPI 文档名称', en: 'Unknown OpenAPI document name' } });
      expect((error as Error).message).toContain('payments');
    }
  });

  it('lists the limits of a platform', () => {
    const review = gdxLimits('sharing').find((l) => l.id === 'sharing.review');
    expect(review?.limits).toEqual({ national: 10, 'inner-mongolia': 10, xiamen: 5 });
    expect(review?.unit).toBe('working_days');
  });
});
