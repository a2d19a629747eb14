// The words for the CORS preflight (issue 19, item 4), shared by the Clients panel and the request inspector.

export const PREFLIGHT_SWITCH = 'Preflight (JSON / custom header)'

export const PREFLIGHT_HINT =
  'Not a “simple” request, so the browser sends OPTIONS first. A preflight never carries cookies (Fetch standard), so the load balancer balances it like a new visitor. (In the lab the OPTIONS and its request leave together; a browser waits for the answer.)'

/** The inspector's account of an OPTIONS record: what happened and the fix for the request it precedes. */
export const PREFLIGHT_INSPECTOR =
  'CORS preflight: browsers send OPTIONS without cookies whatever the page asks, and ignore cookies set on its response. It is balanced on its own (it may reach another target and counts in NonStickyRequestCount). The request that follows carries cookies only with fetch credentials: "include" (XHR: withCredentials = true), and cross-site only AWSALBCORS (SameSite=None; Secure, so HTTPS) can travel. Let the app answer OPTIONS on any target without needing a session.'
