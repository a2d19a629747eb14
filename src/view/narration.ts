// Turns new request records into short sentences for screen-reader users, e.g.
// "Request 5 from alice went to i-2, sticky: AWSALB still valid".
import type { RequestRecord } from '../sim'

const REASON: Record<string, string> = {
  'sticky-hit': 'still valid',
  'sticky-miss-no-cookie': 'no stickiness cookie yet',
  'sticky-miss-invalid': 'the cookie could not be decoded',
  'sticky-miss-foreign-target': 'the cookie names a target outside this group',
  'sticky-miss-expired': 'the stickiness duration had lapsed',
  'sticky-miss-unhealthy': 'the bound target is not healthy',
  'sticky-miss-deregistered': 'the bound target was deregistered',
  'sticky-miss-no-app-cookie': 'the application cookie was missing',
}

/** The cookie that carried the binding, read from the Cookie header the browser sent. */
function bindingCookie(r: RequestRecord): string {
  const names = r.requestCookieHeader.split(';').map((p) => p.trim().split('=')[0] ?? '')
  return names.find((n) => n === 'AWSALB' || n === 'AWSALBCORS' || n.startsWith('AWSALBAPP')) ?? 'the cookie'
}

export function narrateRequest(r: RequestRecord): string {
  const who = `Request ${r.id} from ${r.clientId}`
  if (r.status >= 500) return `${who} failed with ${r.status} from the load balancer${r.targetId ? ` (${r.targetId} did not answer)` : ''}.`
  const where = r.targetId ? `went to ${r.targetId}` : 'was not routed'
  const lost = r.session?.lost ? ' The cart was lost.' : ''
  if (r.sticky) return `${who} ${where}, sticky: ${bindingCookie(r)} ${REASON['sticky-hit']}.${lost}`
  const why = REASON[r.decision]
  return `${who} ${where}, not sticky${why ? `: ${why}` : ''}.${lost}`
}

/**
 * Narration for the records newer than `lastId`. Bursts (auto-refresh, load tests) are summarised so a
 * screen reader is not flooded: the newest request is read, preceded by how many others arrived.
 */
export function narrateSince(history: readonly RequestRecord[], lastId: number): { text: string; lastId: number } | null {
  const fresh = history.filter((r) => r.id > lastId)
  const newest = fresh.at(-1)
  if (!newest) return null
  const extra = fresh.length - 1
  const prefix = extra > 0 ? `${extra} more request${extra === 1 ? '' : 's'}. ` : ''
  return { text: prefix + narrateRequest(newest), lastId: newest.id }
}
