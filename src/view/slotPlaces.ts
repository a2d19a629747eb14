// Where each slot of the page goes, in one table: the stage (the picture and its clock) or one tab of the dock
// beside it. Phones show the same tabs with the stage as their first tab, "Lab". Adding a slot to SLOT_NAMES
// (slotNames.ts) fails to compile until it has a place here. Pure data (docs/decisions/0006-the-stage.md).
import type { SlotName } from './slotNames'

/** The tabs, left to right. On wide screens the dock holds every tab but the first (the stage is always shown). */
export const PHONE_TABS = [
  { id: 'lab', label: 'Lab' },
  { id: 'cookies', label: 'Cookies' },
  { id: 'requests', label: 'Requests' },
  { id: 'learn', label: 'Learn' },
  { id: 'setup', label: 'Setup' },
  { id: 'numbers', label: 'Numbers' },
  { id: 'console', label: 'Console' },
] as const
export type PhoneTabId = (typeof PHONE_TABS)[number]['id']
export type PhoneTab = (typeof PHONE_TABS)[number]
/** The tab that is the stage itself. */
export const STAGE_TAB: PhoneTabId = 'lab'
/** The dock's tab on a first visit: the browser's cookie jar in detail, the heart of stickiness. */
export const DEFAULT_DOCK_TAB: PhoneTabId = 'cookies'

/** At this width and below every tab, the stage included, is one of a row of tabs (docs/decisions/0004-phone-tabs.md). */
export const PHONE_MAX_WIDTH = 700
export const PHONE_QUERY = `(max-width: ${PHONE_MAX_WIDTH}px)`
/** Above this width the dock sits beside the stage, both as tall as the window; below it, under the stage. */
export const SIDE_BY_SIDE_MIN_WIDTH = 1001
export const SIDE_BY_SIDE_QUERY = `(min-width: ${SIDE_BY_SIDE_MIN_WIDTH}px)`

export interface SlotPlace {
  tab: PhoneTabId
}

/**
 * Every slot's place. The order of this table is the order everywhere: on the stage, inside a tab, and in the
 * one-column stack an embed uses. The stage holds the picture (whose browsers carry their own Send request
 * buttons) and the clock; everything else is one tab away.
 */
export const SLOT_PLACES: Readonly<Record<SlotName, SlotPlace>> = {
  topology: { tab: 'lab' },
  time: { tab: 'lab' },
  cookies: { tab: 'cookies' },
  inspector: { tab: 'requests' },
  timeline: { tab: 'requests' },
  learn: { tab: 'learn' },
  clients: { tab: 'setup' },
  lbtype: { tab: 'setup' },
  tg: { tab: 'setup' },
  listener: { tab: 'setup' },
  instances: { tab: 'setup' },
  numbers: { tab: 'numbers' },
  loadtest: { tab: 'numbers' },
  console: { tab: 'console' },
  config: { tab: 'console' },
  headers: { tab: 'console' },
}

/** The slots in page order (the order of SLOT_PLACES). */
export const ONE_COLUMN_ORDER = Object.keys(SLOT_PLACES) as SlotName[]

/** The tabs that hold at least one of the shown slots, each with its slots in page order. */
export function tabsFor(shown: readonly SlotName[]): { tab: PhoneTab; slots: SlotName[] }[] {
  return PHONE_TABS.map((tab) => ({
    tab,
    slots: ONE_COLUMN_ORDER.filter((s) => shown.includes(s) && SLOT_PLACES[s].tab === tab.id),
  })).filter((t) => t.slots.length > 0)
}

/** The dock's tabs beside (or under) the stage: every tab but the stage's own. */
export function dockTabsFor(shown: readonly SlotName[]): { tab: PhoneTab; slots: SlotName[] }[] {
  return tabsFor(shown).filter((t) => t.tab.id !== STAGE_TAB)
}

export function isPhoneTabId(value: string | undefined): value is PhoneTabId {
  return PHONE_TABS.some((t) => t.id === value)
}
