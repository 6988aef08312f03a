import { Ajv2020 } from 'ajv/dist/2020.js';
import { vi } from 'vitest';

/**
 * Counts, from now until the test's mocks are restored, the schemas of the kit's documents that
 * ajv is asked for (`getSchema` of a `https://gdx.dev/conformance/…` key: compiled on first use).
 * The bundled documents' validators are generated at build time, so a run against them asks for
 * none; the in-process mock's own validators use other keys and are not counted.
 *
 * @example
 * ```ts
 * const compiles = kitCompiles();
 * await runConformance({ … });
 * expect(compiles.count()).toBe(0);
 * ```
 */
export function kitCompiles(): { count: () => number } {
  const spy = vi.spyOn(Ajv2020.prototype, 'getSchema');
  return { count: () => spy.mock.calls.filter(([key]) => String(key).startsWith('https://gdx.dev/conformance/')).length };
}
