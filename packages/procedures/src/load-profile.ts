import { readProfileText, resolveProfilePath } from '#profile-files';
import { ProfileError } from './profile-error.js';
import type { Profile } from './profile-schema.js';
import { builtinProfileNames, deepMerge, resolveProfile, validateProfile } from './resolve-profile.js';

async function readProfileFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readProfileText(path);
  } catch (err) {
    throw new ProfileError('PROFILE_NOT_FOUND', `无法读取配置文件 ${path}`, `Cannot read profile file ${path}: ${(err as Error).message}`);
  }
  // Imported only to read a file (~25 ms of CPU): a process using built-in profiles, such as most
  // `gdx-mock` starts, never loads it (issue 12).
  const { parse } = await import('yaml');
  try {
    return parse(text) as unknown;
  } catch (err) {
    throw new ProfileError('PROFILE_INVALID', `配置文件 ${path} 不是有效的 YAML/JSON`, `Profile file ${path} is not valid YAML/JSON`, [
      { path: '', pointer: '', code: 'INVALID', message: (err as Error).message, messageZh: `不是有效的 YAML/JSON：${(err as Error).message}` },
    ]);
  }
}

/** Reads a file and merges it over the files it extends; a built-in parent is left to `validateProfile`. */
async function flattenFile(path: string, seen: string[]): Promise<unknown> {
  const raw = await readProfileFile(path);
  const parent = (raw as { extends?: unknown } | null)?.extends;
  if (typeof parent !== 'string' || builtinProfileNames.includes(parent)) return raw;
  const parentPath = resolveProfilePath(parent, path);
  if (seen.includes(parentPath)) {
    throw new ProfileError('PROFILE_INVALID', `配置文件循环继承：${parentPath}`, `Profile files extend each other: ${[...seen, parentPath].join(' → ')}`);
  }
  const { extends: _ignored, ...own } = raw as Record<string, unknown>;
  return deepMerge(await flattenFile(parentPath, [...seen, path]), own);
}

/**
 * Loads a profile: a built-in name, a path to a YAML or JSON file, or an object. `extends` may
 * name a built-in profile or another file (relative to the extending file). Throws
 * `ProfileError` with field-level issues when the result is invalid. Files need Node: in a
 * browser a path throws `PROFILE_NOT_FOUND`.
 *
 * @example
 * const mine = await loadProfile('./profiles/fuzhou.yaml'); // extends: national
 * const builtin = await loadProfile('inner-mongolia');
 */
export async function loadProfile(input: string | object): Promise<Profile> {
  if (typeof input !== 'string' || builtinProfileNames.includes(input)) return resolveProfile(input);
  const path = resolveProfilePath(input);
  return validateProfile(await flattenFile(path, [path]));
}
