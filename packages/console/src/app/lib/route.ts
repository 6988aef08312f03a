import { useEffect, useState } from 'preact/hooks';
import { PLATFORMS, type Platform } from '../api/types.js';

/** The console's views, addressed by the URL hash so a reload or a shared link opens the same one. */
export type Route =
  | { view: 'sandboxes' }
  | { view: 'clock'; sandboxId: string }
  | { view: 'objects'; sandboxId: string; platform: Platform | undefined }
  | { view: 'timeline'; sandboxId: string; platform: string; objectType: string; objectId: string }
  | { view: 'events'; sandboxId: string }
  | { view: 'requests'; sandboxId: string }
  | { view: 'health' }
  | { view: 'not-found' };

const PLATFORM_NAMES: ReadonlySet<string> = new Set(PLATFORMS);

/**
 * The view a URL hash names; `not-found` for any other hash, a malformed percent-escape (`#/s/%E0%A4%A`,
 * typed or cut short in a shared link) included: `decodeURIComponent` throws on one, and a throw
 * here left the page blank.
 */
export function parseRoute(hash: string): Route {
  let parts: string[];
  try {
    parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return { view: 'not-found' };
  }
  if (parts.length === 0) return { view: 'sandboxes' };
  if (parts.length === 1 && parts[0] === 'health') return { view: 'health' };
  const [head, sandboxId, view, ...rest] = parts;
  if (head !== 's' || !sandboxId) return { view: 'not-found' };
  if (view === undefined || view === 'clock') return { view: 'clock', sandboxId };
  if (view === 'objects' && rest.length === 0) return { view: 'objects', sandboxId, platform: undefined };
  if (view === 'objects' && rest.length === 1 && PLATFORM_NAMES.has(rest[0]!)) return { view: 'objects', sandboxId, platform: rest[0] as Platform };
  if (view === 'objects' && rest.length === 3) return { view: 'timeline', sandboxId, platform: rest[0]!, objectType: rest[1]!, objectId: rest[2]! };
  if (view === 'events' && rest.length === 0) return { view: 'events', sandboxId };
  if (view === 'requests' && rest.length === 0) return { view: 'requests', sandboxId };
  return { view: 'not-found' };
}

/** The hash of a route. */
export function href(...segments: string[]): string {
  return `#/${segments.map(encodeURIComponent).join('/')}`;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
