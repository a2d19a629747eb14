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

/**
 * Whether a response lost a cart the learner would miss: the shop did not know the session AND the
 * browser's cart had items before (`itemsBefore`, from its previous response with a session). A new
 * session replacing an empty cart is not a loss (issue 15: "The 0 items were in i-1's memory").
 * The one rule for the Clients panel, the instance cards and the stage's moments.
 */
export function isCartLoss(itemsBefore: number, r: Pick<RequestRecord, 'session'>): boolean {
  return r.session?.lost === true && itemsBefore > 0
}

/** The cart of `clientId` from the request history (oldest first). */
export function cartOf(
  history: readonly RecordForCart[],
  clientId: string,
  store: 'memory' | 'external',
): CartView {
  let latest: RecordForCart | null = null
  let lastLoss: CartLoss | null = null
  for (const r of history) {
    if (r.clientId !== clientId || r.session == null) continue
    const itemsBefore = latest?.session?.items ?? 0
    if (isCartLoss(itemsBefore, r))
      lastLoss = {
        at: r.at,
        where: store === 'external' ? 'the external store' : (r.targetId ?? 'the load balancer'),
        itemsBefore,
        previousTarget: latest?.targetId ?? null,
      }
    latest = r
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
