/**
 * Freezes a value and everything it holds not frozen yet, for data several sandboxes or apps share
 * (a seed's data, the bundled contracts): code that changed a shared object in place would change
 * it for every holder; frozen, the attempt throws where it is made (module code is strict).
 *
 * @example
 * ```ts
 * const shared = deepFreeze({ items: [{ name: '姓名' }] });
 * shared.items[0].name = 'x'; // TypeError: Cannot assign to read only property 'name'
 * ```
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    // The own enumerable values, as `Object.values` gives them, without an array per object:
    // freezing a seed's data (~100,000 objects) took half as long this way.
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i += 1) deepFreeze(value[i]);
    } else {
      for (const key in value) if (Object.hasOwn(value, key)) deepFreeze(value[key]);
    }
  }
  return value;
}
