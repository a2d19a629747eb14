// The ALB request path's parts (pipeline/albStrategy.ts runs them in order): choosing the target group, the stickiness mode and
// its duration, issuing the load balancer's cookies, and the facts a decision records.

import type { BrowserContext } from '../cookieJar'
import { noCookieReason } from '../cookieJar'
import type { ClientSlot, CookieMemo, HitFacts, Runtime } from '../runtime'
import type { TargetGroupDecision } from '../model/decisions'
import type { AlbFacts, AlbRoute, AlbTail, AlbWhy, GroupFacts, MissFacts } from '../model/facts'
import type { TargetId } from '../model/ids'
import type { ClientState, StoredCookie, TargetGroupState, World } from '../model/world'
import { nextRandom } from '../rng'
import type { CookieKindCode } from './cookieCodec'
import { encodeCookieValue } from './cookieCodec'
import type { TargetBinding } from './stickiness'
import { readGroupBinding } from './stickiness'
import { dictGet } from '../dict'

/** How target stickiness applies in the chosen group. */
export type StickyMode = 'off' | 'lb' | 'app' | 'app-ignored'

export interface GroupChoice {
  tg: TargetGroupState | null
  decision: TargetGroupDecision
  cookieName: string | null
}

/** Chooses the target group: AWSALBTG when target-group stickiness is on, else by weight. */
export function chooseTargetGroup(
  world: World,
  sent: StoredCookie[],
  memo: CookieMemo,
): GroupChoice {
  const fwd = world.listener.forward
  const groups = fwd.targetGroups
  let decision: TargetGroupDecision = groups.length === 1 ? 'single' : 'weighted'
  let cookieName: string | null = null
  if (fwd.stickiness.enabled) {
    const b = readGroupBinding(world, sent, memo)
    if (b.hit)
      return {
        tg: dictGet(world.targetGroups, b.targetGroup) ?? null,
        decision: 'group-sticky-hit',
        cookieName: b.cookieName,
      }
    decision = b.miss
    cookieName = b.cookieName
  }
  if (groups.length === 1)
    return { tg: dictGet(world.targetGroups, groups[0]!.name) ?? null, decision, cookieName }
  let total = 0
  for (const g of groups) total += g.weight
  if (total === 0) return { tg: null, decision: 'none', cookieName }
  const [f, next] = nextRandom(world.rng)
  world.rng = next
  let x = f * total
  let last: string | null = null
  for (const g of groups) {
    if (g.weight === 0) continue
    last = g.name
    if (x < g.weight)
      return { tg: dictGet(world.targetGroups, g.name) ?? null, decision, cookieName }
    x -= g.weight
  }
  // Floating-point edge (x == total): the last group with weight.
  return {
    tg: last === null ? null : (dictGet(world.targetGroups, last) ?? null),
    decision,
    cookieName,
  }
}

export function stickyModeOf(world: World, tg: TargetGroupState): StickyMode {
  const p = tg.parsed
  if (!p.stickinessEnabled) return 'off'
  if (p.stickinessType === 'app_cookie')
    return world.listener.forward.targetGroups.length > 1 ? 'app-ignored' : 'app'
  return 'lb'
}

export function durationSeconds(tg: TargetGroupState, mode: StickyMode): number {
  return mode === 'app' ? tg.parsed.appCookieDurationSeconds : tg.parsed.lbCookieDurationSeconds
}

/** The target-group half's facts (the weights are copied: the listener may change later). */
export function groupFacts(
  world: World,
  decision: GroupFacts['decision'],
  group: string | null,
  cookieName: string | null,
): GroupFacts {
  const fwd = world.listener.forward
  return {
    decision,
    group,
    weights: fwd.targetGroups.map((g) => ({ name: g.name, weight: g.weight })),
    cookieName,
    durationSeconds: fwd.stickiness.durationSeconds,
  }
}

/** What the unusable stickiness cookie said, as facts. */
export function missFacts(
  world: World,
  tg: TargetGroupState,
  b: TargetBinding & { hit: false },
  cookieLabel: string,
  client: ClientState,
  ctx: BrowserContext,
): MissFacts {
  const named = b.payload !== null ? (world.instanceBySerial[b.payload.targetSerial] ?? null) : ''
  const cookie = b.cookieName ?? cookieLabel
  switch (b.miss) {
    case 'sticky-miss-no-cookie':
      return { code: b.miss, cookie: cookieLabel, reason: noCookieReason(client, ctx, cookieLabel) }
    case 'sticky-miss-invalid':
      return { code: b.miss, cookie }
    case 'sticky-miss-foreign-target':
      return b.payload !== null && b.payload.targetGroupSerial !== tg.serial
        ? {
            code: b.miss,
            cookie,
            named,
            foreignGroup: world.targetGroupBySerial[b.payload.targetGroupSerial] ?? null,
          }
        : { code: b.miss, cookie, named }
    case 'sticky-miss-expired':
      return {
        code: b.miss,
        cookie,
        idleSeconds: (world.nowMs - b.payload!.issuedAtMs) / 1000,
        durationSeconds: durationSeconds(
          tg,
          tg.parsed.stickinessType === 'app_cookie' ? 'app' : 'lb',
        ),
      }
    case 'sticky-miss-deregistered':
      return { code: b.miss, cookie, named, state: b.reg?.state ?? null }
    case 'sticky-miss-unhealthy':
      return {
        code: b.miss,
        cookie,
        named,
        state: b.reg?.state ?? null,
        invalidState: b.reg?.reason === 'Target.InvalidState',
      }
    case 'sticky-miss-no-app-cookie':
      return { code: b.miss, cookie, named, appCookie: tg.parsed.appCookieName }
  }
}

/** Seals a new stickiness value and remembers it (with its payload) for the client's next request. */
export function issue(
  world: World,
  memo: CookieMemo,
  slot: 'target' | 'group',
  kind: CookieKindCode,
  groupSerial: number,
  targetSerial: number,
  issuedAtMs: number,
  durationSeconds: number,
): string {
  const p =
    slot === 'target'
      ? memo.targetPayload
      : (memo.groupPayload ??= {
          kind,
          targetGroupSerial: 0,
          targetSerial: 0,
          issuedAtMs: 0,
          durationSeconds: 0,
        })
  p.kind = kind
  p.targetGroupSerial = groupSerial
  p.targetSerial = targetSerial
  p.issuedAtMs = issuedAtMs
  p.durationSeconds = durationSeconds
  const value = encodeCookieValue(world.secret, ++world.counters.cookie, p)
  if (slot === 'target') memo.targetValue = value
  else memo.groupValue = value
  return value
}

export const NO_TAIL: AlbTail = { kind: 'none' }
export const LB_SETS: AlbTail = { kind: 'lb-sets' }
export const LB_REWRITES: AlbTail = { kind: 'lb-rewrites' }
export const APP_NO_COOKIE: AlbTail = { kind: 'app-no-cookie' }
export const NO_GROUP: AlbRoute = { kind: 'no-group' }
export const STICKINESS_OFF: AlbWhy = { code: 'stickiness-off' }
export const APP_IGNORED: AlbWhy = { code: 'app-cookie-ignored-weighted' }

/** A plain sticky hit's facts and text for a target, cached per target until the cookie name or duration changes. */
export function hitFacts(
  rt: Runtime,
  slot: ClientSlot,
  cookieName: string,
  id: TargetId,
  seconds: number,
  appCookieName: string,
): HitFacts {
  // The client's last hit first (no lookup), then the per-target cache.
  let cached = slot.hit
  if (cached === null || cached.targetId !== id) cached = rt.hitFacts.get(id) ?? null
  if (
    cached !== null &&
    cached.cookieName === cookieName &&
    cached.durationSeconds === seconds &&
    cached.appCookieName === appCookieName
  ) {
    slot.hit = cached
    return cached
  }
  const facts: AlbFacts = {
    family: 'alb',
    route: {
      kind: 'hit',
      cookie: cookieName,
      targetId: id,
      durationSeconds: seconds,
      appCookie: appCookieName,
    },
    tail: NO_TAIL,
  }
  const entry: HitFacts = {
    targetId: id,
    cookieName,
    durationSeconds: seconds,
    appCookieName,
    facts,
    explanation: rt.explain.request(facts),
  }
  slot.hit = entry
  rt.hitFacts.set(id, entry)
  return entry
}
