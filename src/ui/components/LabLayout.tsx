// The page layout around the slots (src/view/slotPlaces.ts says where each goes). Wide screens: the picture
// column beside the controls column; 701–1000 px: one column (CSS reorders it); phones (≤ 700 px): WAI-ARIA
// tabs, one per group of slots. Each slot's content is rendered once, through a portal, into a DOM node that
// moves between the layouts, so turning a phone keeps every panel's state (drafts, open lessons, focus aside).
// Embedded, the panels= option leaves slots out; tabs with no slot go too, and one tab left needs no tab bar.
import { useCallback, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { createPortal } from 'react-dom'
import { SLOT_NAMES, type SlotName } from '../../view/slotNames'
import { ONE_COLUMN_ORDER, PHONE_QUERY, SLOT_PLACES, tabsFor, type PhoneTabId } from '../../view/slotPlaces'
import { useUiStore } from '../../store/uiStore'
import { useEmbedMode } from '../hooks/embedContext'
import { useMediaQuery } from '../hooks/useMediaQuery'
import './LabLayout.css'

type SlotNodes = ReadonlyMap<SlotName, HTMLDivElement>

function createSlotNode(name: SlotName): HTMLDivElement {
  const node = document.createElement('div')
  node.className = `slot slot-${name}`
  // Read by the one-column layout (LabLayout.css); the wide columns are built in the same order.
  node.style.setProperty('--slot-order', String(ONE_COLUMN_ORDER.indexOf(name)))
  return node
}

/** Where a slot's node sits in the current layout. */
function SlotOutlet({ node }: { node: HTMLDivElement }) {
  const attach = useCallback(
    (el: HTMLDivElement | null) => {
      if (el === null) return
      el.appendChild(node)
      return () => {
        if (node.parentNode === el) el.removeChild(node)
      }
    },
    [node],
  )
  return <div className="slot-outlet" ref={attach} />
}

function Columns({ shown, nodes }: { shown: readonly SlotName[]; nodes: SlotNodes }) {
  // Each column in the slot table's order, as in one column and in the tabs: the Clients panel ("Send request")
  // heads the controls, so the first thing to do is in view on arrival.
  const stage = ONE_COLUMN_ORDER.filter((s) => shown.includes(s) && SLOT_PLACES[s].column === 'stage')
  const side = ONE_COLUMN_ORDER.filter((s) => shown.includes(s) && SLOT_PLACES[s].column === 'side')
  const oneColumn = stage.length === 0 || side.length === 0
  return (
    <main className={oneColumn ? 'layout one-column' : 'layout'}>
      {/* Wide screens: the picture column stays in view (sticky) while the controls scroll beside it. */}
      {stage.length > 0 && (
        <div className="stage" role="region" aria-label="The lab">
          {stage.map((s) => (
            <SlotOutlet key={s} node={nodes.get(s)!} />
          ))}
        </div>
      )}
      {side.length > 0 && (
        <div className="side">
          {side.map((s) => (
            <SlotOutlet key={s} node={nodes.get(s)!} />
          ))}
        </div>
      )}
    </main>
  )
}

const NEXT_KEYS: Readonly<Record<string, (i: number, n: number) => number>> = {
  ArrowRight: (i, n) => (i + 1) % n,
  ArrowLeft: (i, n) => (i - 1 + n) % n,
  Home: () => 0,
  End: (_, n) => n - 1,
}

function PhoneTabs({ shown, nodes }: { shown: readonly SlotName[]; nodes: SlotNodes }) {
  const tabs = tabsFor(shown)
  const active = useUiStore((s) => s.phoneTab)
  const showTab = useUiStore((s) => s.showPhoneTab)
  const buttons = useRef(new Map<PhoneTabId, HTMLButtonElement>())
  if (tabs.length <= 1) {
    return (
      <main className="layout phone">
        {shown.map((s) => (
          <SlotOutlet key={s} node={nodes.get(s)!} />
        ))}
      </main>
    )
  }
  const current = (tabs.find((t) => t.tab.id === active) ?? tabs[0]!).tab.id
  // Automatic activation (the APG's recommendation when panels show without delay): arrows move and select.
  const onKeyDown = (e: KeyboardEvent) => {
    const next = NEXT_KEYS[e.key]
    if (next === undefined) return
    e.preventDefault()
    const i = tabs.findIndex((t) => t.tab.id === current)
    const id = tabs[next(i, tabs.length)]!.tab.id
    showTab(id)
    buttons.current.get(id)?.focus()
  }
  return (
    <main className="layout phone">
      <div className="phone-tabs" role="tablist" aria-label="Lab sections" onKeyDown={onKeyDown}>
        {tabs.map(({ tab }) => (
          <button
            key={tab.id}
            ref={(el) => {
              if (el === null) buttons.current.delete(tab.id)
              else buttons.current.set(tab.id, el)
            }}
            type="button"
            role="tab"
            id={`phone-tab-${tab.id}`}
            aria-selected={tab.id === current}
            aria-controls={`phone-panel-${tab.id}`}
            tabIndex={tab.id === current ? 0 : -1}
            className="phone-tab"
            onClick={() => showTab(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {tabs.map(({ tab, slots }) => (
        <div
          key={tab.id}
          role="tabpanel"
          id={`phone-panel-${tab.id}`}
          aria-labelledby={`phone-tab-${tab.id}`}
          data-tab={tab.id}
          className="phone-panel"
          hidden={tab.id !== current}
          tabIndex={0}
        >
          {slots.map((s) => (
            <SlotOutlet key={s} node={nodes.get(s)!} />
          ))}
        </div>
      ))}
    </main>
  )
}

export function LabLayout({ slots }: { slots: Readonly<Record<SlotName, ReactNode>> }) {
  const { panels } = useEmbedMode()
  const phone = useMediaQuery(PHONE_QUERY)
  const [nodes] = useState<SlotNodes>(() => new Map(SLOT_NAMES.map((s) => [s, createSlotNode(s)])))
  const shown = SLOT_NAMES.filter((s) => panels === null || panels.includes(s))
  return (
    <>
      {phone ? <PhoneTabs shown={shown} nodes={nodes} /> : <Columns shown={shown} nodes={nodes} />}
      {/* After the layout, so each node is in the page before the content's effects measure or draw it. */}
      {shown.map((s) => createPortal(slots[s], nodes.get(s)!, s))}
    </>
  )
}
