import { describe, expect, it } from 'vitest'
import { SLOT_NAMES } from './embedSnippet'
import { dockTabsFor, ONE_COLUMN_ORDER, PHONE_TABS, SLOT_PLACES, tabsFor } from './slotPlaces'

describe('slot places', () => {
  it('places every slot once, in a tab that exists', () => {
    expect([...ONE_COLUMN_ORDER].sort()).toEqual([...SLOT_NAMES].sort())
    for (const s of SLOT_NAMES) expect(PHONE_TABS.map((t) => t.id)).toContain(SLOT_PLACES[s].tab)
  })

  it('keeps the picture and the clock on the stage, the first tab on phones', () => {
    const [first] = tabsFor(SLOT_NAMES)
    expect(first?.tab.label).toBe('Lab')
    expect(first?.slots).toEqual(['topology', 'time'])
  })

  it('docks every other tab beside the stage', () => {
    expect(dockTabsFor(SLOT_NAMES).map((t) => t.tab.label)).toEqual(['Cookies', 'Requests', 'Learn', 'Setup', 'Numbers', 'Your ALB'])
    expect(dockTabsFor(SLOT_NAMES).flatMap((t) => t.slots)).not.toContain('topology')
  })

  it('shows every tab for the full page, and only the tabs holding embedded panels', () => {
    expect(tabsFor(SLOT_NAMES).map((t) => t.tab.id)).toEqual(PHONE_TABS.map((t) => t.id))
    expect(tabsFor(['topology', 'clients']).map((t) => t.tab.id)).toEqual(['lab', 'setup'])
    expect(tabsFor(['numbers', 'cookies', 'tg']).map((t) => t.tab.id)).toEqual(['cookies', 'setup', 'numbers'])
    expect(tabsFor([])).toEqual([])
  })
})
