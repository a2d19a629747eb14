// Page layout: header, the topology picture with its time bar, and the side panels.
import { useEffect } from 'react'
import { useUiStore } from '../store/uiStore'
import { TopologyCanvas } from '../ui/canvases/TopologyCanvas'
import { ClientsPanel } from '../ui/panels/ClientsPanel'
import { InstancesPanel } from '../ui/panels/InstancesPanel'
import { ListenerPanel } from '../ui/panels/ListenerPanel'
import { TargetGroupPanel } from '../ui/panels/TargetGroupPanel'
import { InspectorPanel } from '../ui/panels/InspectorPanel'
import { CookiesPanel } from '../ui/panels/CookiesPanel'
import { TimeBar } from '../ui/panels/TimeBar'
import { NumbersPanel } from '../ui/panels/NumbersPanel'
import { LessonPanel } from '../ui/panels/LessonPanel'
import { DrillsPanel } from '../ui/panels/DrillsPanel'
import { ThemeToggle } from '../ui/components/ThemeToggle'
import { ShortcutsDialog } from '../ui/components/ShortcutsDialog'
import { PictureTable } from '../ui/components/PictureTable'
import { Narrator } from '../ui/components/Narrator'
import { usePrefersReducedMotion } from '../ui/hooks/usePrefersReducedMotion'

export function App() {
  const theme = useUiStore((s) => s.theme)
  usePrefersReducedMotion()
  useEffect(() => {
    document.documentElement.dataset.theme = theme
  }, [theme])
  // Children's effects (the first drawing of the picture) have run by now: the lab is interactive.
  useEffect(() => {
    window.__stickylabReadyAt ??= performance.now()
  }, [])
  return (
    <div className="app">
      <header className="app-header">
        <h1>
          <span className="logo" aria-hidden="true">
            ◆
          </span>{' '}
          Stickylab
        </h1>
        <p className="tagline">See how an AWS Application Load Balancer keeps a browser stuck to one instance.</p>
        <ShortcutsDialog />
        <ThemeToggle />
      </header>
      <main className="layout">
        {/* Wide screens: the picture column stays in view (sticky) while the controls scroll beside it.
            Narrow screens: one column, reordered by the slot classes so "Send request" comes right after the picture. */}
        <div className="stage" role="region" aria-label="The lab">
          <div className="slot slot-topology">
            <TopologyCanvas />
            <PictureTable />
            <Narrator />
          </div>
          <div className="slot slot-time">
            <TimeBar />
          </div>
          <div className="slot slot-cookies">
            <CookiesPanel />
          </div>
          <div className="slot slot-inspector">
            <InspectorPanel />
          </div>
          <div className="slot slot-numbers">
            <NumbersPanel />
          </div>
        </div>
        <div className="side">
          <div className="slot slot-learn learn" aria-label="Learn" role="region">
            <LessonPanel />
            <DrillsPanel />
          </div>
          <div className="slot slot-clients">
            <ClientsPanel />
          </div>
          <div className="slot slot-instances">
            <InstancesPanel />
          </div>
          <div className="slot slot-tg">
            <TargetGroupPanel />
          </div>
          <div className="slot slot-listener">
            <ListenerPanel />
          </div>
        </div>
      </main>
    </div>
  )
}
