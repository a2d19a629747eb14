// The lab as the learner should see it at its own `now`: the core decides a request the instant it is sent, but
// the panels must not show an outcome before the stage's dot reaches its target (reveal.ts). Rather than change
// the core (its API answers at once, and the fidelity suites depend on that), this wraps it: history holds only
// arrived requests, the counters subtract those still on their way, the jar is the one the browser holds until a
// response returns (shownCookies), and carts a travelling request created or changed keep their earlier state.
import { dictGet, dictSet } from '../sim/core'
import type { LabQueries, RequestRecord, SessionRecord } from '../sim/core'
import { arrivedHistory, hasReturned, shownCookies } from './reveal'

/** What has been revealed by `now`: equal stamps mean every revealed view of the lab is unchanged. */
export interface RevealStamp {
  now: number
  history: RequestRecord[]
  /** Requests sent but not yet at their target, oldest first. */
  unarrived: RequestRecord[]
  /** Changes when a request arrives or a response returns (or the lab's data changes). */
  key: string
}

/** Counts a revealed request leaves out of the core's metrics, by the metric names each type reports. */
function subtract(out: Record<string, number>, r: RequestRecord): void {
  // Keys carry target and group names (strings from outside): own properties only (dict.ts).
  const dec = (k: string) => {
    const v = dictGet(out, k)
    if (v !== undefined) dictSet(out, k, Math.max(0, v - 1))
  }
  if (r.status === 503) {
    dec('HTTPCode_ELB_5XX_Count')
    dec('HTTPCode_ELB_503_Count')
    dec('HTTPCode_ELB_5XX')
  } else {
    dec('RequestCount')
    if (r.status === 502) {
      for (const k of ['HTTPCode_ELB_5XX_Count', 'HTTPCode_ELB_502_Count', 'TargetConnectionErrorCount', 'HTTPCode_ELB_5XX', 'BackendConnectionErrors']) dec(k)
    } else {
      if (r.status === 200) {
        dec('HTTPCode_Target_2XX_Count')
        dec('HTTPCode_Backend_2XX')
      }
      if (r.targetId !== null) dec(`RequestCountPerTarget:${r.targetId}`)
      if (r.targetGroup !== null) dec(`RequestCountPerTargetGroup:${r.targetGroup}`)
    }
  }
  if (r.session?.lost === true) dec('SessionsLost')
  if (r.decision.startsWith('sticky-miss') && r.targetId !== null) dec('NonStickyRequestCount')
}

/** The core's metrics less the requests that have not arrived yet. */
export function revealedMetrics(metrics: Record<string, number>, unarrived: readonly RequestRecord[]): Record<string, number> {
  if (unarrived.length === 0) return metrics
  const out = { ...metrics }
  for (const r of unarrived) subtract(out, r)
  return out
}

/** Carts as the learner has seen them: a travelling request's new cart does not exist yet, a changed one keeps its items. */
export function revealedSessions(sessions: readonly SessionRecord[], history: readonly RequestRecord[], unarrived: readonly RequestRecord[]): SessionRecord[] {
  if (unarrived.length === 0) return sessions.slice()
  const pending = new Set<string>()
  for (const r of unarrived) if (r.session) pending.add(r.session.id)
  if (pending.size === 0) return sessions.slice()
  const seen = new Map<string, number>()
  for (const r of history) if (r.session && pending.has(r.session.id)) seen.set(r.session.id, r.session.items)
  const out: SessionRecord[] = []
  for (const s of sessions) {
    if (!pending.has(s.sessionId)) out.push(s)
    else if (seen.has(s.sessionId)) out.push({ ...s, items: seen.get(s.sessionId)! })
  }
  return out
}

const stamps = new WeakMap<LabQueries, { changes: number; now: number; stamp: RevealStamp }>()

/** The reveal stamp of `lab` at its current time, computed once per lab, change and clock reading. */
export function revealStamp(lab: LabQueries): RevealStamp {
  const changes = lab.changeCount()
  const now = lab.now()
  const cached = stamps.get(lab)
  if (cached && cached.changes === changes && cached.now === now) return cached.stamp
  const all = lab.history()
  const history = arrivedHistory(all, now)
  const unarrived = all.slice(history.length)
  // Returned responses: the key changes whenever one more is back (cookies appear then). Every record is counted, not
  // only the newest: a long-served request (a slow app, a long poll) returns after any number of newer ones, and a
  // key blind to it kept the Cookies table showing the value from before that response (the monkey test's seed 7).
  // History holds at most HISTORY_LIMIT (1,000) records.
  let returned = 0
  for (const r of all) if (hasReturned(r, now)) returned++
  const key = `${changes}|${history.length}|${history.at(-1)?.id ?? 0}|${returned}`
  const stamp: RevealStamp = cached && cached.stamp.key === key ? { ...cached.stamp, now } : { now, history, unarrived, key }
  stamps.set(lab, { changes, now, stamp })
  return stamp
}

const views = new WeakMap<LabQueries, { key: string; view: LabQueries }>()

/**
 * The lab as shown at its current time: same methods, except history, metrics, sessions and cookies, which are
 * revealed. The same object is returned while nothing new was revealed, so selectors over it stay cheap.
 */
export function revealedLab(lab: LabQueries): LabQueries {
  const stamp = revealStamp(lab)
  const cached = views.get(lab)
  if (cached && cached.key === stamp.key) return cached.view
  const { history, unarrived, now } = stamp
  const view: LabQueries = {
    ...lab,
    history: () => history.slice(),
    metrics: () => revealedMetrics(lab.metrics(), unarrived),
    sessions: () => revealedSessions(lab.sessions(), history, unarrived),
    cookies: (clientId: string) => shownCookies(lab.cookies(clientId), lab.history(), clientId, now),
  }
  views.set(lab, { key: stamp.key, view })
  return view
}

