// Share links in Node 20's CompressionStream: a link rebuilds the lab byte for byte, long labs are refused
// with the file export offered instead, and cut, damaged or hand-edited links get a plain-word message.
import { describe, expect, it } from 'vitest'
import { createLab, type Lab } from '../sim'
import { buildReplayLab, serializeReplay } from './replayFile'
import {
  decodeShareFragment,
  encodeShareFragment,
  fromBase64Url,
  isShareHash,
  MAX_FRAGMENT_CHARS,
  SHARE_PREFIX,
  shareUrl,
  toBase64Url,
} from './shareLink'

function session(requests = 5): Lab {
  const lab = createLab({ seed: 4 })
  lab.addClient('alice')
  lab.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'true', 'stickiness.type': 'lb_cookie' })
  for (let i = 0; i < requests; i++) {
    lab.request('alice')
    lab.advance(0.25 + (i % 7) * 0.013)
  }
  return lab
}

async function fragmentOf(lab: Lab): Promise<string> {
  const text = serializeReplay(lab)
  if (!text.ok) throw new Error(text.message)
  const out = await encodeShareFragment(text.text)
  if (!out.ok) throw new Error(out.message)
  return out.fragment
}

async function messageFor(hash: string): Promise<string> {
  const out = await decodeShareFragment(hash)
  if (out.ok) throw new Error('expected the link to be refused')
  return out.message
}

describe('share links', () => {
  it('round-trips a lab through "#lab=…" into a byte-identical world', async () => {
    const lab = session()
    const fragment = await fragmentOf(lab)
    expect(fragment.startsWith(SHARE_PREFIX)).toBe(true)
    expect(fragment.slice(SHARE_PREFIX.length)).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(isShareHash(fragment)).toBe(true)
    const decoded = await decodeShareFragment(fragment)
    expect(decoded.ok).toBe(true)
    if (!decoded.ok) return
    const rebuilt = buildReplayLab(decoded.replay)
    expect(rebuilt.ok && JSON.stringify(rebuilt.lab.snapshot())).toBe(JSON.stringify(lab.snapshot()))
  })

  it('builds the address without the query string', () => {
    expect(shareUrl({ origin: 'https://x.test', pathname: '/lab/' }, '#lab=abc')).toBe('https://x.test/lab/#lab=abc')
  })

  it('refuses a lab too long for a link and says to export a file instead', async () => {
    // Spread-out arguments compress poorly, so this log needs far more than 16,000 characters.
    const lab = createLab({ seed: 4 })
    for (let i = 0; i < 4000; i++) lab.addClient(`c${(i * 7919) % 100003}`)
    const text = serializeReplay(lab, { verify: false })
    if (!text.ok) throw new Error(text.message)
    const out = await encodeShareFragment(text.text)
    expect(out.ok).toBe(false)
    if (out.ok) return
    expect(out.length).toBeGreaterThan(MAX_FRAGMENT_CHARS)
    expect(out.message).toMatch(/^This lab is too long for a link: it needs [\d,]+ characters, and a link may carry 16,000\. Use "Export replay"/)
  })

  it('says a cut link is incomplete, wherever it was cut', async () => {
    const fragment = await fragmentOf(session(40))
    for (const keep of [fragment.length - 1, fragment.length - 2, fragment.length - 3, Math.floor(fragment.length / 2), SHARE_PREFIX.length + 3]) {
      expect(await messageFor(fragment.slice(0, keep))).toBe('The link is incomplete: its data ends early — copy the whole link.')
    }
    expect(await messageFor(SHARE_PREFIX)).toBe('The link is incomplete: it has no data after "#lab=" — copy the whole link.')
  })

  it('says a damaged or hand-edited link has been changed', async () => {
    const fragment = await fragmentOf(session())
    expect(await messageFor(fragment.slice(0, 30) + '!' + fragment.slice(31))).toMatch(
      /^The link has been changed: "!" at character 26 of its data does not belong in a Stickylab link\./,
    )
    expect(await messageFor(fragment + ')')).toMatch(/"\)" at character \d+ of its data/)
    // Valid base64 that is not deflate data at all.
    expect(await messageFor(SHARE_PREFIX + toBase64Url(new Uint8Array([255, 255, 255, 1, 2, 3])))).toMatch(/^The link is damaged: its data could not be unpacked/)
  })

  it('validates the unpacked replay exactly like a file, naming the link', async () => {
    const pack = async (text: string) => {
      const out = await encodeShareFragment(text)
      if (!out.ok) throw new Error(out.message)
      return out.fragment
    }
    expect(await messageFor(await pack('{"format":"stickylab-replay","version":1,"seed":1,"log":[{"at":0,"call":"explode","args":[]}]}'))).toBe(
      "Entry 1 calls 'explode', which is not a lab action.",
    )
    expect(await messageFor(await pack('{"format":"stickylab-replay","version":3}'))).toMatch(/^This replay was made by a newer Stickylab \(version 3\)/)
    expect(await messageFor(await pack('{"format": "stickylab-re'))).toBe("The link's data is not JSON: unexpected end at character 24 (was it cut short?)")
  })

  it('refuses links longer than Stickylab makes, and data that unpacks to far too much', async () => {
    expect(await messageFor(SHARE_PREFIX + 'A'.repeat(MAX_FRAGMENT_CHARS))).toMatch(/^The link is too long: 16,005 characters/)
    // 20 MB of spaces deflates to about 20 kB; this one stays under the link limit with 8 MB.
    const bomb = await encodeShareFragment(' '.repeat(8 * 1024 * 1024))
    expect(bomb.ok).toBe(true)
    if (bomb.ok) expect(await messageFor(bomb.fragment)).toMatch(/^The link's data is too large to be a Stickylab replay/)
  })

  it('base64url survives every byte value', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i)
    expect(Array.from(fromBase64Url(toBase64Url(bytes)))).toEqual(Array.from(bytes))
  })
})
