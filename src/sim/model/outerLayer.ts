// A second ALB layer in front of the lab's ALB (issue 19 item 5): an "outer ALB" whose targets are proxies that
// forward to the lab's (inner) ALB. AWS documents that duration-based stickiness can hold on only one layer,
// because every layer names its cookie AWSALB and the browser keeps one value per name, while application-based
// cookies with distinct names can be sticky on all layers (docs/model.md "Layered load balancers").

/** The outer layer's target group stickiness: off, duration-based (AWSALB) or application-based. */
export const OUTER_LAYER_STICKINESS = ['off', 'lb_cookie', 'app_cookie'] as const
export type OuterLayerStickiness = (typeof OUTER_LAYER_STICKINESS)[number]

/** The outer ALB's targets, in registration order (simulator convention: two proxy nodes). */
export const OUTER_PROXIES = ['proxy-1', 'proxy-2'] as const

/**
 * The proxies' application cookie, which the outer layer's application-based stickiness follows. Simulator
 * convention: it stands for the pair (the proxies' cookie and the outer ALB's own AWSALBAPP-n), so the lab never
 * draws a second AWSALBAPP-n beside the inner ALB's.
 */
export const OUTER_APP_COOKIE = 'PROXYSESSION'

/** The outer layer's duration-based stickiness duration (simulator convention: AWS's default, 1 day). */
export const OUTER_DURATION_SECONDS = 86400

/** The outer layer in World (`world.outerLayer`; absent when there is none, as in every older snapshot). */
export interface OuterLayerState {
  stickiness: OuterLayerStickiness
  /** Round-robin position for requests the outer layer routes without a binding. */
  next: number
  /** Cookies the outer layer has issued (the nonce counter of its sealed values). */
  issued: number
}

/** setOuterLayer's argument: `{ enabled: false }` removes the outer layer. */
export interface OuterLayerOptions {
  enabled: boolean
  stickiness?: OuterLayerStickiness
}

/** What lab.outerLayer() reports (null when there is no outer layer). */
export interface OuterLayerView {
  stickiness: OuterLayerStickiness
  proxies: string[]
}
