// Virtual time helpers: HTTP-date formatting from the fixed epoch, seconds to milliseconds.

import { describe, expect, it } from 'vitest'
import { formatHttpDate, secondsToMs, VIRTUAL_EPOCH_ISO, VIRTUAL_EPOCH_UNIX_SECONDS } from './clock'

describe('formatHttpDate', () => {
  it('virtual time 0 is the fixed epoch', () => {
    expect(new Date(VIRTUAL_EPOCH_UNIX_SECONDS * 1000).toISOString()).toBe(
      '2025-01-01T00:00:00.000Z',
    )
    expect(VIRTUAL_EPOCH_ISO).toBe('2025-01-01T00:00:00Z')
    expect(formatHttpDate(0)).toBe('Wed, 01 Jan 2025 00:00:00 GMT')
    expect(formatHttpDate(604800)).toBe('Wed, 08 Jan 2025 00:00:00 GMT')
  })

  it('matches the platform IMF-fixdate for many instants (leap years, month ends)', () => {
    for (let s = 0; s < 5 * 366 * 86400; s += 86399 * 7 + 12345) {
      expect(formatHttpDate(s)).toBe(
        new Date((VIRTUAL_EPOCH_UNIX_SECONDS + s) * 1000).toUTCString(),
      )
    }
  })

  it('drops fractions of a second', () => {
    expect(formatHttpDate(1.999)).toBe('Wed, 01 Jan 2025 00:00:01 GMT')
  })
})

describe('milliseconds', () => {
  it('rounds to whole milliseconds', () => {
    expect(secondsToMs(0.1)).toBe(100)
    expect(secondsToMs(0.0004)).toBe(0)
  })
})
