import type { Platform } from '../runner/types.js';
import { PLATFORMS } from '../runner/types.js';

/** An OpenAPI 3.1 document, as parsed JSON. */
export type OpenApiDocument = Record<string, unknown> & { paths?: Record<string, Record<string, unknown>> };

/** The bundled documents the contract checks are generated from, by platform. */
export type Specs = Partial<Record<Platform, OpenApiDocument>>;

type Loader = (name: string) => unknown;

/**
 * Loads the bundled OpenAPI documents of the five platforms through `@gdx/openapi`'s
 * `loadBundledSpec(name)`. A platform whose document cannot be loaded is left out (its contract
 * checks are then not generated, and `CON-SPEC-01` reports it).
 *
 * @example
 * ```ts
 * const specs = await loadSpecs();
 * Object.keys(specs); // ['registration', 'sharing', 'open-data', 'catalog', 'authorized-operation']
 * ```
 */
export async function loadSpecs(platforms: readonly Platform[] = PLATFORMS): Promise<Specs> {
  // Typed loosely on purpose: the loader's signature belongs to @gdx/openapi.
  const mod = (await import('@gdx/openapi')) as unknown as { loadBundledSpec?: Loader };
  const specs: Specs = {};
  if (typeof mod.loadBundledSpec !== 'function') return specs;
  for (const platform of platforms) {
    try {
      const doc = (await mod.loadBundledSpec(platform)) as unknown;
      if (typeof doc === 'object' && doc !== null) specs[platform] = doc as OpenApiDocument;
    } catch {
      // Not bundled yet: reported by CON-SPEC-01.
    }
  }
  return specs;
}

let bundled: Promise<Specs> | undefined;

/**
 * The bundled documents, loaded once per process and shared by every run that brings no documents
 * of its own: runs never change them, and a run's response validators are compiled once for them
 * (`contractChecks`), where each run compiled its own (~10 % of a kit run against the in-process
 * mock; the kit's tests run it 50 times).
 */
export function sharedBundledSpecs(): Promise<Specs> {
  bundled ??= loadSpecs();
  return bundled;
}
