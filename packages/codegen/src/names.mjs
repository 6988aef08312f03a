// Identifier helpers shared by the emitters: spec names become TypeScript names here only.

/**
 * PascalCase of a spec name such as `public-notices`, `publicNotices` or `data_objection`.
 * @param {string} name
 * @returns {string}
 * @example pascalCase('publicNotices') // 'PublicNotices'
 */
export function pascalCase(name) {
  const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}

/**
 * A valid identifier for a component name; spec names may contain dots or dashes.
 * @param {string} name
 * @returns {string}
 * @example identifier('Problem.Error') // 'ProblemError'
 */
export function identifier(name) {
  const id = pascalCase(name);
  return /^[0-9]/.test(id) ? `_${id}` : id;
}

/**
 * A property key as written in an object literal or type: bare when it is an identifier.
 * @param {string} key
 * @returns {string}
 * @example propertyKey('Idempotency-Key') // '"Idempotency-Key"'
 */
export function propertyKey(key) {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : JSON.stringify(key);
}

/**
 * Escapes text for a TSDoc block comment so a `*\/` in a description cannot end it.
 * @param {string} text
 * @returns {string[]} comment lines without the leading ` * `
 * @example docLines('a\nb') // ['a', 'b']
 */
export function docLines(text) {
  return text.replaceAll('*/', '*\\/').trim().split('\n');
}
