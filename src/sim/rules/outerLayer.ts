// The outer ALB layer in front of the lab's ALB: which proxy it routes to, the stickiness cookie it adds to the
// response, and the checks setOuterLayer runs. The outer ALB seals its cookie with its own key, as a second load
// balancer would, so neither layer can read the other's AWSALB. Its Set-Cookie lines are appended after the inner
// ALB's because the response passes the inner ALB first and the outer ALB last; a browser applies a response's
// Set-Cookie lines in order, so with both layers on duration-based stickiness the outer's AWSALB is the one the jar
// keeps (simulator convention for the order, docs/model.md "Layered load balancers").

import type { SetCookieDirective } from '../cookieJar'
import type { OuterFacts } from '../model/facts'
import type {
  OuterLayerOptions,
  OuterLayerState,
  OuterLayerStickiness,
  OuterLayerView,
} from '../model/outerLayer'
import {
  OUTER_APP_COOKIE,
  OUTER_DURATION_SECONDS,
  OUTER_LAYER_STICKINESS,
  OUTER_PROXIES,
} from '../model/outerLayer'
import type { ListenerProtocol, StoredCookie, World } from '../model/world'
import { hash32 } from '../rng'
import type { ExpiresCache } from './albCookies'
import { pushLbCookieDirectives } from './albCookies'
import { CookieKind, decodeCookieValue, encodeCookieValue } from './cookieCodec'
import { fail, type Failure } from './failure'
import { AWSALB } from './stickiness'

/** What the outer layer decided for one request (kept on the exchange until the response). */
export interface OuterPass {
  stickiness: OuterLayerStickiness
  proxy: string
  /** The outer layer followed its own binding. */
  sticky: boolean
  /** Why it could not (null when sticky or stickiness is off). */
  miss: OuterFacts['miss']
  /** The inner ALB set AWSALB in the same response as the outer one (filled when the response is written). */
  collided: boolean
}

/** The outer ALB's own sealing key: a different load balancer, a different key. */
function outerSecret(world: World): number {
  return hash32(world.secret, 0x4f555452)
}

/** What lab.outerLayer() reports: the outer layer in front, or null. */
export function outerLayerView(world: World): OuterLayerView | null {
  const o = world.outerLayer
  return o === undefined ? null : { stickiness: o.stickiness, proxies: [...OUTER_PROXIES] }
}

function cookieNameOf(stickiness: OuterLayerStickiness): string | null {
  if (stickiness === 'lb_cookie') return AWSALB
  if (stickiness === 'app_cookie') return OUTER_APP_COOKIE
  return null
}

/** Routes the request at the outer layer: its binding when it can read one, else round robin over the proxies. */
export function outerRoute(world: World, o: OuterLayerState, sent: StoredCookie[]): OuterPass {
  const name = cookieNameOf(o.stickiness)
  let miss: OuterFacts['miss'] = null
  if (name !== null) {
    const c = sent.find((s) => s.name === name)
    const p = c === undefined ? null : decodeCookieValue(outerSecret(world), c.value)
    if (c === undefined) miss = 'no-cookie'
    else if (p === null || p.targetSerial >= OUTER_PROXIES.length) miss = 'unreadable'
    else if (
      o.stickiness === 'lb_cookie' &&
      world.nowMs - p.issuedAtMs > OUTER_DURATION_SECONDS * 1000
    )
      miss = 'expired'
    else
      return {
        stickiness: o.stickiness,
        proxy: OUTER_PROXIES[p.targetSerial]!,
        sticky: true,
        miss: null,
        collided: false,
      }
  }
  const proxy = OUTER_PROXIES[o.next % OUTER_PROXIES.length]!
  o.next = (o.next + 1) % OUTER_PROXIES.length
  return { stickiness: o.stickiness, proxy, sticky: false, miss, collided: false }
}

/** Appends the outer layer's stickiness cookie after the inner ALB's directives (the later line wins). */
export function outerRespond(
  world: World,
  o: OuterLayerState,
  pass: OuterPass,
  directives: SetCookieDirective[],
  exp: ExpiresCache,
  protocol: ListenerProtocol,
): void {
  if (pass.stickiness === 'off') return
  const lb = pass.stickiness === 'lb_cookie'
  const value = encodeCookieValue(outerSecret(world), ++o.issued, {
    kind: lb ? CookieKind.lb : CookieKind.app,
    targetGroupSerial: 0,
    targetSerial: OUTER_PROXIES.indexOf(pass.proxy as (typeof OUTER_PROXIES)[number]),
    issuedAtMs: world.nowMs,
    durationSeconds: OUTER_DURATION_SECONDS,
  })
  if (lb) {
    pass.collided = directives.some((d) => d.name === AWSALB)
    pushLbCookieDirectives(directives, value, exp, protocol)
    return
  }
  // The proxies' application cookie: a session cookie, as an application typically sets it.
  const pair = OUTER_APP_COOKIE + '=' + value
  directives.push({
    name: OUTER_APP_COOKIE,
    value,
    path: '/',
    expiresAtMs: null,
    secure: false,
    httpOnly: true,
    sameSite: null,
    pair,
    line: pair + '; Path=/; HttpOnly',
  })
}

/** The facts a request records about the outer layer. */
export function outerFacts(pass: OuterPass): OuterFacts {
  return {
    stickiness: pass.stickiness,
    proxy: pass.proxy,
    sticky: pass.sticky,
    miss: pass.miss,
    collided: pass.collided,
  }
}

/** setOuterLayer's options checked: the state to store (null: no outer layer), or why they are refused. */
export function checkOuterLayerOptions(
  options: OuterLayerOptions,
): { ok: true; stickiness: OuterLayerStickiness | null } | { ok: false; failure: Failure } {
  if (options.enabled !== true && options.enabled !== false)
    return {
      ok: false,
      failure: fail('InvalidArgument', 'enabled must be true or false.', 'enabled'),
    }
  if (!options.enabled) return { ok: true, stickiness: null }
  const stickiness = options.stickiness ?? 'off'
  if (!(OUTER_LAYER_STICKINESS as readonly unknown[]).includes(stickiness))
    return {
      ok: false,
      failure: fail(
        'InvalidArgument',
        `stickiness must be one of ${OUTER_LAYER_STICKINESS.join(', ')}.`,
        'stickiness',
      ),
    }
  return { ok: true, stickiness }
}
