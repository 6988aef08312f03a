/** Where `gdx-mock` (and the demo's server) serves the web console. */
const CONSOLE_PATH = '/_console/';

/** A workflow object as the console addresses it. */
export interface ConsoleObject {
  platform: string;
  objectType: string;
  objectId: string;
}

/** The console's pages of one of the demo's sandboxes. */
export interface ConsoleLink {
  /** What the sandbox shows (e.g. `registration`). */
  label: string;
  sandboxId: string;
  /** The sandbox's workflow objects. */
  objects: string;
  /** The timeline of the object the story followed. */
  timeline: string;
}

/**
 * The console's URLs of a sandbox and of the object a story followed, in the console's own hash
 * routes (`#/s/{sandboxId}/objects`, `#/s/{sandboxId}/objects/{platform}/{objectType}/{objectId}`),
 * so a link opens that view directly.
 *
 * @example
 * ```ts
 * consoleLink('http://127.0.0.1:4010', 'registration', 'sbx_1', { platform: 'registration', objectType: 'application', objectId: 'rga_1' }).timeline;
 * // 'http://127.0.0.1:4010/_console/#/s/sbx_1/objects/registration/application/rga_1'
 * ```
 */
export function consoleLink(origin: string, label: string, sandboxId: string, object: ConsoleObject): ConsoleLink {
  const page = (...segments: string[]) => `${origin}${CONSOLE_PATH}#/${segments.map(encodeURIComponent).join('/')}`;
  return {
    label,
    sandboxId,
    objects: page('s', sandboxId, 'objects'),
    timeline: page('s', sandboxId, 'objects', object.platform, object.objectType, object.objectId),
  };
}
