// Where each slot of the page goes, in one table: its column on wide screens and its tab on phones. Adding a
// slot to SLOT_NAMES (slotNames.ts) fails to compile until it has a place here. Pure data.
import type { SlotName } from './slotNames'

/** The phone tabs (≤ PHONE_MAX_WIDTH px), left to right. */
export const PHONE_TABS = [
  { id: 'lab', label: 'Lab' },
  { id: 'cookies', label: 'Cookies' },
  { id: 'requests', label: 'Requests' },
  { id: 'learn', label: 'Learn' },
  { id: 'setup', label: 'Setup' },
  { id: 'numbers', label: 'Numbers' },
] as const
export type PhoneTabId = (typeof PHONE_TABS)[number]['id']
export type PhoneTab = (typeof PHONE_TABS)[number]

/** At this width and below the panels become tabs (docs/decisions/0004-phone-tabs.md). */
export const PHONE_MAX_WIDTH = 700
export const PHONE_QUERY = `(max-width: ${PHONE_MAX_WIDTH}px)`

export interface SlotPlace {
  /** Wide screens: the picture column (stays in view) or the controls column, each in this table's order. */
  column: 'stage' | 'side'
  tab: PhoneTabId
}

/**
 * Every slot's place. The order of this table is the order everywhere: within each wide column, in one column
 * (below 1000 px) and inside a phone tab. "Send request" (clients) comes right after the picture and the time
 * bar, and heads the controls column on wide screens.
 */
export const SLOT_PLACES: Readonly<Record<SlotName, SlotPlace>> = {
  topology: { column: 'stage', tab: 'lab' },
  time: { column: 'stage', tab: 'lab' },
  clients: { column: 'side', tab: 'lab' },
  cookies: { column: 'stage', tab: 'cookies' },
  inspector: { column: 'stage', tab: 'requests' },
  timeline: { column: 'stage', tab: 'requests' },
  learn: { column: 'side', tab: 'learn' },
  instances: { column: 'side', tab: 'setup' },
  tg: { column: 'side', tab: 'setup' },
  listener: { column: 'side', tab: 'setup' },
  numbers: { column: 'stage', tab: 'numbers' },
  loadtest: { column: 'side', tab: 'numbers' },
}

/** The slots in one-column order (the order of SLOT_PLACES). */
export const ONE_COLUMN_ORDER = Object.keys(SLOT_PLACES) as SlotName[]

/** The tabs that hold at least one of the shown slots, each with its slots in one-column order. */
export function tabsFor(shown: readonly SlotName[]): { tab: PhoneTab; slots: SlotName[] }[] {
  return PHONE_TABS.map((tab) => ({
    tab,
    slots: ONE_COLUMN_ORDER.filter((s) => shown.includes(s) && SLOT_PLACES[s].tab === tab.id),
  })).filter((t) => t.slots.length > 0)
}

export function isPhoneTabId(value: string | undefined): value is PhoneTabId {
  return PHONE_TABS.some((t) => t.id === value)
}
