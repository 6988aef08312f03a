import type { loadGeneratedValidators as loadOnNode } from './generated-validators.js';

// The browser leaf of `#generated-validators`, selected by the `browser` export condition: a page
// cannot `require` the build's CommonJS validators, so it compiles each operation's validator
// on its first request, as the mock did before decision 0027.

/** None in a browser: every validator is compiled at first use. */
export const loadGeneratedValidators: typeof loadOnNode = () => undefined;
