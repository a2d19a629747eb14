// The page: header and the lab's slots, placed by <LabLayout> (the stage beside its dock, or phone tabs). Embedded
// (?embed=1) it drops the header, and each slot shows only if the panels= option keeps it (docs/embedding.md).
import { lazy, Suspense, useEffect, type ReactNode } from 'react'
import { useUiStore } from '../store/uiStore'
import { ThemeToggle } from '../ui/components/ThemeToggle'
import { LabLayout, STAGE_ID } from '../ui/components/LabLayout'
import { PanelFallback } from '../ui/components/PanelFallback'
import { PendingButton } from '../ui/components/PendingButton'
import { useEmbedMode } from '../ui/hooks/embedContext'
import { PictureTable } from '../ui/components/PictureTable'
import { usePrefersReducedMotion } from '../ui/hooks/usePrefersReducedMotion'
import { useLab } from '../ui/hooks/useLab'
import type { SlotName } from '../view/slotNames'
import { deferred, firstPaintDone } from './firstPaint'
import { loadComponent } from '../ui/hooks/loadComponent'
import { labReady } from './labReady'

// Loaded just after the first paint (each its own chunk, see firstPaint.ts): the lessons and drills with their
// content, the timeline with the replay file format, the Share dialog, the document dialog, the panels below the picture
// (cookies, inspector, the Numbers chart with d3-scale, instances, the target group and listener forms with their
// AWS CLI text), the clients and load balancer type panels, the picture's tables and the load test. Sending a
// request needs none of them: the picture (whose browsers carry Send request) and the clock are drawn with the page.
const LessonPanel = lazy(
  deferred(() => import('../ui/panels/LessonPanel').then((m) => ({ default: m.LessonPanel }))),
)
const DrillsPanel = lazy(
  deferred(() => import('../ui/panels/DrillsPanel').then((m) => ({ default: m.DrillsPanel }))),
)
const TimelinePanel = lazy(
  deferred(() => import('../ui/panels/TimelinePanel').then((m) => ({ default: m.TimelinePanel }))),
)
const ShareDialog = lazy(
  deferred(() => import('../ui/components/ShareDialog').then((m) => ({ default: m.ShareDialog }))),
)
// The in-app documents (the behaviour reference drills cite, the embedding guide): opened from a link, in any layout.
const DocDialog = lazy(
  deferred(() => import('../ui/docs/DocDialog').then((m) => ({ default: m.DocDialog }))),
)
const ShortcutsDialog = lazy(
  deferred(() =>
    import('../ui/components/ShortcutsDialog').then((m) => ({ default: m.ShortcutsDialog })),
  ),
)
const NumbersPanel = lazy(
  deferred(() => import('../ui/panels/NumbersPanel').then((m) => ({ default: m.NumbersPanel }))),
)
const CookiesPanel = lazy(
  deferred(() => import('../ui/panels/CookiesPanel').then((m) => ({ default: m.CookiesPanel }))),
)
const InspectorPanel = lazy(
  deferred(() =>
    import('../ui/panels/InspectorPanel').then((m) => ({ default: m.InspectorPanel })),
  ),
)
const ComparisonPanel = lazy(
  deferred(() =>
    import('../ui/panels/ComparisonPanel').then((m) => ({ default: m.ComparisonPanel })),
  ),
)
const PictureTableBody = lazy(
  deferred(() =>
    import('../ui/components/PictureTableBody').then((m) => ({ default: m.PictureTableBody })),
  ),
)
const InstancesPanel = lazy(
  deferred(() =>
    import('../ui/panels/InstancesPanel').then((m) => ({ default: m.InstancesPanel })),
  ),
)
const TargetGroupPanel = lazy(
  deferred(() =>
    import('../ui/panels/TargetGroupPanel').then((m) => ({ default: m.TargetGroupPanel })),
  ),
)
const ListenerPanel = lazy(
  deferred(() => import('../ui/panels/ListenerPanel').then((m) => ({ default: m.ListenerPanel }))),
)
const ClientsPanel = lazy(
  deferred(() => import('../ui/panels/ClientsPanel').then((m) => ({ default: m.ClientsPanel }))),
)
// The Console tab: an AWS CLI prompt with its parser and command table, loaded like every panel after the first paint.
const ConsolePanel = lazy(
  deferred(() => import('../ui/panels/ConsolePanel').then((m) => ({ default: m.ConsolePanel }))),
)
// Explain your own ALB's headers and access logs: with zod and the header readers, its own chunk.
const HeadersPanel = lazy(
  deferred(() => import('../ui/panels/HeadersPanel').then((m) => ({ default: m.HeadersPanel }))),
)
const KubernetesPanel = lazy(
  deferred(() =>
    import('../ui/panels/KubernetesPanel').then((m) => ({ default: m.KubernetesPanel })),
  ),
)
const SocketIoPanel = lazy(
  deferred(() => import('../ui/panels/SocketIoPanel').then((m) => ({ default: m.SocketIoPanel }))),
)
const LoadBalancerTypePanel = lazy(
  deferred(() =>
    import('../ui/panels/LoadBalancerTypePanel').then((m) => ({
      default: m.LoadBalancerTypePanel,
    })),
  ),
)
// The picture starts loading at once, beside the page's frame, not after it: its own chunk (with d3-selection and the
// layout) keeps the startup bundle small, and its controls arrive with it.
// The picture renders as soon as its chunk is in, without Suspense's reveal throttle (loadComponent.tsx).
// It waits for the decision sentences and the Network, Gateway and Classic families too (labReady.ts), which load
// beside it.
const TopologyCanvas = loadComponent(
  () =>
    Promise.all([import('../ui/canvases/TopologyCanvas'), labReady]).then(
      ([m]) => m.TopologyCanvas,
    ),
  <StageFallback />,
)
// The first-visit welcome: a newcomer reads it after the page is up; most visits never show it.
const Welcome = lazy(
  deferred(() => import('../ui/stage/Welcome').then((m) => ({ default: m.Welcome }))),
)
// Narration of requests for screen readers: the first request can only be sent after the first paint.
const Narrator = lazy(
  deferred(() => import('../ui/components/Narrator').then((m) => ({ default: m.Narrator }))),
)
const LoadTestSlot = lazy(deferred(() => import('./LoadTestSlot')))
// Your ALB as code: configuration export and import, with the yaml package; the HCL parser loads only when an import needs it.
const ConfigPanel = lazy(
  deferred(() => import('../ui/panels/ConfigPanel').then((m) => ({ default: m.ConfigPanel }))),
)
// "Back to your lab" while a lesson or a drill's scenario has the stage (it needs the lessons, loaded after the paint).
const BackToLabBar = lazy(
  deferred(() =>
    import('../ui/components/BackToLabBar').then((m) => ({ default: m.BackToLabBar })),
  ),
)
const EmbedFooter = lazy(
  deferred(() => import('../ui/components/EmbedFooter').then((m) => ({ default: m.EmbedFooter }))),
)

// The time bar drives the picture: it arrives with it, in its own chunk, and holds its place meanwhile.
const TimeBar = loadComponent(
  () => import('../ui/panels/TimeBar').then((m) => m.TimeBar),
  <TimeBarFallback />,
)

/** What each slot of the page shows; where it goes (column, phone tab) is in src/view/slotPlaces.ts. */
const slots: Readonly<Record<SlotName, ReactNode>> = {
  topology: (
    <>
      {/* The stage's outline entry: what its popovers' headings (h3) sit under, in every layout. */}
      <h2 className="visually-hidden">The stage</h2>
      <Suspense fallback={null}>
        <Welcome />
      </Suspense>
      <TopologyCanvas />
      <PictureTable>
        <Suspense fallback={null}>
          <PictureTableBody />
        </Suspense>
      </PictureTable>
    </>
  ),
  time: <TimeBar />,
  timeline: (
    <Suspense fallback={<PanelFallback heading="Timeline" className="timeline-panel" />}>
      <TimelinePanel />
    </Suspense>
  ),
  cookies: (
    <Suspense fallback={<PanelFallback heading="Cookies" className="cookies-panel" />}>
      <CookiesPanel />
    </Suspense>
  ),
  inspector: (
    <Suspense fallback={<PanelFallback heading="HTTP inspector" className="inspector-panel" />}>
      <InspectorPanel />
    </Suspense>
  ),
  numbers: (
    <Suspense fallback={<PanelFallback heading="Numbers" />}>
      <NumbersPanel />
    </Suspense>
  ),
  learn: (
    <div className="learn" role="region" aria-label="Learn">
      <Suspense fallback={<PanelFallback heading="Lessons" className="lesson-panel" />}>
        <LessonPanel />
      </Suspense>
      <Suspense fallback={<PanelFallback heading="Exam drills" className="drills-panel" />}>
        <DrillsPanel />
      </Suspense>
      <Suspense
        fallback={<PanelFallback heading="Compare load balancers" className="comparison-panel" />}
      >
        <ComparisonPanel />
      </Suspense>
    </div>
  ),
  clients: (
    <Suspense fallback={<PanelFallback heading="Clients" className="clients-panel" />}>
      <ClientsPanel />
    </Suspense>
  ),
  lbtype: (
    <Suspense fallback={<PanelFallback heading="Load balancer type" className="lb-type-panel" />}>
      <LoadBalancerTypePanel />
      <KubernetesPanel />
      <SocketIoPanel />
    </Suspense>
  ),
  instances: (
    <Suspense fallback={<PanelFallback heading="Instances" className="instances-panel" />}>
      <InstancesPanel />
    </Suspense>
  ),
  tg: (
    <Suspense fallback={<TargetGroupFallback />}>
      <TargetGroupPanel />
    </Suspense>
  ),
  listener: (
    <Suspense fallback={<PanelFallback heading="Listener and rules" className="listener-panel" />}>
      <ListenerPanel />
    </Suspense>
  ),
  loadtest: (
    <Suspense fallback={<PanelFallback heading="Load test" className="loadtest-panel" />}>
      <LoadTestSlot />
    </Suspense>
  ),
  console: (
    <Suspense fallback={<PanelFallback heading="Console" className="console-panel" />}>
      <ConsolePanel />
    </Suspense>
  ),
  config: (
    <Suspense fallback={<PanelFallback heading="Your ALB as code" className="config-panel" />}>
      <ConfigPanel />
    </Suspense>
  ),
  headers: (
    <Suspense fallback={<PanelFallback heading="Explain your ALB" className="headers-panel" />}>
      <HeadersPanel />
    </Suspense>
  ),
}

/** The target group panel's heading while it loads: a Classic Load Balancer has stickiness policies instead. */
function TargetGroupFallback() {
  const classic = useLab((lab) => lab.loadBalancerType() === 'classic')
  return (
    <PanelFallback
      heading={classic ? 'Stickiness policies' : 'Target group settings'}
      className="tg-panel"
    />
  )
}

/** The stage's frame while the picture loads: the same box, so nothing moves when it arrives. */
function StageFallback() {
  return (
    <figure className="topology-figure panel-loading" aria-busy="true">
      <div className="stage-area" />
    </figure>
  )
}

/** The time bar's box while it loads, so nothing below it moves when it arrives. */
function TimeBarFallback() {
  return <section className="timebar panel-loading" aria-busy="true" aria-label="Time" />
}

/** On a phone the stage is the Lab tab: open it, so the skip link has somewhere to land. */
function showStage() {
  useUiStore.getState().showPhoneTab('lab')
}

export function App() {
  const theme = useUiStore((s) => s.theme)
  const { embed } = useEmbedMode()
  usePrefersReducedMotion()
  useEffect(() => {
    document.documentElement.dataset.theme = theme
  }, [theme])
  // Children's effects (the first drawing of the picture) have run by now: the lab is interactive.
  useEffect(() => firstPaintDone(), [])
  return (
    <div className={embed ? 'app embed' : 'app'}>
      {embed ? (
        // Inside a course page the host page is the chrome; the name stays for screen readers' outline.
        <header>
          <h1 className="visually-hidden">Stickylab</h1>
        </header>
      ) : (
        <header className="app-header">
          <a className="skip-link" href={`#${STAGE_ID}`} onClick={showStage}>
            Skip to the stage
          </a>
          <h1>
            <span className="logo" aria-hidden="true">
              ◆
            </span>{' '}
            Stickylab
          </h1>
          <p className="tagline">
            See how an AWS load balancer keeps a browser stuck to one instance.
          </p>
          <Suspense fallback={<PendingButton label="Share" />}>
            <ShareDialog />
          </Suspense>
          <Suspense
            fallback={<PendingButton label="Keyboard shortcuts" className="shortcuts-button" />}
          >
            <ShortcutsDialog />
          </Suspense>
          <ThemeToggle />
        </header>
      )}
      {!embed && (
        <Suspense fallback={null}>
          <BackToLabBar />
        </Suspense>
      )}
      <LabLayout slots={slots} />
      {/* Outside the slots: requests are narrated whichever phone tab is open and whichever panels an embed shows. */}
      <Suspense fallback={null}>
        <Narrator />
      </Suspense>
      <Suspense fallback={null}>
        <DocDialog />
      </Suspense>
      {embed && (
        <Suspense fallback={null}>
          <EmbedFooter />
        </Suspense>
      )}
    </div>
  )
}
