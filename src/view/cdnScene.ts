// The CDN hop of the stage's scene: CloudFront's cookie policy and, for the latest request that reached the load
// balancer (the selected browser's, else anyone's), which of the browser's cookies it forwarded and which it kept
// back (the request's facts.cdn, rendered by the core when it withheld any).
import type { LabQueries, RequestRecord } from '../sim'

export interface SceneCdn {
  /** The origin request policy's cookie behaviour: 'none', 'whitelist' or 'all'. */
  cookies: string
  names: string[]
  /** The latest request's Cookie header, cookie by cookie, and whether each reached the load balancer. */
  last: { name: string; passed: boolean }[] | null
  /** Whose request `last` is. */
  clientId: string | null
}

/** The names in a Cookie header, in order. */
export function cookieNames(header: string): string[] {
  if (header === '') return []
  return header.split('; ').map((pair) => {
    const eq = pair.indexOf('=')
    return eq < 0 ? pair : pair.slice(0, eq)
  })
}

/** The scene's CDN, or null when there is none (history: the requests that have arrived, oldest first). */
export function cdnScene(
  lab: LabQueries,
  history: readonly RequestRecord[],
  selected: string | null,
): SceneCdn | null {
  const cdn = lab.cdn()
  if (cdn === null || lab.loadBalancerType() !== 'application') return null
  let latest: RequestRecord | undefined
  for (let i = history.length - 1; i >= 0 && latest === undefined; i--) {
    const h = history[i]!
    if (selected === null || h.clientId === selected) latest = h
  }
  if (latest === undefined)
    return { cookies: cdn.cookies, names: cdn.names, last: null, clientId: null }
  const withheld = new Set(latest.facts?.family === 'alb' ? (latest.facts.cdn?.withheld ?? []) : [])
  return {
    cookies: cdn.cookies,
    names: cdn.names,
    last: cookieNames(latest.requestCookieHeader).map((name) => ({
      name,
      passed: !withheld.has(name),
    })),
    clientId: latest.clientId,
  }
}

/** The policy in the words the box shows. */
export function cdnPolicyLine(cdn: Pick<SceneCdn, 'cookies' | 'names'>): string {
  if (cdn.cookies === 'all') return 'forwards all cookies'
  if (cdn.cookies === 'none') return 'forwards no cookies'
  return `forwards only ${cdn.names.join(', ')}`
}
