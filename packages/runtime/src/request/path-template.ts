import { GdxError } from '../errors/gdx-error.js';

type PathParams = Readonly<Record<string, string | number>> | undefined;
type RenderPath = (params: PathParams) => string;

// Templates come from generated SDKs (a finite set), so the cache stays small; the bound only
// protects against callers that build template strings dynamically.
const MAX_CACHED = 1000;
const cache = new Map<string, RenderPath>();

/**
 * Fills a path template such as `/applications/{applicationId}` with percent-encoded values.
 * Each template is compiled once and cached.
 *
 * @example
 * ```ts
 * renderPath('/applications/{applicationId}/events', { applicationId: 'rga 1' });
 * // '/applications/rga%201/events'
 * ```
 */
export function renderPath(template: string, params: PathParams): string {
  let render = cache.get(template);
  if (render === undefined) {
    render = compile(template);
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(template, render);
  }
  return render(params);
}

function compile(template: string): RenderPath {
  // split with a capture group alternates literal, name, literal, name, …, literal
  const parts = template.split(/\{([^{}]+)\}/);
  if (parts.length === 1) return () => template;
  return (params) => {
    let out = parts[0] ?? '';
    for (let i = 1; i < parts.length; i += 2) {
      const name = parts[i] ?? '';
      const value = params?.[name];
      if (value === undefined || value === '') {
        throw new GdxError('PATH_PARAM_MISSING', {
          en: `Path parameter "${name}" of ${template} is missing`,
          zh: `缺少路径参数 "${name}"（${template}）`,
        });
      }
      const text = String(value);
      // URL parsers resolve "." and ".." (even percent-encoded), so the server would see another path.
      if (text === '.' || text === '..') {
        throw new GdxError('PATH_PARAM_INVALID', {
          en: `Path parameter "${name}" of ${template} cannot be "${text}"`,
          zh: `路径参数 "${name}" 不能为 "${text}"（${template}）`,
        });
      }
      out += encodeURIComponent(text) + (parts[i + 1] ?? '');
    }
    return out;
  };
}
