// Virtual time: the world keeps integer milliseconds (no floating drift when a learner advances
// by 0.1 s many times); the public API speaks seconds. Also formats HTTP-dates for Expires from a
// fixed virtual epoch, without the host clock or time zone.

/** Virtual time 0 is this instant: 2025-01-01T00:00:00Z (a Wednesday). */
export const VIRTUAL_EPOCH_UNIX_SECONDS = 1735689600
export const VIRTUAL_EPOCH_ISO = '2025-01-01T00:00:00Z'

/** Seconds → integer milliseconds (rounded to the nearest ms, the clock's resolution). */
export function secondsToMs(seconds: number): number {
  return Math.round(seconds * 1000)
}

/** Integer milliseconds → seconds. */
export function msToSeconds(ms: number): number {
  return ms / 1000
}

const DAY_NAMES = ['Thu', 'Fri', 'Sat', 'Sun', 'Mon', 'Tue', 'Wed'] as const // 1970-01-01 was a Thursday
const MONTH_NAMES = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const

function two(n: number): string {
  return n < 10 ? '0' + n : String(n)
}

/** Civil date from days since 1970-01-01 (Howard Hinnant's algorithm; proleptic Gregorian). */
function civilFromDays(days: number): { y: number; m: number; d: number } {
  const z = days + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  )
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp < 10 ? mp + 3 : mp - 9
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0)
  return { y, m, d }
}

/** IMF-fixdate (RFC 9110) for a whole number of virtual seconds, e.g. "Wed, 08 Jan 2025 00:00:00 GMT". */
export function formatHttpDate(virtualSeconds: number): string {
  const unix = VIRTUAL_EPOCH_UNIX_SECONDS + Math.floor(virtualSeconds)
  const days = Math.floor(unix / 86400)
  const secOfDay = unix - days * 86400
  const { y, m, d } = civilFromDays(days)
  const dow = DAY_NAMES[((days % 7) + 7) % 7] ?? 'Thu'
  const mon = MONTH_NAMES[m - 1] ?? 'Jan'
  const hh = Math.floor(secOfDay / 3600)
  const mm = Math.floor((secOfDay % 3600) / 60)
  const ss = secOfDay % 60
  return `${dow}, ${two(d)} ${mon} ${y} ${two(hh)}:${two(mm)}:${two(ss)} GMT`
}
