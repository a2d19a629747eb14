// The sink lab.request() and openWebSocket() use: the finished request becomes a history record (the API result).

import type { RequestRecordState, World } from '../model/world'
import { noteBrowserFacts } from '../cookieJar'
import { ringPush } from '../ring'
import type { Exchange } from './exchange'
import type { RequestSink } from './requestSink'
import type { RouteStrategy } from './routeStrategy'

/** History keeps the last this-many requests: the stage draws every request in flight from it, up to 1,000. */
export const HISTORY_LIMIT = 1_000

function toRecord(
  world: World,
  x: Exchange,
  strategy: RouteStrategy<unknown>,
  id: number,
): RequestRecordState {
  const now = world.nowMs
  const req = x.req
  const at = now / 1000
  const completesAt = (x.answered ? now + req.durationMs : now) / 1000
  const targetId = x.reg === null ? null : x.reg.id
  const targetGroup = x.tg === null || !strategy.namesGroup ? null : x.tg.name
  const facts = x.facts!
  // Two literals rather than adding `session` afterwards: one allocation, stable object shapes.
  const record: RequestRecordState =
    x.session !== null
      ? {
          id,
          clientId: x.slot.state.id,
          at,
          completesAt,
          path: req.path,
          crossSite: req.crossSite,
          kind: req.kind,
          loadBalancerType: strategy.type,
          status: x.status,
          targetId,
          targetGroup,
          sticky: x.sticky,
          decision: x.decision,
          targetGroupDecision: x.groupDecision,
          algorithm: x.algorithm,
          failOpen: x.failOpen,
          facts,
          explanation: x.explanation,
          requestCookieHeader: x.header,
          setCookie: x.setCookie!,
          session: x.session,
        }
      : {
          id,
          clientId: x.slot.state.id,
          at,
          completesAt,
          path: req.path,
          crossSite: req.crossSite,
          kind: req.kind,
          loadBalancerType: strategy.type,
          status: x.status,
          targetId,
          targetGroup,
          sticky: x.sticky,
          decision: x.decision,
          targetGroupDecision: x.groupDecision,
          algorithm: x.algorithm,
          failOpen: x.failOpen,
          facts,
          explanation: x.explanation,
          requestCookieHeader: x.header,
          setCookie: x.setCookie!,
        }
  if (x.blocked !== undefined) record.blockedCookies = x.blocked
  if (strategy.carriesHttp(req)) noteBrowserFacts(record, req, x.withheld)
  if (x.flow !== null) record.flow = x.flow
  return record
}

/** Keeps every request in the world's history (a ring of HISTORY_LIMIT) and returns its record. */
export const RECORD_SINK: RequestSink<RequestRecordState> = {
  keepsRecords: true,
  take(world, x, strategy, id) {
    const record = toRecord(world, x, strategy, id)
    ringPush(world.history, record)
    return record
  },
}
