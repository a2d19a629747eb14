// Page layout: header, the topology picture with its time bar, and the side panels. Embedded (?embed=1) it drops
// the header, and each <Slot> shows only if the panels= option keeps it (docs/embedding.md).
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
import { TimelinePanel } from '../ui/panels/TimelinePanel'
import { NumbersPanel } from '../ui/panels/NumbersPanel'
import { LessonPanel } from '../ui/panels/LessonPanel'
import { DrillsPanel } from '../ui/panels/DrillsPanel'
import { LoadBalancerTypePanel } from '../ui/panels/LoadBalancerTypePanel'
import { ComparisonPanel } from '../ui/panels/ComparisonPanel'
import { ThemeToggle } from '../ui/components/ThemeToggle'
import { ShortcutsDialog } from '../ui/components/ShortcutsDialog'
import { EmbedDialog } from '../ui/components/EmbedDialog'
import { EmbedFooter } from '../ui/components/EmbedFooter'
import { Slot } from '../ui/components/Slot'
import { useEmbedMode } from '../ui/hooks/embedContext'
import { PictureTable } from '../ui/components/PictureTable'
import { Narrator } from '../ui/components/Narrator'
import { usePrefersReducedMotion } from '../ui/hooks/usePrefersReducedMotion'

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
      <main className="layout">
        {/* Wide screens: the picture column stays in view (sticky) while the controls scroll beside it.
            Narrow screens: one column, reordered by the slot classes so "Send request" comes right after the picture. */}
        <div className="stage" role="region" aria-label="The lab">
          <Slot name="topology">
            <LoadBalancerTypePanel />
            <TopologyCanvas />
            <PictureTable />
            <Narrator />
          </Slot>
          <Slot name="time">
            <TimeBar />
          </Slot>
          <Slot name="timeline">
            <TimelinePanel />
          </Slot>
          <Slot name="cookies">
            <CookiesPanel />
          </Slot>
          <Slot name="inspector">
            <InspectorPanel />
          </Slot>
          <Slot name="numbers">
            <NumbersPanel />
          </Slot>
        </div>
        <div className="side">
          <Slot name="learn" className="learn" aria-label="Learn" role="region">
            <LessonPanel />
            <DrillsPanel />
            <ComparisonPanel />
          </Slot>
          <Slot name="clients">
            <ClientsPanel />
          </Slot>
          <Slot name="instances">
            <InstancesPanel />
          </Slot>
          <Slot name="tg">
            <TargetGroupPanel />
          </Slot>
          <Slot name="listener">
            <ListenerPanel />
          </Slot>
        </div>
      </main>
      {embed && <EmbedFooter />}
    </div>
  )
}
