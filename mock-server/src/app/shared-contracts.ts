import { loadBundledSpec, type SpecName } from '@gdx/openapi';
import { deepFreeze } from './deep-freeze.js';
import type { OpenApiDocument } from './platform-module.js';

/** A shared contract's name and JSON text (`JSON.stringify` of the document, made at the first read). */
interface SharedText {
  readonly name: SpecName;
  readonly text: string;
}

/** The shared contracts by name, and the name and JSON text of each, by document. */
const documents = new Map<SpecName, OpenApiDocument>();
const texts = new WeakMap<OpenApiDocument, SharedText>();

/**
 * A bundled contract parsed once per process and deep-frozen, which every app of the process
 * reads: the default platforms' documents and the simulation API's. `loadBundledSpec` parses a
 * copy at each call; the six contracts are 1.5 MB of JSON, and parsing them for each app and then
 * stringifying them again to find their validators took ~60 ms of a `createApp`, with most of its
 * garbage — a test suite that makes an app per test paid that for every test (issue 12). Frozen,
 * a platform cannot change what other apps read. For a copy to change, use `loadBundledSpec`.
 *
 * @example
 * ```ts
 * createRegistrationPlatform({ spec: sharedContract('registration') });
 * ```
 */
export function sharedContract(name: SpecName): OpenApiDocument {
  let document = documents.get(name);
  if (!document) {
    const parsed = loadBundledSpec(name) as OpenApiDocument;
    document = deepFreeze(parsed);
    documents.set(name, document);
    // Stringified when first read (a contract's generated validators are checked against its text
    // at its first request): a `gdx-mock` start mounts six contracts but validates requests of one,
    // and stringifying 1.5 MB cost every start ~10 ms of CPU (issue 12).
    let text: string | undefined;
    texts.set(document, {
      name,
      get text() {
        return (text ??= JSON.stringify(parsed));
      },
    });
  }
  return document;
}

/** The JSON text of the bundled contract `name` as `sharedContract` holds it (`JSON.stringify` of the document). */
export function sharedContractTextOf(name: SpecName): string {
  return texts.get(sharedContract(name))!.text;
}

/**
 * The name and JSON text (`JSON.stringify` of it) of a document `sharedContract` gave, or
 * `undefined` for any other: a document that cannot have changed since it was parsed.
 */
export function sharedContractText(document: OpenApiDocument): SharedText | undefined {
  return texts.get(document);
}
