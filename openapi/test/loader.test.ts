import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  bundledSpecPath,
  gdxLimits,
  isSpecName,
  loadBundledSpec,
  OpenApiSpecError,
  PLATFORMS,
  SPEC_NAMES,
  specPath,
  type SpecName,
} from '../src/index.js';

describe('the loader', () => {
  it('names the four platforms and the simulation API', () => {
    expect(PLATFORMS).toEqual(['registration', 'sharing', 'open-data', 'catalog']);
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

  it('returns a fresh copy on every call', () => {
    const first = loadBundledSpec('catalog');
    first.info.title = 'changed';
    expect(loadBundledSpec('catalog').info.title).not.toBe('changed');
  });

  it('rejects an unknown name with UNKNOWN_SPEC', () => {
    expect(() => loadBundledSpec('payments' as SpecName)).toThrow(expect.objectContaining({ code: 'UNKNOWN_SPEC' }));
  });

  it('OpenApiSpecError carries a stable code and zh/en messages', () => {
    const error = new OpenApiSpecError('SPEC_NOT_BUNDLED', bundledSpecPath('sharing'));
    expect(error.code).toBe('SPEC_NOT_BUNDLED');
    expect(error.message).toContain('npm run generate');
    expect(error.messages.zh).toContain('npm run generate');
  });

  it('lists the limits of a platform', () => {
    const review = gdxLimits('sharing').find((l) => l.id === 'sharing.review');
    expect(review?.limits).toEqual({ national: 10, 'inner-mongolia': 10, xiamen: 5 });
    expect(review?.unit).toBe('working_days');
  });
});
