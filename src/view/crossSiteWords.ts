// One vocabulary for requests from another site (issue 15): the lab's "cross-site request" is a fetch from a
// page on CROSS_SITE_ORIGIN, which is cross-site (so SameSite applies) and, being another origin, also
// cross-origin (so CORS and the credentials mode apply). SameSite is defined once, where it first matters:
// beside the switch that makes such requests.
import { CROSS_SITE_ORIGIN } from './httpMessage'

/** The other site's host name, as the stage and the Clients panel show it. */
export const OTHER_SITE_HOST = new URL(CROSS_SITE_ORIGIN).host

/** The switch on a browser's card in the Clients panel. */
export const CROSS_SITE_SWITCH = 'Cross-site request'

/** Shown beside the switch when it is on: what the request is, and SameSite in one sentence. */
export const CROSS_SITE_HINT =
  `A page on ${OTHER_SITE_HOST} calls this load balancer with fetch(): a cross-site request, and so also a cross-origin (CORS) one. ` +
  'SameSite is the cookie attribute that decides whether the browser sends a cookie on a cross-site request: only SameSite=None; Secure cookies go, and a cookie without it counts as Lax and stays behind.'

/** The stage's label on a browser whose page is on the other site. */
export const OTHER_SITE_LABEL = `on ${OTHER_SITE_HOST}`
