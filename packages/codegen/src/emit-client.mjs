// Emits src/generated/client.ts: the platform client class holding one instance per resource.
import { groupByResource } from './operations.mjs';
import { propertyKey } from './names.mjs';
import { resourceClassName } from './emit-resources.mjs';

/** Members of the generated client class besides the resources. */
const RESERVED_MEMBERS = new Set(['api', 'close', 'constructor']);

/**
 * @typedef {object} ClientSpec
 * @property {string} name            class name, e.g. `RegistrationClient`
 * @property {string} title           API title for the TSDoc
 * @property {string} [defaultBaseUrl] makes `baseUrl` optional (the simulation API's fixed address)
 */

/**
 * Source of `client.ts`.
 * @param {import('./operations.mjs').Operation[]} ops
 * @param {ClientSpec} client
 * @returns {string}
 * @example emitClient(ops, { name: 'RegistrationClient', title: 'Registration API' })
 */
export function emitClient(ops, client) {
  const resources = [...groupByResource(ops).keys()];
  // A resource named like a member of the class would replace it (or fail to compile).
  const clash = resources.find((r) => RESERVED_MEMBERS.has(propertyKey(r)));
  if (clash !== undefined) throw new Error(`resource "${clash}" clashes with ${client.name}.${propertyKey(clash)}`);
  const optionsType = client.defaultBaseUrl ? `${client.name}Options` : 'ClientOptions';
  const exampleOptions = client.defaultBaseUrl
    ? '{}'
    : "{ baseUrl: 'http://127.0.0.1:4010/…/v1', credentials: { appKey: 'ak_…', secret: '…' } }";
  const first = resources[0] ?? 'resource';
  const lines = [
    "import { ApiClient, type ClientOptions } from '@gdx/runtime';",
    `import { ${resources.map(resourceClassName).join(', ')} } from './resources.js';`,
    '',
  ];
  if (client.defaultBaseUrl) {
    lines.push(
      `/** Options of {@link ${client.name}}: those of the runtime, with \`baseUrl\` defaulting to \`${client.defaultBaseUrl}\`. */`,
      `export type ${optionsType} = Omit<ClientOptions, 'baseUrl'> & { baseUrl?: string };`,
      '',
      `/** Where {@link ${client.name}} sends requests unless told otherwise. */`,
      `export const DEFAULT_BASE_URL = ${JSON.stringify(client.defaultBaseUrl)};`,
      '',
    );
  }
  const build = client.defaultBaseUrl
    ? 'new ApiClient({ ...options, baseUrl: options.baseUrl ?? DEFAULT_BASE_URL })'
    : 'new ApiClient(options)';
  lines.push(
    '/**',
    ` * Client of the ${client.title}: one property per resource, one method per operation.`,
    ' * Pass runtime options (base URL, credentials, retries, fetch, …) or an existing ApiClient to share one.',
    ' * @example',
    ` * const client = new ${client.name}(${exampleOptions});`,
    ` * console.log(Object.keys(client.${first}));`,
    ' */',
    `export class ${client.name} {`,
    '  /** The engine every resource sends through; use it for routes the SDK does not wrap. */',
    '  readonly api: ApiClient;',
    ...resources.map((r) => `  /** See {@link ${resourceClassName(r)}}. */\n  readonly ${propertyKey(r)}: ${resourceClassName(r)};`),
    '',
    `  constructor(options: ${optionsType} | ApiClient${client.defaultBaseUrl ? ' = {}' : ''}) {`,
    `    this.api = options instanceof ApiClient ? options : ${build};`,
    ...resources.map((r) => `    this.${r} = new ${resourceClassName(r)}(this.api);`),
    '  }',
    '',
    '  /**',
    "   * Releases the transport's resources, like `ApiClient.close()`: the sockets of an",
    "   * `undiciTransport()`'s own Agent (the default transport's shared Agent stays open). Built on a",
    '   * shared ApiClient, this closes that engine for every client using it.',
    '   * @example',
    '   * await client.close();',
    '   */',
    '  close(): Promise<void> {',
    '    return this.api.close();',
    '  }',
    '}',
    '',
  );
  return lines.join('\n');
}
