import type { Problem } from './types.js';

/** The simulation API, on the origin that served the console. */
export const SIM = '/_sim/v1';
/** Where the sim token is kept for the tab's life (never in localStorage: it is a secret). */
const TOKEN_KEY = 'gdx-console.sim-token';

/** The code of the problem made up when the server could not be reached (stopped, restarting, another network error). */
export const NETWORK_ERROR = 'NETWORK_ERROR';

/**
 * Whether the server has no operation at the path called (an older mock, another server): its 404
 * then names the path as `ROUTE_NOT_FOUND`. A 404 without it is the missing thing itself, most often
 * a sandbox deleted, or mistyped in a link.
 */
export function routeMissing(problem: Problem | undefined): boolean {
  return problem?.status === 404 && (problem.errors?.some((error) => error.code === 'ROUTE_NOT_FOUND') ?? false);
}

/** A failed call: the problem+json the server answered, or one made up for a network error. */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.message?.en ?? problem.code);
    this.name = 'ApiError';
  }
}

export function storedToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function storeToken(token: string | null): void {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

/** Listeners told when the server asks for the sim token (401 `SIM_TOKEN_REQUIRED`). */
const tokenListeners = new Set<() => void>();
export function onTokenRequired(listener: () => void): () => void {
  tokenListeners.add(listener);
  return () => tokenListeners.delete(listener);
}

async function problemOf(response: Response): Promise<Problem> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as Partial<Problem>;
    if (typeof body.code === 'string') return { ...body, status: response.status, code: body.code };
  } catch {
    // Not JSON: described below by its status.
  }
  return { status: response.status, code: `HTTP_${response.status}`, detail: text.slice(0, 500) };
}

/**
 * Calls the simulation API: JSON in and out, `Content-Type: application/json` on every write (the
 * control plane refuses others, also bodyless), the bearer token when one was given.
 */
export async function sim<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') headers['content-type'] = 'application/json';
  const token = storedToken();
  if (token) headers.authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(`${SIM}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (error) {
    throw new ApiError({ status: 0, code: NETWORK_ERROR, detail: String(error) });
  }
  if (!response.ok) {
    const problem = await problemOf(response);
    if (problem.code === 'SIM_TOKEN_REQUIRED') for (const listener of tokenListeners) listener();
    throw new ApiError(problem);
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** `?a=1&b=2` from the defined values of a record, or ''. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** A sandbox's part of the simulation API. */
export const sandboxPath = (id: string, rest = '') => `/sandboxes/${encodeURIComponent(id)}${rest}`;
