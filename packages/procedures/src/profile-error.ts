import type { ProfileIssue } from './profile-issues.js';

/**
 * A profile could not be loaded: unknown name, unreadable file, or invalid content. `issues`
 * lists each invalid field: a dotted `path`, a JSON `pointer`, a `code` and the message in
 * English and Chinese (`ProfileIssue`).
 *
 * @example
 * try { resolveProfile({ name: 'x' }); } catch (e) { if (e instanceof ProfileError) console.log(e.issues); }
 */
export class ProfileError extends Error {
  readonly code: 'PROFILE_NOT_FOUND' | 'PROFILE_INVALID';
  readonly messageZh: string;
  readonly issues: ProfileIssue[];

  constructor(code: ProfileError['code'], zh: string, en: string, issues: ProfileIssue[] = []) {
    super(issues.length === 0 ? en : `${en}:\n${issues.map((i) => `  - ${i.path || '(root)'}: ${i.message}`).join('\n')}`);
    this.name = 'ProfileError';
    this.code = code;
    this.messageZh = zh;
    this.issues = issues;
  }
}
