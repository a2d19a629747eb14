// Seeded pseudo-random numbers for the simulator: a mulberry32 generator whose whole state is one
// uint32 kept inside the world, plus small integer hash helpers used for ids and cookie sealing.
// Pure functions only: the caller stores the returned state back into the world.

/** Turns any numeric seed into a valid generator state (uint32). */
export function seedToState(seed: number): number {
  // Fold fractional or huge seeds deterministically into 32 bits.
  const whole = Math.trunc(seed) >>> 0
  return hash32(whole ^ 0x2545f491, 0x9e3779b9)
}

/** One mulberry32 step: returns a float in [0, 1) and the next state. */
export function nextRandom(state: number): [value: number, nextState: number] {
  const next = (state + 0x6d2b79f5) >>> 0
  let t = next
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  const value = ((t ^ (t >>> 14)) >>> 0) / 4294967296
  return [value, next]
}

/** Integer in [0, n) from the generator; returns the next state too. */
export function nextIntBelow(state: number, n: number): [value: number, nextState: number] {
  const [f, s] = nextRandom(state)
  return [Math.floor(f * n), s]
}

/** A 32-bit avalanche hash of two words (murmur3-style finaliser). Not cryptographic. */
export function hash32(a: number, b: number): number {
  let h = Math.imul(a ^ 0x85ebca6b, 0xcc9e2d51) ^ b
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/** The per-lab secret that seals simulated load-balancer cookies; derived from the seed. */
export function deriveSecret(seed: number): number {
  return hash32(Math.trunc(seed) >>> 0, 0x5f3759df) ^ 0xa5a5a5a5
}
