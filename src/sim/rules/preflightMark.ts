// The mark that makes a request the browser's CORS preflight. A symbol, not a field: it cannot come from a file,
// a link or a host page (JSON has no symbols), so only preflight.ts can send an OPTIONS.
import type { RequestOptions } from '../model/api'

const PREFLIGHT: unique symbol = Symbol('preflight')

export type PreflightOptions = RequestOptions & { [PREFLIGHT]: true }

/** The options of the OPTIONS request that precedes a non-simple cross-site request. */
export function preflightOptions(): PreflightOptions {
  // Fetch standard, CORS-preflight fetch: the preflight never includes credentials, so nothing is sent or stored.
  return { path: '/', crossSite: true, credentials: 'omit', [PREFLIGHT]: true }
}

export function isPreflight(options: RequestOptions): boolean {
  return (options as Partial<PreflightOptions>)[PREFLIGHT] === true
}
