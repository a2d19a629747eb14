// The page layout around the slots (src/view/slotPlaces.ts says where each goes). Wide screens: the stage (the
// picture and its clock) fills the window's height beside the dock, whose tabs hold every panel; 701–1000 px: the
// dock under the stage; phones (≤ 700 px): one row of tabs, the stage the first. Embedded, the slots an author
// chose are stacked in page order (the frame is as tall as its content, so nothing may depend on the window's
// height). Each slot's content is rendered once, through a portal, into a DOM node that moves between the
// layouts, so turning a phone keeps every panel's state (drafts, open lessons, focus aside).
import { useCallback, useRef, useState, type KeyboardEvent } from 'react'
import type { ReactNode } from 'react'
import { createPortal } from 'react-dom'
import { SLOT_NAMES, type SlotName } from '../../view/slotNames'
import {
  DEFAULT_DOCK_TAB,
  dockTabsFor,
  ONE_COLUMN_ORDER,
  PHONE_QUERY,
  SLOT_PLACES,
  STAGE_TAB,
  tabsFor,
  type PhoneTab,
  type PhoneTabId,
} from '../../view/slotPlaces'
import { useUiStore } from '../../store/uiStore'
import { useEmbedMode } from '../hooks/embedContext'
import { useMediaQuery } from '../hooks/useMediaQuery'
import './LabLayout.css'

type SlotNodes = ReadonlyMap<SlotName, HTMLDivElement>

/** The element the page's "Skip to the stage" link moves focus to. */
export const STAGE_ID = 'stage'

function createSlotNode(name: SlotName): HTMLDivElement {
  const node = document.createElement('div')
  node.className = `slot slot-${name}`
  if (name === 'topology') {
    node.id = STAGE_ID
    node.tabIndex = -1
  }
  // Read by the stacked layout (LabLayout.css); tabs and the stage are built in the same order.
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

function Outlets({ slots, nodes }: { slots: readonly SlotName[]; nodes: SlotNodes }) {
  return slots.map((s) => <SlotOutlet key={s} node={nodes.get(s)!} />)
}

const NEXT_KEYS: Readonly<Record<string, (i: number, n: number) => number>> = {
  ArrowRight: (i, n) => (i + 1) % n,
  ArrowLeft: (i, n) => (i - 1 + n) % n,
  Home: () => 0,
  End: (_, n) => n - 1,
}

/** WAI-ARIA tabs over groups of slots: the phone's row of tabs and the dock beside the stage. */
function Tabs({
  tabs,
  current,
  nodes,
  prefix,
  label,
}: {
  tabs: readonly { tab: PhoneTab; slots: SlotName[] }[]
  current: PhoneTabId
  nodes: SlotNodes
  prefix: 'phone' | 'dock'
  label: string
}) {
  const showTab = useUiStore((s) => s.showPhoneTab)
  const buttons = useRef(new Map<PhoneTabId, HTMLButtonElement>())
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
    <>
      <div className={`${prefix}-tabs`} role="tablist" aria-label={label} onKeyDown={onKeyDown}>
        {tabs.map(({ tab }) => (
          <button
            key={tab.id}
            ref={(el) => {
              if (el === null) buttons.current.delete(tab.id)
              else buttons.current.set(tab.id, el)
            }}
            type="button"
            role="tab"
            id={`${prefix}-tab-${tab.id}`}
            aria-selected={tab.id === current}
            aria-controls={`${prefix}-panel-${tab.id}`}
            tabIndex={tab.id === current ? 0 : -1}
            className={`${prefix}-tab`}
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
          id={`${prefix}-panel-${tab.id}`}
          aria-labelledby={`${prefix}-tab-${tab.id}`}
          data-tab={tab.id}
          className={`${prefix}-panel`}
          hidden={tab.id !== current}
          tabIndex={0}
        >
          <Outlets slots={slots} nodes={nodes} />
        </div>
      ))}
    </>
  )
}

function PhoneTabs({ shown, nodes }: { shown: readonly SlotName[]; nodes: SlotNodes }) {
  const tabs = tabsFor(shown)
  const active = useUiStore((s) => s.phoneTab)
  if (tabs.length <= 1) {
    return (
      <main className="layout phone">
        <Outlets slots={shown} nodes={nodes} />
      </main>
    )
  }
  const current = (tabs.find((t) => t.tab.id === active) ?? tabs[0]!).tab.id
  return (
    <main className="layout phone">
      <Tabs tabs={tabs} current={current} nodes={nodes} prefix="phone" label="Lab sections" />
    </main>
  )
}

/** The stage beside (or above) the dock: the picture never scrolls away while the learner uses a panel. */
function StageAndDock({ shown, nodes }: { shown: readonly SlotName[]; nodes: SlotNodes }) {
  const stage = ONE_COLUMN_ORDER.filter((s) => shown.includes(s) && SLOT_PLACES[s].tab === STAGE_TAB)
  const tabs = dockTabsFor(shown)
  const active = useUiStore((s) => s.phoneTab)
  const current = (tabs.find((t) => t.tab.id === active) ?? tabs.find((t) => t.tab.id === DEFAULT_DOCK_TAB) ?? tabs[0])?.tab.id
  return (
    <main className="layout stage-dock">
      <div className="stage" role="region" aria-label="The lab">
        <Outlets slots={stage} nodes={nodes} />
      </div>
      {current !== undefined && (
        <div className="dock" role="region" aria-label="Panels">
          <Tabs tabs={tabs} current={current} nodes={nodes} prefix="dock" label="Panels" />
        </div>
      )}
    </main>
  )
}

/** Embedded: the chosen slots stacked in page order (a wide frame puts the stage's beside the others). */
function Stacked({ shown, nodes }: { shown: readonly SlotName[]; nodes: SlotNodes }) {
  const stage = shown.filter((s) => SLOT_PLACES[s].tab === STAGE_TAB)
  const side = ONE_COLUMN_ORDER.filter((s) => shown.includes(s) && SLOT_PLACES[s].tab !== STAGE_TAB)
  const oneColumn = stage.length === 0 || side.length === 0
  return (
    <main className={oneColumn ? 'layout stacked one-column' : 'layout stacked'}>
      {stage.length > 0 && (
        <div className="stage" role="region" aria-label="The lab">
          <Outlets slots={stage} nodes={nodes} />
        </div>
      )}
      {side.length > 0 && (
        <div className="side">
          <Outlets slots={side} nodes={nodes} />
        </div>
      )}
    </main>
  )
}

export function LabLayout({ slots }: { slots: Readonly<Record<SlotName, ReactNode>> }) {
  const { embed, panels } = useEmbedMode()
  const phone = useMediaQuery(PHONE_QUERY)
  const [nodes] = useState<SlotNodes>(() => new Map(SLOT_NAMES.map((s) => [s, createSlotNode(s)])))
  const shown = ONE_COLUMN_ORDER.filter((s) => panels === null || panels.includes(s))
  const Layout = phone ? PhoneTabs : embed ? Stacked : StageAndDock
  return (
    <>
      <Layout shown={shown} nodes={nodes} />
      {/* After the layout, so each node is in the page before the content's effects measure or draw it. */}
      {shown.map((s) => createPortal(slots[s], nodes.get(s)!, s))}
    </>
  )
}
