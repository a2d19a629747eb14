// Share links: the replay JSON, deflated (deflate-raw) and base64url-encoded into the URL fragment
// "#lab=…", so a link carries a whole lab without a server. Decoding explains a truncated, damaged or
// hand-edited link in plain words, then validates the replay exactly as a file is validated.
import { MAX_REPLAY_CHARS, parseReplay, type ReplayParse } from './replayFile'
import { isShareHash, SHARE_PREFIX } from './shareHash'

export { isShareHash, SHARE_PREFIX }

/** Longest fragment we make or read (16,000 characters): well inside what browsers, chat apps and e-mail keep intact. */
export const MAX_FRAGMENT_CHARS = 16_000

export type ShareEncode =
  | { ok: true; fragment: string }
  | { ok: false; tooLong: true; length: number; message: string }


/** "#lab=<base64url(deflate-raw(replayText))>", or a "too long for a link" answer with the length it would have. */
export async function encodeShareFragment(replayText: string): Promise<ShareEncode> {
  const packed = await deflateRaw(new TextEncoder().encode(replayText))
  const fragment = SHARE_PREFIX + toBase64Url(packed)
  if (fragment.length > MAX_FRAGMENT_CHARS) {
    return {
      ok: false,
      tooLong: true,
      length: fragment.length,
      message: `This lab is too long for a link: it needs ${fragment.length.toLocaleString('en-US')} characters, and a link may carry ${MAX_FRAGMENT_CHARS.toLocaleString('en-US')}. Use "Export replay" to save it as a file instead.`,
    }
  }
  return { ok: true, fragment }
}

/** The page address with the fragment: query strings (a lesson deep link) are dropped so the link opens only the lab. */
export function shareUrl(location: { origin: string; pathname: string }, fragment: string): string {
  return `${location.origin}${location.pathname}${fragment}`
}

/** Reads a "#lab=…" fragment back into a validated replay. Never throws. */
export async function decodeShareFragment(hash: string): Promise<ReplayParse> {
  if (!isShareHash(hash)) return { ok: false, message: 'This link does not carry a Stickylab lab (it has no "#lab=" part).' }
  if (hash.length > MAX_FRAGMENT_CHARS) {
    return {
      ok: false,
      message: `The link is too long: ${hash.length.toLocaleString('en-US')} characters after "#", and Stickylab makes links of at most ${MAX_FRAGMENT_CHARS.toLocaleString('en-US')}. Was something pasted onto its end?`,
    }
  }
  // Some chat apps and mail clients percent-encode or append characters; decode what can be decoded.
  let data = hash.slice(SHARE_PREFIX.length)
  try {
    data = decodeURIComponent(data)
  } catch {
    // A stray "%" is reported below as a character that does not belong.
  }
  data = data.replace(/=+$/, '') // tolerate standard base64 padding
  if (data === '') return { ok: false, message: 'The link is incomplete: it has no data after "#lab=" — copy the whole link.' }
  const bad = /[^A-Za-z0-9_-]/.exec(data)
  if (bad !== null) {
    const shown = /\s/.test(bad[0]) ? 'a space' : `"${bad[0]}"`
    return {
      ok: false,
      message: `The link has been changed: ${shown} at character ${bad.index + 1} of its data does not belong in a Stickylab link. Copy the link again exactly as it was shared.`,
    }
  }
  // Four base64 characters encode three bytes; a remainder of one character can only come from a cut.
  if (data.length % 4 === 1) return { ok: false, message: TRUNCATED }
  const bytes = fromBase64Url(data)
  const inflated = await inflateRaw(bytes, MAX_REPLAY_CHARS * 4)
  if (!inflated.ok) return { ok: false, message: inflated.message }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes)
  } catch {
    return { ok: false, message: DAMAGED }
  }
  return parseReplay(text, 'link')
}

const TRUNCATED = 'The link is incomplete: its data ends early — copy the whole link.'
const DAMAGED =
  'The link is damaged: its data could not be unpacked (a character was probably changed or lost). Copy the link again exactly as it was shared.'

// ---------------------------------------------------------------------------------------------------------
// Compression (CompressionStream: Chromium, Firefox, Safari and Node 20 all support deflate-raw)

async function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate-raw'))
  return new Uint8Array(await new Response(stream).arrayBuffer())
}

/**
 * Inflates with a ceiling on the output, so a tiny hostile link cannot expand into gigabytes (a "zip bomb").
 * Truncation is told apart from damage by the engine's message: Chromium says "Compressed input was
 * truncated", Node "unexpected end of file".
 */
async function inflateRaw(bytes: Uint8Array, maxBytes: number): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; message: string }> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader()
  const parts: Uint8Array[] = []
  let total = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      total += value.byteLength
      if (total > maxBytes) {
        await reader.cancel()
        return { ok: false, message: `The link unpacks to more than ${Math.round(maxBytes / (1024 * 1024))} MB, far more than any Stickylab lab: it was not made by Stickylab.` }
      }
      parts.push(value)
    }
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error)
    return { ok: false, message: /truncat|unexpected end|end of (file|stream|data)/i.test(text) ? TRUNCATED : DAMAGED }
  }
  const out = new Uint8Array(total)
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.byteLength
  }
  return { ok: true, bytes: out }
}

// ---------------------------------------------------------------------------------------------------------
// base64url (RFC 4648 §5, no padding)

export function toBase64Url(bytes: Uint8Array): string {
  let binary = ''
  // Chunks keep String.fromCharCode's argument list short.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

export function fromBase64Url(text: string): Uint8Array {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/')
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4))
  const out = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i)
  return out
}
