// The one Set-Cookie parser: lines read back from a record or pasted from a real response.
import { describe, expect, it } from 'vitest'
import { parseSetCookie } from './parseSetCookie'

const VALUE = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789+/abcde='

describe('parseSetCookie', () => {
  it('reads the ALB lines (Expires is the virtual date)', () => {
    const d = parseSetCookie(
      `AWSALBCORS=${VALUE}; Expires=Wed, 08 Jan 2025 00:00:05 GMT; Path=/; SameSite=None; Secure`,
      5,
    )
    expect(d).toMatchObject({
      name: 'AWSALBCORS',
      value: VALUE,
      path: '/',
      expiresAt: 604_805,
      secure: true,
      httpOnly: false,
      sameSite: 'None',
    })
  })
  it('lets Max-Age win and anchors it at the response time', () => {
    const d = parseSetCookie(
      'session=sess-1; Expires=Wed, 08 Jan 2025 00:00:05 GMT; Max-Age=60; Path=/; HttpOnly',
      10,
    )
    expect(d).toMatchObject({ expiresAt: 70, httpOnly: true, sameSite: null })
  })
  it('ignores a Path that is not absolute and an unknown SameSite value', () => {
    expect(parseSetCookie('a=1; Path=cart; SameSite=Bogus', 0)).toMatchObject({
      path: '/',
      sameSite: null,
    })
  })
})
