// Whether an address carries a shared lab, without loading the decoder: startup code asks this before the first paint.
export const SHARE_PREFIX = '#lab='

/** True when a location hash carries a shared lab. */
export function isShareHash(hash: string): boolean {
  return hash.startsWith(SHARE_PREFIX)
}
