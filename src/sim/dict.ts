// Plain-object dictionaries keyed by user-supplied strings (client ids, target ids, session ids).
// The world must stay JSON data, so we use objects rather than Maps; these helpers make lookups
// safe for keys such as "constructor" or "__proto__" that would otherwise hit Object.prototype.

/** A JSON-safe string-keyed dictionary. */
export type Dict<T> = Record<string, T>

const hasOwn = Object.prototype.hasOwnProperty

/** Creates an empty dictionary. */
export function newDict<T>(): Dict<T> {
  return {}
}

/** Reads an own property only, so inherited members never masquerade as entries. */
export function dictGet<T>(dict: Dict<T>, key: string): T | undefined {
  // A non-string key (a list, say) would be coerced to a string and find an entry it does not name (issue 16).
  return typeof key === 'string' && hasOwn.call(dict, key) ? dict[key] : undefined
}

/** Writes an own property; defineProperty keeps "__proto__" an ordinary key. */
export function dictSet<T>(dict: Dict<T>, key: string, value: T): void {
  if (typeof key !== 'string') throw new TypeError('a dictionary key must be a string')
  if (key === '__proto__') {
    Object.defineProperty(dict, key, {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    })
  } else {
    dict[key] = value
  }
}

/** Removes an own property if present. */
export function dictDelete<T>(dict: Dict<T>, key: string): void {
  if (typeof key === 'string' && hasOwn.call(dict, key)) delete dict[key]
}

/** Own keys in insertion order (integer-like keys first, as JSON.stringify also orders them). */
export function dictKeys<T>(dict: Dict<T>): string[] {
  return Object.keys(dict)
}
