// Sealed cookie values: round trip, opacity, tamper detection.

import { describe, expect, it } from 'vitest'
import type { CookiePayload } from './cookieCodec'
import {
  CookieKind,
  decodeCookieValue,
  encodeCookieValue,
  ENCODED_LENGTH,
  NO_TARGET,
} from './cookieCodec'

const payload = (i: number): CookiePayload => ({
  kind: ([CookieKind.lb, CookieKind.app, CookieKind.targetGroup] as const)[i % 3]!,
  targetGroupSerial: i % 4096,
  targetSerial: i % 5 === 0 ? NO_TARGET : (i * 7919) >>> 0,
  issuedAtMs: i * 987654321,
  durationSeconds: i % 604801,
})

describe('cookie codec', () => {
  it('round-trips every field', () => {
    for (let i = 0; i < 3000; i++) {
      const p = payload(i)
      const v = encodeCookieValue(1234, i, p)
      expect(v).toHaveLength(ENCODED_LENGTH)
      expect(v).toMatch(/^[A-Za-z0-9+/]{34}==$/)
      expect(decodeCookieValue(1234, v)).toEqual(p)
    }
  })

  it('the same payload looks different with every nonce', () => {
    const p = payload(1)
    const values = new Set(Array.from({ length: 500 }, (_, i) => encodeCookieValue(1, i, p)))
    expect(values.size).toBe(500)
  })

  it('detects any single-character edit', () => {
    const v = encodeCookieValue(77, 5, payload(5))
    for (let i = 0; i < 34; i++) {
      for (const ch of ['A', 'z', '0', '+']) {
        if (v[i] === ch) continue
        expect(decodeCookieValue(77, v.slice(0, i) + ch + v.slice(i + 1))).toBeNull()
      }
    }
  })

  it('rejects other secrets, lengths, alphabets and percent-encoding', () => {
    const v = encodeCookieValue(77, 5, payload(5))
    expect(decodeCookieValue(78, v)).toBeNull()
    expect(decodeCookieValue(77, v.slice(1))).toBeNull()
    expect(decodeCookieValue(77, v + 'A')).toBeNull()
    expect(decodeCookieValue(77, encodeURIComponent(v))).toBeNull()
    expect(decodeCookieValue(77, v.replace(/./, 'é'))).toBeNull()
    expect(decodeCookieValue(77, '')).toBeNull()
    expect(decodeCookieValue(77, '_remove_')).toBeNull()
  })
})
