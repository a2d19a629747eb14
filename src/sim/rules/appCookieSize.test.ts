// The application cookie's size (configureApp sessionCookie.valueBytes): above 4K the ALB's AWSALBAPP value
// no longer fits one browser cookie and is split over AWSALBAPP-0..3 (reference §4.9), and the binding still
// routes when the shards come back; a browser refuses an application cookie over 4096 bytes, which ends
// stickiness even though the ALB's shards arrive.
import { describe, expect, it } from 'vitest'
import { createLab, type Lab } from '../index'

function appSticky(valueBytes?: number): Lab {
  const lab = createLab()
  lab.addClient('alice')
  lab.configureApp({
    sessionCookie:
      valueBytes === undefined ? { name: 'SESSIONID' } : { name: 'SESSIONID', valueBytes },
  })
  expect(
    lab.modifyTargetGroupAttributes('web', {
      'stickiness.enabled': 'true',
      'stickiness.type': 'app_cookie',
      'stickiness.app_cookie.cookie_name': 'SESSIONID',
    }),
  ).toEqual({ ok: true })
  return lab
}

/** The AWSALBAPP-n shards alice holds that carry data (not "_remove_"), in order. */
function shards(lab: Lab): string[] {
  return lab
    .cookies('alice')
    .filter((c) => c.name.startsWith('AWSALBAPP-') && c.value !== '_remove_')
    .map((c) => c.name)
    .sort()
}

describe('application cookie size and AWSALBAPP shards', () => {
  it('by default the application cookie is just the session id and AWSALBAPP-0 holds the binding', () => {
    const lab = appSticky()
    lab.request('alice')
    expect(lab.cookies('alice').find((c) => c.name === 'SESSIONID')!.value).toBe('sess-1')
    expect(shards(lab)).toEqual(['AWSALBAPP-0'])
  })

  it('a 3,500-byte application cookie makes the ALB cookie span AWSALBAPP-0 and -1, and it still routes', () => {
    const lab = appSticky(3500)
    const first = lab.request('alice', { path: '/cart/add' })
    expect(lab.cookies('alice').find((c) => c.name === 'SESSIONID')!.value).toHaveLength(3500)
    expect(shards(lab)).toEqual(['AWSALBAPP-0', 'AWSALBAPP-1'])
    for (const c of lab.cookies('alice').filter((x) => x.name.startsWith('AWSALBAPP-')))
      expect(c.name.length + c.value.length).toBeLessThanOrEqual(4096)
    const again = lab.request('alice', { path: '/cart/add' })
    expect(again.decision).toBe('sticky-hit')
    expect(again.targetId).toBe(first.targetId)
    expect(again.session).toMatchObject({ items: 2, lost: false })
  })

  it('12,000 bytes: four shards, but the browser refuses the 12 KB application cookie, so stickiness ends', () => {
    const lab = appSticky(12000)
    lab.request('alice')
    expect(shards(lab)).toEqual(['AWSALBAPP-0', 'AWSALBAPP-1', 'AWSALBAPP-2', 'AWSALBAPP-3'])
    expect(lab.cookies('alice').find((c) => c.name === 'SESSIONID')).toBeUndefined()
    expect(lab.request('alice').decision).toBe('sticky-miss-no-app-cookie')
  })

  it('an edited shard tail makes the joined value undecodable (not sticky)', () => {
    const lab = appSticky(3500)
    lab.request('alice')
    const one = lab.cookies('alice').find((c) => c.name === 'AWSALBAPP-1')!
    lab.setCookie('alice', 'AWSALBAPP-1', 'x' + one.value.slice(1))
    expect(lab.request('alice').decision).toBe('sticky-miss-invalid')
  })

  it('valueBytes must be a whole number 1-16384', () => {
    const lab = createLab()
    for (const valueBytes of [0, 16385, 1.5])
      expect(() => lab.configureApp({ sessionCookie: { name: 'SESSIONID', valueBytes } })).toThrow(
        /valueBytes/,
      )
    lab.configureApp({ sessionCookie: { name: 'SESSIONID', valueBytes: 16384 } })
    expect(lab.app().sessionCookie).toEqual({ name: 'SESSIONID', valueBytes: 16384 })
  })
})
