// Encodes and decodes the simulated load-balancer cookie values (AWSALB, AWSALBAPP-n, AWSALBTG and
// the Classic Load Balancer's AWSELB).
// Real AWS encrypts these with a rotating key; the simulator seals them with a keyed 32-bit
// checksum and a keystream derived from a per-lab secret, enough to make edits detectable and
// values opaque and different on every response. It is a teaching model, not cryptography.
//
// Layout: six 32-bit words [nonce, meta, target, issuedLo, duration, checksum] (24 bytes → 32
// base64 chars) followed by one format byte (→ 2 chars + "=="). meta = kind(4) | group(12) |
// issuedHi(16), so issue times up to 2^48 ms fit. Words 1-4 are XORed with the keystream.

import { hash32 } from '../rng'

export const CookieKind = { lb: 1, app: 2, targetGroup: 3, elb: 4 } as const
export type CookieKindCode = (typeof CookieKind)[keyof typeof CookieKind]

/** What a sealed cookie carries. */
export interface CookiePayload {
  kind: CookieKindCode
  /** Target group serial (0-4095). */
  targetGroupSerial: number
  /** Instance serial, or NO_TARGET for target-group cookies. */
  targetSerial: number
  /** Virtual ms of the response that issued it (the start of the idle window). */
  issuedAtMs: number
  /** The stickiness duration configured when it was issued (informational; routing uses the current one). */
  durationSeconds: number
}

export const NO_TARGET = 0xffffffff
/** Format byte; a value with any other last byte is rejected. */
const FORMAT_VERSION = 0xa1
/** Largest target group serial the value can carry. */
export const MAX_GROUP_SERIAL = 0xfff
/** 36 base64 characters ending in "==" (so percent-encoding always changes the value). */
export const ENCODED_LENGTH = 36

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const CODES: number[] = []
for (let i = 0; i < 64; i++) CODES.push(ALPHABET.charCodeAt(i))
const DECODE = new Int16Array(128).fill(-1)
for (let i = 0; i < 64; i++) DECODE[ALPHABET.charCodeAt(i)] = i

const PAD = 61 // '='
const FORMAT_HI = CODES[FORMAT_VERSION >>> 2]!
const FORMAT_LO = CODES[(FORMAT_VERSION & 3) << 4]!

/** One multiply-xorshift round: the checksum chains it over the words. */
function mix(h: number, w: number): number {
  h = Math.imul(h ^ w, 0x9e3779b1)
  return h ^ (h >>> 15)
}

function checksum(
  secret: number,
  w0: number,
  w1: number,
  w2: number,
  w3: number,
  w4: number,
): number {
  return hash32(mix(mix(mix(mix(mix(secret, w0), w1), w2), w3), w4), secret)
}

/** Seals a payload into an opaque value. `nonceCounter` must differ per response (a counter is fine). */
export function encodeCookieValue(secret: number, nonceCounter: number, p: CookiePayload): string {
  const nonce = hash32(nonceCounter, secret)
  const issuedHi = Math.floor(p.issuedAtMs / 4294967296)
  const meta =
    ((p.kind << 28) | ((p.targetGroupSerial & MAX_GROUP_SERIAL) << 16) | (issuedHi & 0xffff)) >>> 0
  const target = p.targetSerial >>> 0
  const issuedLo = p.issuedAtMs >>> 0
  const duration = p.durationSeconds >>> 0
  const sum = checksum(secret, nonce, meta, target, issuedLo, duration)
  // Keystream: one hash per value, then a distinct odd multiplier per word.
  const k = hash32(secret ^ nonce, 0x68e31da4)
  const a = nonce
  const b = (meta ^ Math.imul(k, 0x2545f491)) >>> 0
  const c = (target ^ Math.imul(k, 0x9e3779b9)) >>> 0
  const d = (issuedLo ^ Math.imul(k, 0x85ebca6b)) >>> 0
  const e = (duration ^ Math.imul(k, 0xc2b2ae35)) >>> 0
  const f = sum >>> 0
  // Words a..f → eight 24-bit groups (every 3 words make 4 groups) → 32 base64 characters.
  const g0 = a >>> 8
  const g1 = ((a & 0xff) << 16) | (b >>> 16)
  const g2 = ((b & 0xffff) << 8) | (c >>> 24)
  const g3 = c & 0xffffff
  const g4 = d >>> 8
  const g5 = ((d & 0xff) << 16) | (e >>> 16)
  const g6 = ((e & 0xffff) << 8) | (f >>> 24)
  const g7 = f & 0xffffff
  const t = CODES
  // One call with every character as an argument: no scratch array, no varargs call.
  // prettier-ignore
  return String.fromCharCode(
    t[g0 >>> 18]!, t[(g0 >>> 12) & 63]!, t[(g0 >>> 6) & 63]!, t[g0 & 63]!,
    t[g1 >>> 18]!, t[(g1 >>> 12) & 63]!, t[(g1 >>> 6) & 63]!, t[g1 & 63]!,
    t[g2 >>> 18]!, t[(g2 >>> 12) & 63]!, t[(g2 >>> 6) & 63]!, t[g2 & 63]!,
    t[g3 >>> 18]!, t[(g3 >>> 12) & 63]!, t[(g3 >>> 6) & 63]!, t[g3 & 63]!,
    t[g4 >>> 18]!, t[(g4 >>> 12) & 63]!, t[(g4 >>> 6) & 63]!, t[g4 & 63]!,
    t[g5 >>> 18]!, t[(g5 >>> 12) & 63]!, t[(g5 >>> 6) & 63]!, t[g5 & 63]!,
    t[g6 >>> 18]!, t[(g6 >>> 12) & 63]!, t[(g6 >>> 6) & 63]!, t[g6 & 63]!,
    t[g7 >>> 18]!, t[(g7 >>> 12) & 63]!, t[(g7 >>> 6) & 63]!, t[g7 & 63]!,
    FORMAT_HI, FORMAT_LO, PAD, PAD,
  )
}

function sextet(s: string, i: number): number {
  const ch = s.charCodeAt(i)
  return ch < 128 ? DECODE[ch]! : -1
}

/** Reads 4 base64 characters at position i as a 24-bit group, or -1 if any is not base64. */
function group(s: string, i: number): number {
  const a = sextet(s, i)
  const b = sextet(s, i + 1)
  const c = sextet(s, i + 2)
  const d = sextet(s, i + 3)
  if ((a | b | c | d) < 0) return -1
  return (a << 18) | (b << 12) | (c << 6) | d
}

/** Opens a sealed value; null if it is malformed, altered, or sealed with another secret. */
export function decodeCookieValue(secret: number, value: string): CookiePayload | null {
  const out: CookiePayload = {
    kind: CookieKind.lb,
    targetGroupSerial: 0,
    targetSerial: 0,
    issuedAtMs: 0,
    durationSeconds: 0,
  }
  return decodeCookieValueInto(secret, value, out) ? out : null
}

/** Allocation-free variant for the request path: fills `out` and returns whether the value is valid. */
export function decodeCookieValueInto(secret: number, value: string, out: CookiePayload): boolean {
  if (
    value.length !== ENCODED_LENGTH ||
    value.charCodeAt(34) !== 61 ||
    value.charCodeAt(35) !== 61 ||
    value.charCodeAt(32) !== FORMAT_HI ||
    value.charCodeAt(33) !== FORMAT_LO
  ) {
    return false
  }
  const g0 = group(value, 0)
  const g1 = group(value, 4)
  const g2 = group(value, 8)
  const g3 = group(value, 12)
  const g4 = group(value, 16)
  const g5 = group(value, 20)
  const g6 = group(value, 24)
  const g7 = group(value, 28)
  if ((g0 | g1 | g2 | g3 | g4 | g5 | g6 | g7) < 0) return false
  const nonce = ((g0 << 8) | (g1 >>> 16)) >>> 0
  const k = hash32(secret ^ nonce, 0x68e31da4)
  const meta = ((((g1 & 0xffff) << 16) | (g2 >>> 8)) ^ Math.imul(k, 0x2545f491)) >>> 0
  const target = ((((g2 & 0xff) << 24) | g3) ^ Math.imul(k, 0x9e3779b9)) >>> 0
  const issuedLo = (((g4 << 8) | (g5 >>> 16)) ^ Math.imul(k, 0x85ebca6b)) >>> 0
  const duration = ((((g5 & 0xffff) << 16) | (g6 >>> 8)) ^ Math.imul(k, 0xc2b2ae35)) >>> 0
  const sum = (((g6 & 0xff) << 24) | g7) >>> 0
  if (sum !== checksum(secret, nonce, meta, target, issuedLo, duration)) return false
  const kind = meta >>> 28
  if (kind < CookieKind.lb || kind > CookieKind.elb) return false
  out.kind = kind as CookieKindCode
  out.targetGroupSerial = (meta >>> 16) & MAX_GROUP_SERIAL
  out.targetSerial = target
  out.issuedAtMs = (meta & 0xffff) * 4294967296 + issuedLo
  out.durationSeconds = duration
  return true
}
