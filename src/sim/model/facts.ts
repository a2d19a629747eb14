// What the core records about a routing decision: codes and the values its sentence needs, never
// the sentence. Wording lives above the core (src/explain, ADR 0009) so it can be revised or
// translated without touching the rules, and the request path builds no text.

import type { TargetGroupDecision } from './decisions'
import type { ClientId, TargetGroupName, TargetId } from './ids'
import type { KubeHop } from './kubernetes'
import type { EngineIoFacts } from './socketIo'

/** Why the browser sent no stickiness cookie with a request. */
export type NoCookieReason =
  /** The client has cookies turned off. */
  | 'cookies-disabled'
  /** fetch credentials 'omit': no cookies travel at all. */
  | 'credentials-omit'
  /** A cross-site request without credentials 'include' carries no cookies. */
  | 'cross-site-no-credentials'
  /** The jar holds the cookie but it may not travel cross-site (not SameSite=None; Secure). */
  | 'cross-site-withheld'
  /** Cross-site with credentials, but the jar has no such cookie that may travel cross-site. */
  | 'cross-site-none'
  /** Same-site: the jar simply has no such cookie (never set, expired or deleted). */
  | 'none'
  /** The browser sent it, but the CDN in front (CloudFront) did not forward it to the load balancer. */
  | 'cdn-withheld'
  /** The client is curl or an SDK/load tool: it keeps no cookie jar at all. */
  | 'no-cookie-jar'
  /** A CORS preflight (OPTIONS): browsers never send cookies on it (Fetch standard). */
  | 'preflight'

export const NO_COOKIE_REASONS: readonly NoCookieReason[] = [
  'cookies-disabled',
  'credentials-omit',
  'cross-site-no-credentials',
  'cross-site-withheld',
  'cross-site-none',
  'none',
  'cdn-withheld',
  'no-cookie-jar',
  'preflight',
]

/** Why the browser refused to store a cookie (shown to learners). */
export type CookieRejection =
  | 'cookies-disabled'
  | 'credentials-not-included'
  | 'too-large'
  | 'secure-over-http'
  | 'samesite-none-without-secure'
  | 'samesite-cross-site-blocked'
  | 'overwrites-secure-over-http'
  | 'no-cookie-jar'

export const COOKIE_REJECTIONS: readonly CookieRejection[] = [
  'cookies-disabled',
  'credentials-not-included',
  'too-large',
  'secure-over-http',
  'samesite-none-without-secure',
  'samesite-cross-site-blocked',
  'overwrites-secure-over-http',
  'no-cookie-jar',
]

/** Why the browser left a cookie in its jar off a request (the record's `withheldCookies`). */
export type CookieWithheld =
  /** The client has cookies turned off. */
  | 'cookies-disabled'
  /** The client is curl or an SDK/load tool: it keeps no cookie jar at all. */
  | 'no-cookie-jar'
  /** fetch credentials 'omit': no cookies travel at all. */
  | 'credentials-omit'
  /** A cross-site fetch without credentials 'include' (so 'same-origin') carries no cookies. */
  | 'cross-site-no-credentials'
  /** A Secure cookie and a plain-HTTP request. */
  | 'secure-over-http'
  /** Cross-site, and the cookie is SameSite=Lax, SameSite=Strict or has no SameSite (treated as Lax). */
  | 'samesite-lax-cross-site'
  | 'samesite-strict-cross-site'
  | 'samesite-unset-cross-site'
  /** The cookie's Path does not path-match the request path (RFC 6265 §5.1.4). */
  | 'path-mismatch'

export const COOKIE_WITHHELD: readonly CookieWithheld[] = [
  'cookies-disabled',
  'no-cookie-jar',
  'credentials-omit',
  'cross-site-no-credentials',
  'secure-over-http',
  'samesite-lax-cross-site',
  'samesite-strict-cross-site',
  'samesite-unset-cross-site',
  'path-mismatch',
]

/** The browser's side of a request record, beside `blockedCookies`; both fields are absent on older records. */
export interface RequestBrowserFacts {
  /** Cookies of the jar the browser left off this request, and why (absent when all were sent). */
  withheldCookies?: { name: string; path: string; reason: CookieWithheld }[]
  /** The fetch credentials mode, when not the default 'same-origin'. */
  credentials?: 'include' | 'omit'
}

/** Why a target did not answer. */
export type Silence = 'hung' | 'stopped'

/** The forward action's weights when the request was routed. */
export interface WeightFact {
  name: string
  weight: number
}

/** How the target group was chosen (absent from AlbFacts when the action has one group and no group stickiness). */
export interface GroupFacts {
  decision: Exclude<TargetGroupDecision, 'single'>
  group: string | null
  weights: readonly WeightFact[]
  cookieName: string | null
  durationSeconds: number
}

/** Why the stickiness cookie (ALB AWSALB/AWSALBAPP or CLB AWSELB) could not choose the target. */
export type MissFacts =
  | { code: 'sticky-miss-no-cookie'; cookie: string; reason: NoCookieReason }
  | { code: 'sticky-miss-invalid'; cookie: string }
  /** `foreignGroup` is set when the cookie binds another target group (null name: unknown group). */
  | {
      code: 'sticky-miss-foreign-target'
      cookie: string
      named: string | null
      foreignGroup?: string | null
    }
  | { code: 'sticky-miss-expired'; cookie: string; idleSeconds: number; durationSeconds: number }
  | { code: 'sticky-miss-deregistered'; cookie: string; named: string | null; state: string | null }
  | {
      code: 'sticky-miss-unhealthy'
      cookie: string
      named: string | null
      state: string | null
      invalidState: boolean
    }
  | { code: 'sticky-miss-no-app-cookie'; cookie: string; named: string | null; appCookie: string }

/** Why the ALB's routing algorithm (not a binding) made the pick. */
export type AlbWhy =
  MissFacts | { code: 'app-cookie-ignored-weighted' } | { code: 'stickiness-off' }

/** How the ALB chose the target. */
export type AlbRoute =
  | { kind: 'no-group' }
  | {
      kind: 'hit'
      cookie: string
      targetId: TargetId
      durationSeconds: number
      /** app_cookie stickiness: the application cookie the request also carried ('' for lb_cookie). */
      appCookie: string
    }
  | { kind: 'hit-fail-open'; cookie: string; targetId: TargetId }
  | {
      kind: 'pick'
      why: AlbWhy
      targetGroup: TargetGroupName
      /** null: nothing could take the request (503). */
      targetId: TargetId | null
      /** Set when no target could be picked and cross-zone is off: the client's zone. */
      az: string | null
      algorithm: string | null
      /** least_outstanding_requests: the picked target's in-flight count. */
      inFlight: number | null
      slowStart: boolean
      failOpen: boolean
    }

/** What the ALB's response said about stickiness cookies (after a target answered). */
export type AlbTail =
  | { kind: 'none' }
  | { kind: 'lb-sets' }
  | { kind: 'lb-rewrites' }
  | { kind: 'app-sets'; targetId: TargetId; appCookie: string }
  | { kind: 'app-no-cookie' }
  | { kind: 'app-other-cookie'; appCookie: string; setCookie: string }

export interface AlbFacts {
  family: 'alb'
  group?: GroupFacts
  route: AlbRoute
  /** The chosen target did not answer (502). */
  silence?: Silence
  tail: AlbTail
  /** Kubernetes labs: the node and the pod that served the request (absent elsewhere). */
  kube?: KubeHop
  /** A Socket.IO client's request: its Engine.IO step and whether the process knew the sid (absent elsewhere). */
  engineIo?: EngineIoFacts
  /** CloudFront in front withheld some of the browser's cookies from the load balancer. */
  cdn?: CdnFacts
  /** A second ALB layer in front: the proxy it chose and what its stickiness cookie did. */
  outer?: OuterFacts
}

/** The outer ALB layer's part of a request (rules/outerLayer.ts). */
export interface OuterFacts {
  stickiness: 'off' | 'lb_cookie' | 'app_cookie'
  /** The outer layer's target (a proxy forwarding to the lab's ALB). */
  proxy: string
  /** It followed its own binding. */
  sticky: boolean
  /** Why it could not: no cookie, a value it cannot decode (the inner ALB's AWSALB), or past its duration. */
  miss: 'no-cookie' | 'unreadable' | 'expired' | null
  /** Both layers set AWSALB in this response; the browser keeps the later line, the outer's. */
  collided: boolean
}

/** What CloudFront's origin request policy did to the request's cookies (only when it withheld some). */
export interface CdnFacts {
  cookies: 'none' | 'whitelist' | 'all'
  /** The allowlist (whitelist only). */
  names: string[]
  /** Cookies the browser sent that never reached the load balancer. */
  withheld: string[]
}

/** Why the client's NLB flow ended before this request. */
export type FlowEnd =
  | { code: 'stopped'; targetId: TargetId }
  | {
      code: 'deregistered'
      /** Closed when the deregistration delay ended (deregistration_delay.connection_termination.enabled). */
      terminated?: true
    }
  | { code: 'unhealthy-terminated'; targetId: TargetId }
  | { code: 'state'; targetId: TargetId; state: string }

/** Where the NLB/GWLB looked for a target (cross-zone off, fail-open). */
export interface FlowScopeFacts {
  failOpen: boolean
  az: string | null
  movedFrom: string | null
}

/** The NLB source_ip table's reset (a target's health or registration changed). */
export interface StickyResetFacts {
  atMs: number
  targetId: TargetId
  from: string
  to: string
}

export type NlbRoute =
  | {
      kind: 'existing'
      sourcePort: number
      targetId: TargetId
      /** The target's deregistration has completed, and connection termination on deregistration is off. */
      deregistered?: true
    }
  | {
      kind: 'new'
      /** The flow this one replaces: the client asked for a new connection, or the old flow ended. */
      replaced:
        | { kind: 'new-connection'; sourcePort: number }
        | { kind: 'ended'; targetId: TargetId; end: FlowEnd }
        | null
      sticky:
        | null
        | { kind: 'hit' }
        | { kind: 'new' }
        | { kind: 'reset'; boundTo: TargetId; reset: StickyResetFacts }
        | { kind: 'unavailable'; boundTo: TargetId }
      sourceIp: string
      sourcePort: number
      /** Clients sharing the source IP (NAT), when more than one. */
      peers: readonly ClientId[] | null
      targetId: TargetId | null
      scope: FlowScopeFacts
      targetGroup: TargetGroupName
    }

export interface NlbFacts {
  family: 'nlb'
  protocol: string
  /** null: the listener forwards to no target group. */
  route: NlbRoute | null
  silence?: Silence
}

export interface GwlbFlowKeyFacts {
  tuple: '5-tuple' | '3-tuple' | '2-tuple'
  /** Why that tuple: the stickiness type, or (stickiness off) whether the protocol has ports. */
  stickinessType: string | null
}

export interface GwlbFacts {
  family: 'gwlb'
  protocol: string
  sourceIp: string
  sourcePort: number
  destinationIp: string
  destinationPort: number
  /** The client asked for a new connection instead of its flow on this source port. */
  replacedPort: number | null
  /** null: the listener forwards to no target group. */
  route:
    | null
    | {
        kind: 'existing' | 'joined'
        key: GwlbFlowKeyFacts
        targetId: TargetId
        failed: { state: string; attribute: string } | null
      }
    | {
        kind: 'hash'
        key: GwlbFlowKeyFacts
        rebalanced: null | {
          targetId: TargetId
          failed: { state: string; attribute: string } | null
        }
        targetId: TargetId | null
        failOpen: boolean
        az: string | null
      }
  silence?: Silence
}

/** The CLB never checks AWSELB's age, so it has every miss but expiry. */
export type ClbMissFacts = Exclude<MissFacts, { code: 'sticky-miss-expired' }>

export type ClbRoute =
  | { kind: 'hit'; policy: 'lb' | 'app'; cookie: string; targetId: TargetId; appCookie: string }
  | {
      kind: 'pick'
      /** null: the listener has no stickiness policy. */
      miss: ClbMissFacts | null
      targetId: TargetId | null
      inFlight: number
    }

export type ClbTail =
  | { kind: 'none' }
  | { kind: 'lb-sets'; periodSeconds: number }
  | { kind: 'app-sets'; appCookie: string; targetId: TargetId }
  | { kind: 'app-no-cookie' }
  | { kind: 'app-other-cookie'; appCookie: string; setCookie: string }

export interface ClbFacts {
  family: 'clb'
  route: ClbRoute
  silence?: Silence
  tail: ClbTail
}

/** Everything a request's explanation is rendered from (one shape per load balancer type). */
export type RequestFacts = AlbFacts | NlbFacts | GwlbFacts | ClbFacts

/** A WebSocket message: sent over the client's connection, or not (no connection). */
export type WebSocketFacts =
  { family: 'websocket'; targetId: TargetId } | { family: 'websocket-closed'; clientId: ClientId }

/**
 * Renders facts as sentences. The core is given one by its composition root (src/sim/index.ts
 * passes src/explain's); the core never builds the text itself.
 */
export interface Explainer {
  request(facts: RequestFacts): string
  webSocket(facts: WebSocketFacts): string
}
