// The page: header and the lab's slots, placed by <LabLayout> (two columns, one column or phone tabs). Embedded
// (?embed=1) it drops the header, and each slot shows only if the panels= option keeps it (docs/embedding.md).
import { useEffect, type ReactNode } from 'react'
import { useUiStore } from '../store/uiStore'
import { TopologyCanvas } from '../ui/canvases/TopologyCanvas'
import { ClientsPanel } from '../ui/panels/ClientsPanel'
import { InstancesPanel } from '../ui/panels/InstancesPanel'
import { ListenerPanel } from '../ui/panels/ListenerPanel'
import { TargetGroupPanel } from '../ui/panels/TargetGroupPanel'
import { InspectorPanel } from '../ui/panels/InspectorPanel'
import { CookiesPanel } from '../ui/panels/CookiesPanel'
import { TimeBar } from '../ui/panels/TimeBar'
import { TimelinePanel } from '../ui/panels/TimelinePanel'
import { NumbersPanel } from '../ui/panels/NumbersPanel'
import { LessonPanel } from '../ui/panels/LessonPanel'
import { DrillsPanel } from '../ui/panels/DrillsPanel'
import { ThemeToggle } from '../ui/components/ThemeToggle'
import { ShortcutsDialog } from '../ui/components/ShortcutsDialog'
import { EmbedDialog } from '../ui/components/EmbedDialog'
import { EmbedFooter } from '../ui/components/EmbedFooter'
import { LabLayout } from '../ui/components/LabLayout'
import { useEmbedMode } from '../ui/hooks/embedContext'
import { PictureTable } from '../ui/components/PictureTable'
import { Narrator } from '../ui/components/Narrator'
import { usePrefersReducedMotion } from '../ui/hooks/usePrefersReducedMotion'
import type { SlotName } from '../view/embedSnippet'

/** What each slot of the page shows; where it goes (column, phone tab) is in src/view/slotPlaces.ts. */
const slots: Readonly<Record<SlotName, ReactNode>> = {
  topology: (
    <>
      <TopologyCanvas />
      <PictureTable />
    </>
  ),
  time: <TimeBar />,
  timeline: <TimelinePanel />,
  cookies: <CookiesPanel />,
  inspector: <InspectorPanel />,
  numbers: <NumbersPanel />,
  learn: (
    <div className="learn" role="region" aria-label="Learn">
      <LessonPanel />
      <DrillsPanel />
    </div>
  ),
  clients: <ClientsPanel />,
  instances: <InstancesPanel />,
  tg: <TargetGroupPanel />,
  listener: <ListenerPanel />,
}

export function App() {
  const theme = useUiStore((s) => s.theme)
  const { embed } = useEmbedMode()
  usePrefersReducedMotion()
  useEffect(() => {
    document.documentElement.dataset.theme = theme
  }, [theme])
  // Children's effects (the first drawing of the picture) have run by now: the lab is interactive.
  useEffect(() => {
    window.__stickylabReadyAt ??= performance.now()
  }, [])
  return (
    <div className={embed ? 'app embed' : 'app'}>
      {embed ? (
        // Inside a course page the host page is the chrome; the name stays for screen readers' outline.
        <header>
          <h1 className="visually-hidden">Stickylab</h1>
        </header>
      ) : (
        <header className="app-header">
          <h1>
            <span className="logo" aria-hidden="true">
              ◆
            </span>{' '}
            Stickylab
          </h1>
          <p className="tagline">See how an AWS Application Load Balancer keeps a browser stuck to one instance.</p>
          <EmbedDialog />
          <ShortcutsDialog />
          <ThemeToggle />
        </header>
      )}
      <LabLayout slots={slots} />
      {/* Outside the slots: requests are narrated whichever phone tab is open and whichever panels an embed shows. */}
      <Narrator />
      {embed && <EmbedFooter />}
    </div>
  )
}
