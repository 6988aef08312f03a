import type { Sourced } from './flag-spec.js';

/** The flags that shape the default sandbox, as given on the command line or by their variables (`source` says which). */
export interface SandboxFlags {
  seed?: Sourced<string>;
  /** A shipped profile's name (a profile file is not given here: it names its profile inside). */
  profile?: Sourced<string>;
  clock?: Sourced<string>;
  startAt?: Sourced<string>;
}

/** What the warnings compare the flags with: the default sandbox the start ended with (the simulation API's view). */
export interface StartedSandbox {
  seed: number;
  profile: { name: string };
  clock: { mode: string; now: string };
}

/**
 * The warnings `gdx-mock` prints when it started from a data directory that already held a store:
 * its default sandbox is the stored one, so `--seed`, `--profile`, `--clock` and `--start-at` only
 * shape a new directory's. Each flag given (by flag or variable) that the stored sandbox does not
 * match is named with what is in force instead; `--start-at` always, as the stored clock has its
 * own time. Without them an operator restarting with another profile got the old one silently.
 *
 * @example
 * ```ts
 * storedSandboxWarnings({ profile: { value: 'xiamen', source: '--profile' } }, { seed: 1, profile: { name: 'national' }, clock: { mode: 'virtual', now: '2025-09-26T09:00:00+08:00' } }, '.gdx-data');
 * // ['--profile xiamen is not applied: the default sandbox of the data directory .gdx-data keeps its profile national; …']
 * ```
 */
export function storedSandboxWarnings(flags: SandboxFlags, sandbox: StartedSandbox, dataDir: string): string[] {
  const kept = (given: Sourced<string>, what: string): string =>
    `${given.source} ${given.value} is not applied: the default sandbox of the data directory ${dataDir} keeps its ${what}; ` +
    'these flags shape a new data directory only. Start with an empty --data-dir for them, or create a sandbox with them (POST /_sim/v1/sandboxes) / ' +
    `数据目录中已有默认沙箱，${given.source} 未生效（沿用已保存的设置）`;
  const warnings: string[] = [];
  if (flags.seed && Number(flags.seed.value) !== sandbox.seed) warnings.push(kept(flags.seed, `seed ${sandbox.seed}`));
  if (flags.profile && flags.profile.value !== sandbox.profile.name) warnings.push(kept(flags.profile, `profile ${sandbox.profile.name}`));
  if (flags.clock && flags.clock.value !== sandbox.clock.mode) warnings.push(kept(flags.clock, `${sandbox.clock.mode} clock`));
  if (flags.startAt) warnings.push(kept(flags.startAt, `clock, now ${sandbox.clock.now}`));
  return warnings;
}
