// Reading stickiness bindings from the cookies a request carries: AWSALB/AWSALBCORS (lb_cookie),
// AWSALBAPP-0..3 plus the application cookie (app_cookie), and AWSALBTG/AWSALBTGCORS (target-group
// stickiness on a weighted forward action). Each read yields a usable binding or a miss reason.

import type { MissFacts } from '../model/facts'
import type { RegistrationState, StoredCookie, TargetGroupState, World } from '../model/world'
import type { CookieMemo } from '../runtime'
import type { CookiePayload, CookieKindCode } from './cookieCodec'
import { CookieKind, decodeCookieValueInto } from './cookieCodec'
import { availability, isRoutableIgnoringHealth } from './routing'
import { sealedPart } from './appCookieSize'

export const AWSALB = 'AWSALB'
export const AWSALBCORS = 'AWSALBCORS'
export const AWSALBTG = 'AWSALBTG'
export const AWSALBTGCORS = 'AWSALBTGCORS'
export const AWSALBAPP_SHARDS = [
  'AWSALBAPP-0',
  'AWSALBAPP-1',
  'AWSALBAPP-2',
  'AWSALBAPP-3',
] as const
/** Value the ALB writes into unused AWSALBAPP shards (observed, reference §4.9). */
export const REMOVE_MARKER = '_remove_'

/** First cookie with this name among those sent (the ALB reads the first occurrence). */
export function findSent(sent: StoredCookie[], name: string): StoredCookie | null {
  for (let i = 0; i < sent.length; i++) if (sent[i]!.name === name) return sent[i]!
  return null
}

export type TargetBinding =
  | {
      hit: true
      reg: RegistrationState
      cookieName: string
      payload: CookiePayload
      /** The bound target is not healthy but the group is failing open, so the binding is honoured. */
      viaFailOpen: boolean
    }
  | {
      hit: false
      miss: MissFacts['code']
      cookieName: string | null
      /** Present when the cookie decoded: what it named (for explanations). */
      payload: CookiePayload | null
      reg: RegistrationState | null
    }

// Decode targets reused across requests (the request path reads them before the next decode).
// Misses (which reach explanations) carry a copy; hits expose the scratch object, which is only
// read within the same request.
const targetScratch: CookiePayload = {
  kind: CookieKind.lb,
  targetGroupSerial: 0,
  targetSerial: 0,
  issuedAtMs: 0,
  durationSeconds: 0,
}
const groupScratch: CookiePayload = {
  kind: CookieKind.targetGroup,
  targetGroupSerial: 0,
  targetSerial: 0,
  issuedAtMs: 0,
  durationSeconds: 0,
}

function decodeTarget(secret: number, value: string, memo: CookieMemo): CookiePayload | null {
  if (value === memo.targetValue) return memo.targetPayload
  return decodeCookieValueInto(secret, value, targetScratch) ? targetScratch : null
}

type Hit = Extract<TargetBinding, { hit: true }>

// One reusable hit result: the request path reads it immediately and never keeps it.
const HIT: Hit = {
  hit: true,
  reg: null as unknown as RegistrationState,
  cookieName: '',
  payload: targetScratch,
  viaFailOpen: false,
}

function hitBinding(
  reg: RegistrationState,
  cookieName: string,
  payload: CookiePayload,
  viaFailOpen: boolean,
): Hit {
  HIT.reg = reg
  HIT.cookieName = cookieName
  HIT.payload = payload
  HIT.viaFailOpen = viaFailOpen
  return HIT
}

const NO_COOKIE: TargetBinding = {
  hit: false,
  miss: 'sticky-miss-no-cookie',
  cookieName: null,
  payload: null,
  reg: null,
}

/** Checks a decoded target binding against the group and the CURRENT duration setting. */
function evaluate(
  world: World,
  tg: TargetGroupState,
  cookieName: string,
  payload: CookiePayload | null,
  kind: CookieKindCode,
  durationSeconds: number,
): TargetBinding {
  if (payload === null || payload.kind !== kind) {
    return { hit: false, miss: 'sticky-miss-invalid', cookieName, payload: null, reg: null }
  }
  const instanceId = world.instanceBySerial[payload.targetSerial]
  let reg: RegistrationState | null = null
  if (payload.targetGroupSerial === tg.serial && instanceId !== undefined) {
    const regs = tg.targets
    for (let i = 0; i < regs.length; i++) {
      if (regs[i]!.id === instanceId) {
        reg = regs[i]!
        break
      }
    }
  }
  if (reg === null)
    return {
      hit: false,
      miss: 'sticky-miss-foreign-target',
      cookieName,
      payload: { ...payload },
      reg: null,
    }
  // Idle window: the binding lapses once MORE than the duration has passed since the last response.
  if (world.nowMs - payload.issuedAtMs > durationSeconds * 1000) {
    return { hit: false, miss: 'sticky-miss-expired', cookieName, payload: { ...payload }, reg }
  }
  if (reg.deregistered)
    return {
      hit: false,
      miss: 'sticky-miss-deregistered',
      cookieName,
      payload: { ...payload },
      reg,
    }
  if (reg.state === 'healthy') return hitBinding(reg, cookieName, payload, false)
  // Fail-open convention (reference §17.6): when the group fails open every registered target is
  // treated as routable, so a valid binding to one of them is still honoured.
  if (isRoutableIgnoringHealth(reg) && availability(world, tg, null).failOpen) {
    return hitBinding(reg, cookieName, payload, true)
  }
  return { hit: false, miss: 'sticky-miss-unhealthy', cookieName, payload: { ...payload }, reg }
}

/**
 * lb_cookie: AWSALB decides whenever the request carries it (valid or not); AWSALBCORS, which
 * holds the same binding, is used only when AWSALB is absent — as on a cross-site request, where
 * the browser withholds the Lax-by-default AWSALB. (Reference §17.2: simulator convention.)
 */
export function readLbBinding(
  world: World,
  tg: TargetGroupState,
  sent: StoredCookie[],
  memo: CookieMemo,
): TargetBinding {
  const main = findSent(sent, AWSALB)
  const cookie = main ?? findSent(sent, AWSALBCORS)
  if (cookie === null) return NO_COOKIE
  return evaluate(
    world,
    tg,
    cookie.name,
    decodeTarget(world.secret, cookie.value, memo),
    CookieKind.lb,
    tg.parsed.lbCookieDurationSeconds,
  )
}

/** Joins AWSALBAPP-0..3 in order, stopping at the first missing or "_remove_" shard. */
export function joinAppShards(sent: StoredCookie[]): string | null {
  let value: string | null = null
  for (const name of AWSALBAPP_SHARDS) {
    const c = findSent(sent, name)
    if (c === null || c.value === REMOVE_MARKER) break
    value = (value ?? '') + c.value
  }
  return value
}

/**
 * app_cookie: the binding lives in AWSALBAPP-n and is only usable when the request ALSO carries
 * the application cookie named in stickiness.app_cookie.cookie_name (reference §4.5).
 */
export function readAppBinding(
  world: World,
  tg: TargetGroupState,
  sent: StoredCookie[],
  memo: CookieMemo,
): TargetBinding {
  const joined = joinAppShards(sent)
  if (joined === null) return NO_COOKIE
  const b = evaluate(
    world,
    tg,
    AWSALBAPP_SHARDS[0],
    decodeTarget(world.secret, sealedPart(joined), memo),
    CookieKind.app,
    tg.parsed.appCookieDurationSeconds,
  )
  if (b.hit && findSent(sent, tg.parsed.appCookieName) === null) {
    return {
      hit: false,
      miss: 'sticky-miss-no-app-cookie',
      cookieName: b.cookieName,
      payload: { ...b.payload },
      reg: b.reg,
    }
  }
  return b
}

export type GroupBinding =
  | { hit: true; targetGroup: string; cookieName: string; payload: CookiePayload }
  | {
      hit: false
      miss:
        | 'group-sticky-miss-no-cookie'
        | 'group-sticky-miss-invalid'
        | 'group-sticky-miss-foreign'
        | 'group-sticky-miss-expired'
      cookieName: string | null
      targetGroup: string | null
    }

function evaluateGroup(
  world: World,
  cookieName: string,
  value: string,
  memo: CookieMemo,
): GroupBinding {
  const payload =
    value === memo.groupValue
      ? memo.groupPayload
      : decodeCookieValueInto(world.secret, value, groupScratch)
        ? groupScratch
        : null
  if (payload === null || payload.kind !== CookieKind.targetGroup) {
    return { hit: false, miss: 'group-sticky-miss-invalid', cookieName, targetGroup: null }
  }
  const fwd = world.listener.forward
  const name = world.targetGroupBySerial[payload.targetGroupSerial]
  // A group that is still in the action keeps its clients even at weight 0 (reference §17.7).
  if (name === undefined || !fwd.targetGroups.some((g) => g.name === name)) {
    return { hit: false, miss: 'group-sticky-miss-foreign', cookieName, targetGroup: name ?? null }
  }
  if (world.nowMs - payload.issuedAtMs > fwd.stickiness.durationSeconds * 1000) {
    return { hit: false, miss: 'group-sticky-miss-expired', cookieName, targetGroup: name }
  }
  return { hit: true, targetGroup: name, cookieName, payload }
}

/** Target-group stickiness: AWSALBTG decides when present, else AWSALBTGCORS (same rule as AWSALB). */
export function readGroupBinding(
  world: World,
  sent: StoredCookie[],
  memo: CookieMemo,
): GroupBinding {
  const cookie = findSent(sent, AWSALBTG) ?? findSent(sent, AWSALBTGCORS)
  if (cookie === null)
    return { hit: false, miss: 'group-sticky-miss-no-cookie', cookieName: null, targetGroup: null }
  return evaluateGroup(world, cookie.name, cookie.value, memo)
}
