import type { z } from 'zod';

/**
 * One invalid field of a profile: where it is (a dotted `path` for messages and an RFC 6901
 * `pointer` into the profile, exact also where a key holds a dot, as limit ids do), what is wrong
 * as a stable `code`, and why in English and Chinese.
 *
 * @example
 * const issue: ProfileIssue = {
 *   path: 'options.authorizedOperation.permissionsOpenWhile.1', pointer: '/options/authorizedOperation/permissionsOpenWhile/1',
 *   code: 'DUPLICATE', message: '"amending" is listed more than once', messageZh: '"amending" 重复列出',
 * };
 */
export interface ProfileIssue {
  path: string;
  pointer: string;
  /** `REQUIRED`, `TYPE`, `ENUM`, `FORMAT`, `RANGE`, `ITEMS`, `LENGTH`, `UNKNOWN_FIELD`, `DUPLICATE` or `INVALID`. */
  code: string;
  message: string;
  messageZh: string;
}

type Issue = z.core.$ZodIssue;

/** An RFC 6901 pointer to `path` (`''` for the whole profile). */
function pointerOf(path: readonly PropertyKey[]): string {
  return path.map((key) => `/${String(key).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/** The stable code of a zod issue, in the vocabulary of the contracts' field errors. */
function codeOf(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'REQUIRED' : 'TYPE';
    case 'invalid_value':
      return 'ENUM';
    case 'invalid_format':
      return 'FORMAT';
    case 'too_small':
    case 'too_big':
      return issue.origin === 'array' || issue.origin === 'set' ? 'ITEMS' : issue.origin === 'string' ? 'LENGTH' : 'RANGE';
    case 'custom':
      return typeof issue.params?.['code'] === 'string' ? issue.params['code'] : 'INVALID';
    default:
      return 'INVALID';
  }
}

/** The Chinese words of an issue: its own (`params.zh`), zod's zh-CN locale, or the English after a Chinese lead where the check has only its own English. */
function zhOf(issue: Issue, zh: Issue | undefined): string {
  if (issue.code === 'custom' && typeof issue.params?.['zh'] === 'string') return issue.params['zh'];
  const words = zh?.message;
  return words === undefined || words === issue.message ? `取值无效：${issue.message}` : words;
}

/**
 * The issues of a refused profile, one per invalid field: `en` from a parse in zod's English,
 * `zh` the same parse with the zh-CN locale (the same issues in the same order). An unknown member
 * is an issue of its own at that member (zod names them together at their object).
 *
 * @example
 * const en = profileSchema.safeParse(raw, { reportInput: true });
 * const zh = profileSchema.safeParse(raw, { reportInput: true, error: zhCN().localeError });
 * profileIssues(en.error!.issues, zh.error!.issues)[0]?.pointer; // '/options/authorizedOperation/permissionsOpenWhile/1'
 */
export function profileIssues(en: readonly Issue[], zh: readonly Issue[]): ProfileIssue[] {
  return en.flatMap((issue, i) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
        const path = [...issue.path, key];
        return { path: path.map(String).join('.'), pointer: pointerOf(path), code: 'UNKNOWN_FIELD', message: `Unrecognized key: ${JSON.stringify(key)}`, messageZh: `不允许的字段：${JSON.stringify(key)}` };
      });
    }
    return [{ path: issue.path.map(String).join('.'), pointer: pointerOf(issue.path), code: codeOf(issue), message: issue.message, messageZh: zhOf(issue, zh[i]) }];
  });
}
