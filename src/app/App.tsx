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
import { ThemeToggle } from '../ui/components/ThemeToggle'
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
        <ThemeToggle />
      </header>
      <main className="layout">
        <div className="stage">
          <TopologyCanvas />
          <TimeBar />
        </div>
        <div className="side">
          <ClientsPanel />
          <CookiesPanel />
          <InspectorPanel />
          <InstancesPanel />
          <TargetGroupPanel />
          <ListenerPanel />
        </div>
      </main>
    </div>
  )
}
