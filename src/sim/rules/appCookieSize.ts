// The size of the application's own session cookie (configureApp sessionCookie.valueBytes) and what it does
// to the ALB's AWSALBAPP cookie. AWS documents that the ALB splits an application cookie over 4K into
// shards AWSALBAPP-0..3 (up to 16K; reference §4.9). Simulator convention (docs/model.md): the ALB's cookie
// carries the application cookie sealed with the binding, so it grows by the base64 size of the application
// cookie's value (4/3 of it); the extra characters repeat the sealed binding, so an edited tail is detected.
import type { AppConfig } from '../model/api'
import type { SessionCookieConfig } from '../model/world'
import { ENCODED_LENGTH } from './cookieCodec'

/** Allowed sessionCookie.valueBytes: the ALB handles application cookies up to 16K (reference §4.9). */
export const APP_COOKIE_VALUE_BYTES = { min: 1, max: 16384 } as const

const PAD = 'A'

/** The application's cookie value for a session id: the id, padded with ".AAA…" to valueBytes characters. */
export function appCookieValue(id: string, valueBytes: number | undefined): string {
  if (valueBytes === undefined || valueBytes <= id.length + 1) return id
  return id + '.' + PAD.repeat(valueBytes - id.length - 1)
}

/** The session id inside an application cookie value (the padding after "." is not part of it). */
export function sessionIdOf(value: string): string {
  const dot = value.indexOf('.')
  return dot < 0 ? value : value.slice(0, dot)
}

function filler(sealed: string, length: number): string {
  const base = sealed.slice(0, ENCODED_LENGTH - 2)
  return base.repeat(Math.ceil(length / base.length)).slice(0, length)
}

/** The AWSALBAPP value for a sealed binding when the application cookie has valueBytes characters. */
export function withAppCookieCopy(
  sealed: string | null,
  valueBytes: number | undefined,
): string | null {
  if (sealed === null || valueBytes === undefined) return sealed
  return sealed + filler(sealed, Math.ceil((valueBytes * 4) / 3))
}

/** The sealed binding inside joined AWSALBAPP shards; an edited tail leaves the whole value (undecodable). */
export function sealedPart(joined: string): string {
  if (joined.length <= ENCODED_LENGTH) return joined
  const sealed = joined.slice(0, ENCODED_LENGTH)
  const tail = joined.slice(ENCODED_LENGTH)
  return tail === filler(sealed, tail.length) ? sealed : joined
}

/** A plain copy of the configuration with only the fields given (old snapshots stay byte-identical). */
export function sessionCookieConfig(
  sc: NonNullable<AppConfig['sessionCookie']>,
): SessionCookieConfig {
  const out: SessionCookieConfig = { name: sc.name }
  if (sc.maxAgeSeconds !== undefined) out.maxAgeSeconds = sc.maxAgeSeconds
  if (sc.valueBytes !== undefined) out.valueBytes = sc.valueBytes
  return out
}
