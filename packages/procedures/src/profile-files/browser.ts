import { ProfileError } from '../profile-error.js';
import type * as OnNode from './node.js';

// The browser leaf of `#profile-files`, selected by the `browser` export condition: a page has
// no files, so a profile is a built-in name or an object.

function unsupported(path: string): never {
  throw new ProfileError(
    'PROFILE_NOT_FOUND',
    `浏览器中无法读取配置文件 ${path}，请传入内置配置名称或配置对象`,
    `Profile files need Node (${path}); in a browser pass a built-in profile name or a profile object`,
  );
}

/** Throws `PROFILE_NOT_FOUND`: there are no files to resolve. */
export const resolveProfilePath: typeof OnNode.resolveProfilePath = (path) => unsupported(path);

/** Throws `PROFILE_NOT_FOUND`: there are no files to read. */
export const readProfileText: typeof OnNode.readProfileText = (path) => unsupported(path);
