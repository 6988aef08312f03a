/** One route of the router: a method, a path template with `{param}` segments, and a value. */
export interface RouteDefinition<T> {
  method: string;
  template: string;
  value: T;
}

/** Result of matching a request path. */
export type RouteMatch<T> =
  | {
      kind: 'found';
      value: T;
      params: Record<string, string>;
      /** The first parameter whose segment is not valid percent-encoding (`%E0%A4%A`): its value is the segment as sent. */
      undecodable?: string;
    }
  | { kind: 'method_not_allowed'; allow: string[] }
  | { kind: 'not_found' };

interface Node<T> {
  literals: Map<string, Node<T>>;
  /** `undefined` until a template has a parameter here: every node has the field from the start (one shape for `#walk`). */
  param: Node<T> | undefined;
  /** Per method: the value and the names of the template's parameters, in order. */
  methods: Map<string, { value: T; names: string[] }>;
}

const newNode = <T>(): Node<T> => ({ literals: new Map(), param: undefined, methods: new Map() });

/**
 * A segment trie compiled once from the route table; a literal segment wins over a parameter
 * (so `/sandboxes/import` is not read as `/sandboxes/{sandboxId}`).
 *
 * @example
 * ```ts
 * const router = new Router([{ method: 'GET', template: '/entries/{entryId}', value: 'getEntry' }]);
 * router.match('GET', '/entries/ent_1'); // { kind: 'found', value: 'getEntry', params: { entryId: 'ent_1' } }
 * router.match('PUT', '/entries/ent_1'); // { kind: 'method_not_allowed', allow: ['GET', 'HEAD'] }
 * ```
 */
export class Router<T> {
  readonly #root = newNode<T>();
  /** During a `match` (synchronous, so one at a time): the index of the first parameter that did not decode, or -1 (no array per match). */
  #undecodable = -1;
  /** The routes it was built from, in order (what an unknown path's suggestions are drawn from). */
  readonly routes: readonly RouteDefinition<T>[];

  constructor(routes: readonly RouteDefinition<T>[]) {
    this.routes = [...routes];
    for (const route of routes) this.#add(route);
  }

  #add(route: RouteDefinition<T>): void {
    let node = this.#root;
    const names: string[] = [];
    for (const segment of route.template.split('/').slice(1)) {
      const param = /^\{([^}]+)\}$/.exec(segment);
      if (param) {
        names.push(param[1] ?? '');
        node.param ??= newNode();
        node = node.param;
      } else {
        let next = node.literals.get(segment);
        if (!next) node.literals.set(segment, (next = newNode()));
        node = next;
      }
    }
    if (node.methods.has(route.method)) throw new Error(`duplicate route ${route.method} ${route.template}`);
    node.methods.set(route.method, { value: route.value, names });
  }

  match(method: string, path: string): RouteMatch<T> {
    const values: string[] = [];
    this.#undecodable = -1;
    // The segments after the leading slash: index 0 is the empty text before it.
    const node = this.#walk(this.#root, path.split('/'), 1, values);
    if (!node) return { kind: 'not_found' };
    // HEAD is answered wherever GET is (RFC 9110 §9.3.2); the app leaves out the body.
    const route = node.methods.get(method) ?? (method === 'HEAD' ? node.methods.get('GET') : undefined);
    if (route === undefined) return { kind: 'method_not_allowed', allow: allowed(node.methods) };
    const params: Record<string, string> = {};
    const { names } = route;
    for (let i = 0; i < names.length; i++) params[names[i] as string] = values[i] ?? '';
    if (this.#undecodable >= 0) return { kind: 'found', value: route.value, params, undecodable: names[this.#undecodable] ?? '' };
    return { kind: 'found', value: route.value, params };
  }

  /**
   * The node `segments` from `index` on lead to, pushing the parameters' values; a segment that
   * is not valid percent-encoding still matches a parameter (kept as sent, the first such position
   * in `#undecodable`), so that the request is refused as a bad value, not as an unknown path.
   */
  #walk(node: Node<T>, segments: string[], index: number, values: string[]): Node<T> | undefined {
    if (index === segments.length) return node.methods.size > 0 ? node : undefined;
    const segment = segments[index] ?? '';
    const literal = node.literals.get(segment);
    if (literal) {
      const found = this.#walk(literal, segments, index + 1, values);
      if (found) return found;
    }
    if (node.param && segment !== '') {
      const decoded = safeDecode(segment);
      const marks = decoded === undefined && this.#undecodable < 0;
      if (marks) this.#undecodable = values.length;
      values.push(decoded ?? segment);
      const found = this.#walk(node.param, segments, index + 1, values);
      if (found) return found;
      values.pop();
      if (marks) this.#undecodable = -1;
    }
    return undefined;
  }
}

/** The methods a path takes, sorted: HEAD wherever GET is (see `match`). */
function allowed(methods: ReadonlyMap<string, unknown>): string[] {
  const names = [...methods.keys()];
  if (methods.has('GET') && !methods.has('HEAD')) names.push('HEAD');
  return names.sort();
}

function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
