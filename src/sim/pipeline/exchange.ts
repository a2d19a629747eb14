// The request pipeline's working state: one object per request that the stages fill in order (servePipeline.ts).
// Route strategies write what they decided; the serve, store-cookies and count stages read it; a sink turns it
// into a history record or only counts it.

import type { CookieRejection, SetCookieDirective } from '../cookieJar'
import type { WithheldCookie } from '../cookiePolicy'
import type { CdnPass } from '../rules/cdn'
import type { OuterPass } from '../rules/outerLayer'
import type { PodChoice } from '../rules/kubernetes'
import type { SessionView } from '../model/api'
import type { Decision, TargetGroupDecision } from '../model/decisions'
import type { RequestFacts } from '../model/facts'
import type {
  FlowRecord,
  InstanceState,
  RegistrationState,
  StoredCookie,
  TargetGroupState,
} from '../model/world'
import type { ClientSlot } from '../runtime'
import type { NormalizedRequest } from './normalizeRequest'

export interface Exchange {
  readonly req: NormalizedRequest
  readonly slot: ClientSlot
  /** The cookies the browser sends (its jar's choice; [] where no HTTP is carried). Read-only: may be the jar. */
  sent: StoredCookie[]
  /** The Cookie header as sent ('' when the sink keeps no records). */
  header: string
  tg: TargetGroupState | null
  /** The chosen target, or null when none could be chosen. */
  reg: RegistrationState | null
  /** The chosen target's instance (set by the serve stage). */
  instance: InstanceState | null
  /** The status code; each strategy starts it at what "no target" means for its type (503, or 0 for flows). */
  status: number
  /** Whether the target answered (the serve stage sets it; status alone cannot tell a 101 from an error). */
  answered: boolean
  /** The chosen target did not answer (stopped or hung). */
  silent: boolean
  decision: Decision
  groupDecision: TargetGroupDecision
  sticky: boolean
  failOpen: boolean
  algorithm: string | null
  session: SessionView | null
  /** Set-Cookie directives of the response, in the order the load balancer writes them. */
  directives: SetCookieDirective[]
  /** The Set-Cookie lines as sent (null when the sink keeps no records). */
  setCookie: string[] | null
  /** Directives the browser refused, and why (undefined when none, or when the sink keeps no records). */
  blocked: { name: string; reason: CookieRejection }[] | undefined
  /** Cookies in the jar the browser did not send, with why (records only; undefined when it sent them all). */
  withheld: WithheldCookie[] | undefined
  /** CloudFront in front: what it forwarded to the load balancer and what it kept back (null: no CDN). */
  cdn: CdnPass | null
  /** The outer ALB layer in front: the proxy it chose and its stickiness (null: no outer layer). */
  outer: OuterPass | null
  /** Kubernetes: the pod kube-proxy handed the request to (null elsewhere; rules/kubernetes.ts). */
  pod: PodChoice | null
  /** NLB/GWLB: the flow tuple the request travelled on. */
  flow: FlowRecord | null
  /** Filled by the strategy's describe step, only for sinks that keep records. */
  facts: RequestFacts | null
  explanation: string
}

export function newExchange(req: NormalizedRequest, slot: ClientSlot): Exchange {
  return {
    req,
    slot,
    sent: NO_COOKIES,
    header: '',
    tg: null,
    reg: null,
    instance: null,
    status: 0,
    answered: false,
    silent: false,
    decision: 'no-targets-503',
    groupDecision: 'single',
    sticky: false,
    failOpen: false,
    algorithm: null,
    session: null,
    directives: [],
    setCookie: null,
    blocked: undefined,
    withheld: undefined,
    cdn: null,
    outer: null,
    pod: null,
    flow: null,
    facts: null,
    explanation: '',
  }
}

/** Shared empty list for requests that carry no cookies (never written to). */
export const NO_COOKIES: StoredCookie[] = []
