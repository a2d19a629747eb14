// Load test: many simulated browsers hit a copy of the lab's world for some virtual minutes, and only counts
// are kept (per target, sticky or not, 5xx). It runs the same request path as lab.request() (routing,
// stickiness, cookies, health, in-flight) in its count-only form: nothing goes into the call log or the
// request history, so a million requests need no more memory than a thousand. Every type of load balancer goes
// through the same pipeline as lab.request() (pipeline/servePipeline.ts), with a sink that only counts.
//
// Simulator conventions (docs/model.md): clients are named load-1 … load-N and are new browsers with cookies
// on; each has a fixed activity weight drawn once from a Pareto distribution (α = 1.5, capped at 50× the
// lightest), so a few heavy users send many more requests than most, as on real sites; each request is sent
// by a client picked at random in proportion to those weights; requests are spread evenly over each virtual
// second in ticks of 100 ms (the clock advances, health checks run and in-flight requests finish between ticks).

import type { Explainer } from './model/facts'
import type { TargetId } from './model/ids'
import type { World } from './model/world'
import { getClientSlot } from './rules/clients'
import { advanceWorld } from './rules/timeline'
import type { Exchange } from './pipeline/exchange'
import { normalizeRequest } from './pipeline/normalizeRequest'
import type { RequestSink } from './pipeline/requestSink'
import { serveRequest } from './pipeline/servePipeline'
import { hash32, nextRandom } from './rng'
import { buildRuntime, type ClientSlot, type Runtime } from './runtime'
import { WORLD_FORMAT, WORLD_VERSION } from './createWorld'
import { needFamiliesFor } from './familySlot'

export const LOAD_TEST_LIMITS = {
  clients: { min: 1, max: 100_000 },
  minutes: { min: 1, max: 1_440 },
  requestsPerSecond: { min: 1, max: 10_000 },
  /** Most requests in one run (clients × … are bounded separately): 20 million keeps a run under a minute. */
  maxRequests: 20_000_000,
} as const

/** Virtual milliseconds between two batches of requests. */
export const LOAD_TICK_MS = 100

/** The load test only counts outcomes and keeps no records, so its requests need no words. */
const UNWORDED: Explainer = { request: () => '', webSocket: () => '' }

export interface LoadTestOptions {
  clients: number
  minutes: number
  requestsPerSecond: number
}

export interface LoadTargetCount {
  targetId: TargetId
  requests: number
  sticky: number
}

export interface LoadTestResult {
  /** Requests sent (every one, answered or not). */
  requests: number
  /** Requests kept on their target by a stickiness binding. */
  sticky: number
  /** Requests a target was picked for without a binding (first visits, misses, stickiness off). */
  nonSticky: number
  /** 502 and 503 answers from the load balancer. */
  errors5xx: number
  /** Per target, in the order targets were first seen (then by id): requests it served (any status). */
  targets: LoadTargetCount[]
  /** Virtual seconds simulated so far. */
  seconds: number
  /** Whether every requested virtual second was simulated. */
  done: boolean
}

/** Why these options cannot run (a sentence naming the field), or null. */
export function loadTestProblem(options: LoadTestOptions): string | null {
  const check = (
    value: number,
    name: string,
    limits: { min: number; max: number },
  ): string | null =>
    !Number.isInteger(value) || value < limits.min || value > limits.max
      ? `${name} must be a whole number from ${limits.min.toLocaleString('en-US')} to ${limits.max.toLocaleString('en-US')}.`
      : null
  const bad =
    check(options.clients, 'Clients', LOAD_TEST_LIMITS.clients) ??
    check(options.minutes, 'Minutes (virtual)', LOAD_TEST_LIMITS.minutes) ??
    check(options.requestsPerSecond, 'Requests per second', LOAD_TEST_LIMITS.requestsPerSecond)
  if (bad !== null) return bad
  const total = totalRequests(options)
  if (total > LOAD_TEST_LIMITS.maxRequests)
    return `That is ${total.toLocaleString('en-US')} requests; a load test may send at most ${LOAD_TEST_LIMITS.maxRequests.toLocaleString('en-US')}. Lower the minutes or the requests per second.`
  return null
}

export function totalRequests(options: LoadTestOptions): number {
  return options.minutes * 60 * options.requestsPerSecond
}

/** A load test in progress: call `run` repeatedly (each call simulates a slice) until `result().done`. */
export interface LoadRun {
  /** Simulates up to `maxRequests` more requests (whole ticks); returns the result so far. */
  run(maxRequests: number): LoadTestResult
  result(): LoadTestResult
  /** Total requests the whole run sends. */
  readonly total: number
}

/**
 * Starts a load test on a deep copy of `world` (a lab.snapshot()); the original is never touched. Same world
 * and options give the same counts. Throws a RangeError with loadTestProblem's sentence on bad options.
 */
export function startLoadTest(world: World, options: LoadTestOptions): LoadRun {
  if (
    world === null ||
    typeof world !== 'object' ||
    world.format !== WORLD_FORMAT ||
    world.version !== WORLD_VERSION
  )
    throw new TypeError(`not a ${WORLD_FORMAT} v${WORLD_VERSION} snapshot`)
  const problem = loadTestProblem(options)
  if (problem !== null) throw new RangeError(problem)
  // A Network, Gateway or Classic world's requests need its family (familySlot.ts): refused here, not mid-run.
  needFamiliesFor(world.loadBalancerType)
  const w = JSON.parse(JSON.stringify(world)) as World
  const rt: Runtime = buildRuntime(w, UNWORDED)

  const n = options.clients
  let rng = hash32(Math.trunc(w.seed) >>> 0, 0x10ad7e57)
  const weights = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    const [u, next] = nextRandom(rng)
    rng = next
    // Pareto(α = 1.5, x_m = 1), capped: weight = (1 - u)^(-1/α).
    weights[i] = Math.min(50, Math.pow(1 - u, -1 / 1.5))
  }
  const { accept, alias } = aliasTable(weights)
  const slots: ClientSlot[] = []
  for (let i = 0; i < n; i++) slots.push(getClientSlot(w, rt, `load-${i + 1}`))

  // Every load-test request is a plain request without options; the type cannot change during a run.
  const req = normalizeRequest(w, undefined, 'http')

  const total = totalRequests(options)
  const ticks = options.minutes * 60 * (1000 / LOAD_TICK_MS)
  const perSecond = options.requestsPerSecond
  let tick = 0
  let sent = 0
  let sticky = 0
  let errors = 0
  let answeredNoBinding = 0
  const perTarget = new Map<TargetId, LoadTargetCount>()

  // The count-only sink: no record, no facts, no words, no Cookie header; only these counts.
  const counter: RequestSink<void> = {
    keepsRecords: false,
    take(_world, x: Exchange) {
      if (x.status >= 500) errors++
      if (x.sticky) sticky++
      else if (x.reg !== null) answeredNoBinding++
      if (x.reg === null) return
      const targetId = x.reg.id
      let c = perTarget.get(targetId)
      if (c === undefined) {
        c = { targetId, requests: 0, sticky: 0 }
        perTarget.set(targetId, c)
      }
      c.requests++
      if (x.sticky) c.sticky++
    },
  }

  const result = (): LoadTestResult => ({
    requests: sent,
    sticky,
    nonSticky: answeredNoBinding,
    errors5xx: errors,
    targets: [...perTarget.values()].map((c) => ({ ...c })),
    seconds: (tick * LOAD_TICK_MS) / 1000,
    done: tick >= ticks,
  })

  return {
    total,
    result,
    run(maxRequests) {
      const stopAt = sent + Math.max(1, maxRequests)
      while (tick < ticks && sent < stopAt) {
        // Requests due by the end of this tick (exact integer arithmetic: no drift over long runs).
        const due = Math.floor(((tick + 1) * LOAD_TICK_MS * perSecond) / 1000)
        for (; sent < due; sent++) {
          const [u, next] = nextRandom(rng)
          rng = next
          // One uniform number picks a column (integer part) and accepts it or its alias (fraction).
          const x = u * n
          const col = x | 0
          const slot = slots[x - col < accept[col]! ? col : alias[col]!]!
          serveRequest(w, rt, slot, req, counter)
        }
        tick++
        advanceWorld(w, w.nowMs + LOAD_TICK_MS)
      }
      return result()
    },
  }
}

/**
 * Walker's alias method (Vose's construction): after O(n) set-up, drawing index i with probability
 * weights[i] / Σ weights costs one uniform number, whatever n is.
 */
export function aliasTable(weights: Float64Array): { accept: Float64Array; alias: Int32Array } {
  const n = weights.length
  let sum = 0
  for (let i = 0; i < n; i++) sum += weights[i]!
  const accept = new Float64Array(n)
  const alias = new Int32Array(n)
  const scaled = new Float64Array(n)
  const small: number[] = []
  const large: number[] = []
  for (let i = 0; i < n; i++) {
    scaled[i] = (weights[i]! * n) / sum
    alias[i] = i
    if (scaled[i]! < 1) small.push(i)
    else large.push(i)
  }
  while (small.length > 0 && large.length > 0) {
    const s = small.pop()!
    const l = large[large.length - 1]!
    accept[s] = scaled[s]!
    alias[s] = l
    scaled[l] = scaled[l]! + scaled[s]! - 1
    if (scaled[l]! < 1) {
      large.pop()
      small.push(l)
    }
  }
  // What is left is 1 up to rounding: always accept.
  for (const i of large) accept[i] = 1
  for (const i of small) accept[i] = 1
  return { accept, alias }
}
