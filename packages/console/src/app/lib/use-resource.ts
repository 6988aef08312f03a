import { createContext } from 'preact';
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api/client.js';
import type { Problem } from '../api/types.js';

/** Bumped after every change made from the console, so every view shown reloads what it shows. */
export const RevisionContext = createContext<{ revision: number; changed: () => void }>({ revision: 0, changed: () => undefined });

export function useRevision() {
  return useContext(RevisionContext);
}

export interface Resource<T> {
  data: T | undefined;
  problem: Problem | undefined;
  loading: boolean;
  reload: () => void;
}

export function problemOf(error: unknown): Problem {
  return error instanceof ApiError ? error.problem : { status: 0, code: 'CONSOLE_ERROR', detail: String(error) };
}

/**
 * How often a live view reloads. The mock does not journal reads of the simulation API, so
 * polling takes no room in a sandbox's request journal; it is gentle on the mock all the same.
 */
export const POLL_MS = 5_000;

/**
 * Loads `load()` when `key` or the console's revision changes, and every `pollMs` while the view
 * is shown (the mock has no push channel; a poll of a small page is cheap on loopback). An answer
 * that arrives after a newer request was made is dropped.
 */
export function useResource<T>(load: () => Promise<T>, key: string, pollMs?: number): Resource<T> {
  const { revision } = useRevision();
  const [state, setState] = useState<{ data?: T; problem?: Problem; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  const latest = useRef(0);
  useEffect(() => {
    const call = ++latest.current;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => call === latest.current && setState({ data, loading: false }),
      (error: unknown) => call === latest.current && setState((s) => ({ data: s.data, problem: problemOf(error), loading: false })),
    );
  }, [key, revision, tick]);
  useEffect(() => {
    if (!pollMs) return undefined;
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') setTick((n) => n + 1);
    }, pollMs);
    return () => clearInterval(timer);
  }, [key, pollMs]);
  return { data: state.data, problem: state.problem, loading: state.loading, reload: () => setTick((n) => n + 1) };
}
