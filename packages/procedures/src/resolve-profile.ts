import { zhCN } from 'zod/locales';
import { ProfileError } from './profile-error.js';
import { profileIssues } from './profile-issues.js';
import { profileSchema, type Profile } from './profile-schema.js';
import innerMongolia from './profiles/inner-mongolia.json' with { type: 'json' };
import national from './profiles/national.json' with { type: 'json' };
import xiamen from './profiles/xiamen.json' with { type: 'json' };

const BUILTIN: Record<string, unknown> = { national, 'inner-mongolia': innerMongolia, xiamen };

/** The names of the profiles shipped with the package. */
export const builtinProfileNames: readonly string[] = Object.keys(BUILTIN);

type Json = Record<string, unknown>;

function isPlainObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Objects merge key by key; anything else in `over` replaces `base`. */
export function deepMerge(base: unknown, over: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(over)) return over === undefined ? base : over;
  const out: Json = { ...base };
  for (const [key, value] of Object.entries(over)) out[key] = deepMerge(base[key], value);
  return out;
}

/** Resolves an `extends` chain of built-in profiles; returns the merged raw object without `extends`. */
function flattenProfile(raw: unknown, seen: string[] = []): unknown {
  if (!isPlainObject(raw) || typeof raw['extends'] !== 'string') return raw;
  const parentName = raw['extends'];
  if (seen.includes(parentName)) {
    throw new ProfileError('PROFILE_INVALID', `配置文件循环继承：${parentName}`, `Profile extends itself: ${[...seen, parentName].join(' → ')}`);
  }
  const { extends: _ignored, ...own } = raw;
  return deepMerge(flattenProfile(builtinRaw(parentName), [...seen, parentName]), own);
}

function builtinRaw(name: string): unknown {
  const raw = BUILTIN[name];
  if (raw === undefined) {
    throw new ProfileError('PROFILE_NOT_FOUND', `未找到配置文件 ${name}`, `Unknown profile "${name}" (built-in: ${builtinProfileNames.join(', ')})`);
  }
  return raw;
}

/**
 * How a profile is parsed: `jitless`, because a profile is parsed once (its users keep what it
 * gives), and zod's fast path first compiles a parser for each object schema with `new Function`:
 * ~20 ms of CPU for the first profile of a process, every `gdx-mock` start's included, against
 * ~0.1 ms more for each later parse without it (issue 12).
 */
const PARSE_ONCE = { reportInput: true, jitless: true } as const;

/**
 * Validates a raw profile (after `extends`) and returns it typed, or throws `ProfileError` with
 * one issue per invalid field (a `pointer` into the profile, a `code`, English and Chinese; the
 * members of `extends` and of the profile share paths, so the pointer locates the field in either).
 *
 * @example
 * const p = validateProfile(JSON.parse(text));
 */
export function validateProfile(raw: unknown): Profile {
  const flat = flattenProfile(raw);
  const parsed = profileSchema.safeParse(flat, PARSE_ONCE);
  if (parsed.success) return parsed.data;
  // Refused: parsed again for the Chinese words (zod's zh-CN locale), issue for issue.
  const zh = profileSchema.safeParse(flat, { ...PARSE_ONCE, error: zhCN().localeError });
  throw new ProfileError('PROFILE_INVALID', '配置文件内容无效', 'Invalid profile', profileIssues(parsed.error.issues, zh.error?.issues ?? []));
}

/**
 * A built-in profile by name (`national`, `inner-mongolia`, `xiamen`) or a profile object
 * (validated; `extends: "national"` fills the missing parts). Synchronous and without I/O; use
 * `loadProfile` for files.
 *
 * @example
 * resolveProfile('xiamen').limits['sharing.review'].value; // 5
 * resolveProfile({ extends: 'national', name: 'my-city', limits: { 'sharing.review': { value: 7 } } });
 */
export function resolveProfile(input: string | object): Profile {
  return validateProfile(typeof input === 'string' ? builtinRaw(input) : input);
}
