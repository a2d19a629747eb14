// Rules behind the Clients panel: the auto-refresh periods of virtual time and when a period boundary is crossed,
// and the cart a learner sees (items, and the latest cart loss). Client-name validation is in clientName.ts.
import type { RequestRecord } from '../sim'

/** Auto-refresh periods offered, in virtual seconds (0 = off). */
export const AUTO_REFRESH_PERIODS = [0, 1, 2, 5, 10] as const
export type AutoRefreshPeriod = (typeof AUTO_REFRESH_PERIODS)[number]

export function autoRefreshLabel(period: AutoRefreshPeriod): string {
  return period === 0 ? 'Off' : `Every ${period} s`
}

/**
 * Which period the virtual clock is in: refreshes fire when this number grows, i.e. when the clock
 * crosses a multiple of the period. The epsilon absorbs float noise in times such as 0.1 × 30.
 */
export function refreshSlot(nowSeconds: number, period: number): number {
  return Math.floor(nowSeconds / period + 1e-9)
}

export type RecordForCart = Pick<RequestRecord, 'clientId' | 'at' | 'targetId' | 'session'>

export interface CartLoss {
  at: number
  /** The instance (or store) that did not know the session. */
  where: string
  /** Items the previous response reported before the loss, and where they were served. */
  itemsBefore: number | null
  previousTarget: string | null
}

export interface CartView {
  /** Items in the cart after the latest response that carried a session, or null when none has. */
  items: number | null
  sessionId: string | null
  /** The most recent loss for this client, kept visible after later requests. */
  lastLoss: CartLoss | null
}

/** The cart of `clientId` from the request history (oldest first). */
export function cartOf(
  history: readonly RecordForCart[],
  clientId: string,
  store: 'memory' | 'external',
): CartView {
  let latest: RecordForCart | null = null
  let lossIndex = -1
  const mine: RecordForCart[] = []
  for (const r of history) {
    if (r.clientId !== clientId || r.session == null) continue
    mine.push(r)
    latest = r
    if (r.session.lost) lossIndex = mine.length - 1
  }
  let lastLoss: CartLoss | null = null
  if (lossIndex >= 0) {
    const lost = mine[lossIndex]!
    const before = lossIndex > 0 ? mine[lossIndex - 1]! : null
    lastLoss = {
      at: lost.at,
      where: store === 'external' ? 'the external store' : (lost.targetId ?? 'the load balancer'),
      itemsBefore: before?.session?.items ?? null,
      previousTarget: before?.targetId ?? null,
    }
  }
  return { items: latest?.session?.items ?? null, sessionId: latest?.session?.id ?? null, lastLoss }
}

/** The visible event sentence for a cart loss. */
export function cartLossText(loss: CartLoss): string {
  const lostItems =
    loss.itemsBefore !== null && loss.previousTarget !== null && loss.where !== 'the external store'
      ? ` ${loss.itemsBefore === 1 ? 'The 1 item was' : `The ${loss.itemsBefore} items were`} in ${loss.previousTarget}’s memory.`
      : ''
  return `Cart lost: ${loss.where} did not know this session, so it started an empty cart.${lostItems}`
}
