import { DEFAULT_SANDBOX_ID, SANDBOX_ID_PATTERN } from '../sandbox/registry.js';
import type { DispatchRequest, DispatchResponse } from './dispatch-types.js';
import { problemResponse } from './problem-response.js';
import type { RouteDefinition } from './router.js';

/** A documented route close to a path that matched none. */
export interface RouteSuggestion {
  method: string;
  /** The path template, `{param}` segments as in the contracts. */
  path: string;
}

/** At most this many routes are suggested. */
const MAX_SUGGESTIONS = 3;
/** Paths with more segments get no suggestions: the work stays bounded whatever is sent. */
const MAX_SEGMENTS = 16;
/** Longer segments are compared whole (equal or not), never character by character. */
const MAX_SEGMENT_CHARS = 64;
/** Farther routes are not worth naming: about one wrong or missing segment, and a typo. */
const MAX_DISTANCE = 1.5;
/** Routes farther than the closest by more than this are left out: one clear typo names one route. */
const MAX_BEHIND_BEST = 0.34;
/** Added to a route that does not take the request's method, so same-method routes rank first. */
const OTHER_METHOD_COST = 0.25;

interface Template {
  path: string;
  segments: readonly string[];
  methods: readonly string[];
}

const templatesByRoutes = new WeakMap<readonly RouteDefinition<unknown>[], readonly Template[]>();

/** The distinct templates of a route table with their methods, worked out once per table. */
function templatesOf(routes: readonly RouteDefinition<unknown>[]): readonly Template[] {
  let templates = templatesByRoutes.get(routes);
  if (templates) return templates;
  const methods = new Map<string, string[]>();
  for (const route of routes) {
    const list = methods.get(route.template);
    if (list) list.push(route.method);
    else methods.set(route.template, [route.method]);
  }
  templates = [...methods].map(([path, list]) => ({ path, segments: path.split('/').slice(1), methods: list.sort() }));
  templatesByRoutes.set(routes, templates);
  return templates;
}

/** Levenshtein distance of two short strings, one row at a time. */
function characterDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/**
 * What replacing one path segment by a template segment costs, 0–1: nothing for a `{param}` (it
 * takes any non-empty segment), else the share of characters to edit (`aplications` →
 * `applications` costs 1/12), case ignored.
 */
function segmentCost(segment: string, template: string): number {
  if (template.startsWith('{') && template.endsWith('}')) return segment === '' ? 1 : 0;
  if (segment === template) return 0;
  if (segment.length > MAX_SEGMENT_CHARS || template.length > MAX_SEGMENT_CHARS) return 1;
  const a = segment.toLowerCase();
  const b = template.toLowerCase();
  return characterDistance(a, b) / Math.max(a.length, b.length, 1);
}

/** Edit distance over segments: inserting or dropping a segment costs 1, replacing one its `segmentCost`. */
function pathDistance(segments: readonly string[], template: readonly string[], cost: (i: number, t: string) => number): number {
  let previous = Array.from({ length: template.length + 1 }, (_, j) => j);
  for (let i = 1; i <= segments.length; i++) {
    const current = [i];
    for (let j = 1; j <= template.length; j++) {
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost(i - 1, template[j - 1] as string));
    }
    previous = current;
  }
  return previous[template.length] as number;
}

/**
 * The documented routes closest to a path no route matched, nearest first: ranked by an edit
 * distance over path segments (a typo inside a segment costs its share of characters, a missing
 * or extra segment 1, a `{param}` takes any segment), routes taking the request's method first.
 * Only routes within about one segment's difference, and not much farther than the closest, are
 * named; paths of more than 16 segments get none (the work is bounded whatever is sent).
 *
 * @example
 * ```ts
 * suggestRoutes(router.routes, 'POST', '/registration/v1/aplications');
 * // [{ method: 'POST', path: '/registration/v1/applications' }]
 * ```
 */
export function suggestRoutes(routes: readonly RouteDefinition<unknown>[], method: string, path: string): RouteSuggestion[] {
  const segments = path.split('/').slice(1);
  if (segments.length > MAX_SEGMENTS) return [];
  // Template literals repeat across routes: each pairing with a path segment is costed once.
  const memo = segments.map(() => new Map<string, number>());
  const cost = (i: number, template: string): number => {
    const known = memo[i]?.get(template);
    if (known !== undefined) return known;
    const value = segmentCost(segments[i] as string, template);
    memo[i]?.set(template, value);
    return value;
  };
  const ranked: { template: Template; distance: number }[] = [];
  for (const template of templatesOf(routes)) {
    const distance = pathDistance(segments, template.segments, cost) + (template.methods.includes(method) ? 0 : OTHER_METHOD_COST);
    if (distance <= MAX_DISTANCE) ranked.push({ template, distance });
  }
  ranked.sort((a, b) => a.distance - b.distance || a.template.path.localeCompare(b.template.path));
  const cutoff = (ranked[0]?.distance ?? 0) + MAX_BEHIND_BEST;
  const suggestions: RouteSuggestion[] = [];
  for (const { template, distance } of ranked) {
    if (distance > cutoff) break;
    for (const m of template.methods.includes(method) ? [method] : template.methods) suggestions.push({ method: m, path: template.path });
    if (suggestions.length >= MAX_SUGGESTIONS) break;
  }
  return suggestions.slice(0, MAX_SUGGESTIONS);
}

/**
 * The 404 answer of a path no route matches, naming the closest documented routes (in `detail`,
 * in a bilingual field error at `/path`, and as `suggestedRoutes`).
 *
 * @example
 * ```ts
 * routeNotFound(router.routes, { method: 'GET', path: '/registration/v1/aplications', query: '', headers: {}, body: undefined }, 'req_1').status; // 404
 * ```
 */
export function routeNotFound(routes: readonly RouteDefinition<unknown>[], req: DispatchRequest, requestId: string): DispatchResponse {
  const suggestions = suggestRoutes(routes, req.method, req.path);
  const list = suggestions.map((s) => `${s.method} ${s.path}`).join(', ');
  const message =
    suggestions.length > 0
      ? { zh: `没有与该路径匹配的接口；最接近的：${list}`, en: `No operation has this path; the closest: ${list}` }
      : { zh: '没有与该路径匹配的接口（见 /openapi 下的接口契约）', en: 'No operation has this path (see the contracts under /openapi)' };
  return problemResponse(
    'NOT_FOUND',
    {
      detail: suggestions.length > 0 ? `no route for ${req.path}; the closest: ${list}` : `no route for ${req.path}`,
      errors: [{ pointer: '/path', code: 'ROUTE_NOT_FOUND', message }],
      extensions: { suggestedRoutes: suggestions },
    },
    requestId,
    req.path,
  );
}

/**
 * The sandbox a path addresses even when no route matched it: `/sandboxes/{id}/…` and
 * `/_sim/v1/sandboxes/{id}/…` name theirs, other simulation paths none, the rest is `default`'s.
 *
 * @example
 * ```ts
 * sandboxIdOfPath('/sandboxes/sbx_1/registration/v1/aplications'); // 'sbx_1'
 * sandboxIdOfPath('/registration/v1/aplications');                 // 'default'
 * ```
 */
export function sandboxIdOfPath(path: string): string | null {
  const segments = path.split('/', 5);
  const simulation = segments[1] === '_sim';
  const [named, id] = simulation ? [segments[3], segments[4]] : [segments[1], segments[2]];
  if (named === 'sandboxes' && id !== undefined && SANDBOX_ID_PATTERN.test(id)) return id;
  return simulation ? null : DEFAULT_SANDBOX_ID;
}
