// Hosts the stage: React renders the <svg> and, over it, the learner's controls (src/ui/stage); D3 draws inside
// the svg on every change of the lab and every frame a request travels. The picture fills its slot's width and,
// when the slot has a definite height (wide screens), its height too; otherwise it takes its natural height.
import { memo, useEffect, useRef, useState } from 'react'
import { loadComponent } from '../hooks/loadComponent'
import { layoutTopology } from '../../view/topology/layout'
import { stageGeometry, type StageGeometry } from '../../view/topology/stageGeometry'
import { createTopologyView } from '../../view/topology/TopologyView'
import { selectScene } from '../../view/selectScene'
import { reducedMotionOf, useUiStore } from '../../store/uiStore'
import { useLabActor } from '../hooks/labActorContext'
import { useLab } from '../hooks/useLab'
import { LOAD_BALANCER_INFO } from '../../view/loadBalancerType'
import { lastArrived } from '../../view/reveal'
import type { LabQueries } from '../../sim'
import '../stage/outerBox.css'
import '../motion.css'

// The stage's controls are a chunk of their own (it holds the forms' rules), so the picture is drawn at once. It
// starts loading with this module, not when the picture first has a size (by then the panels deferred to after
// the first paint could hold the browser's connections), and renders without Suspense (loadComponent.tsx). The
// placeholder is what e2e/fixtures.ts waitForLab waits out.
const StageOverlay = loadComponent(
  () => import('../stage/StageOverlay').then((m) => m.StageOverlay),
  <div className="panel-loading stage-loading" aria-hidden="true" />,
)

/** A stage area shorter than this has no height of its own (its slot is as tall as its content). */
const DEFINITE_MIN = 160

/** CloudFront and an outer ALB, when the lab puts them in front of its load balancer, for the picture's name. */
function hopsInFront(lab: LabQueries): string {
  const cdn = lab.cdn()
  const outer = lab.outerLayer()
  const cookies =
    cdn === null
      ? ''
      : cdn.cookies === 'all'
        ? 'all cookies'
        : cdn.cookies === 'none' || cdn.names.length === 0
          ? 'no cookies'
          : `only the cookies ${cdn.names.join(', ')}`
  const front = cdn === null ? '' : `CloudFront (forwards ${cookies}) → `
  if (outer === null) return front
  const sticky = OUTER_STICKINESS_WORDS[outer.stickiness]
  return `${front}an outer Application Load Balancer (${sticky}) and its ${outer.proxies.length} proxies → `
}

const OUTER_STICKINESS_WORDS = {
  off: 'stickiness off',
  lb_cookie: 'duration-based stickiness, AWSALB',
  app_cookie: 'application-based stickiness',
} as const

function TopologyCanvasImpl() {
  const actor = useLabActor()
  const svgRef = useRef<SVGSVGElement>(null)
  const areaRef = useRef<HTMLDivElement>(null)
  const [geometry, setGeometry] = useState<StageGeometry | null>(null)
  const summary = useLab((lab) => {
    const l = lab.listener()
    const groups = lab
      .targetGroups()
      .filter((g) => l.forward.targetGroups.some((f) => f.name === g.name))
    const clients = lab.clients().length
    const info = LOAD_BALANCER_INFO[lab.loadBalancerType()]
    const registered = info.short === 'CLB' ? lab.describeInstanceHealth().length : 0
    const tgs =
      info.short === 'CLB'
        ? `${registered} registered instance${registered === 1 ? '' : 's'}`
        : groups
            .map(
              (g) =>
                `target group ${g.name} with ${g.targets.length} instance${g.targets.length === 1 ? '' : 's'}`,
            )
            .join(' and ')
    return `Topology: ${clients} client browser${clients === 1 ? '' : 's'} → ${hopsInFront(lab)}${info.title.join(' ')} (${l.protocol} listener on port ${l.port}) → ${tgs}.`
  })

  const short = useLab((lab) => LOAD_BALANCER_INFO[lab.loadBalancerType()].short)
  const decision = useLab((lab) => {
    // The lab here is revealed (useLab): the latest request that has reached its target, never one still travelling.
    const last = lastArrived(lab.history(), lab.now())
    return last
      ? `#${last.id} from ${last.clientId}: ${last.explanation}`
      : 'No request yet. Send one from a client to see how the load balancer routes it.'
  })

  useEffect(() => {
    const svg = svgRef.current
    const area = areaRef.current
    if (!svg || !area) return
    const view = createTopologyView(svg, {
      onSelectClient: (id) => useUiStore.getState().selectClient(id),
    })
    let live = true
    void import('../../view/topology/motionLayer').then((m) => {
      if (live) view.setMotion(m.motionLayer)
    })
    const coarse = typeof matchMedia === 'function' ? matchMedia('(pointer: coarse)') : null
    let frame = 0
    let size: { w: number; h: number | undefined } = { w: 0, h: undefined }
    let geometryKey = ''
    let arrangedAt = ''
    const draw = () => {
      frame = 0
      const ui = useUiStore.getState()
      const reducedMotion = reducedMotionOf(ui)
      const scene = selectScene(actor.getSnapshot().context.lab, {
        selectedClient: ui.selectedClient,
        selectedRequest: ui.selectedRequest,
      })
      const layout = layoutTopology(scene, size.w, {
        ...(size.h === undefined ? {} : { height: size.h }),
        touch: coarse?.matches === true,
      })
      // Without a height of its own the area is as tall as the picture; with one, taller only if the picture must be.
      const cssHeight = layout.height * layout.scale
      const minHeight =
        size.h === undefined || cssHeight > size.h + 0.5 ? `${Math.ceil(cssHeight)}px` : ''
      if (area.style.minHeight !== minHeight) area.style.minHeight = minHeight
      view.update(layout, { reducedMotion })
      // The overlay follows the arrangement only: dots, flashes and counters never re-render React. Boxes move
      // only when the lab or the stage's size changes, so frames that merely advance the clock skip this.
      const arrangement = `${actor.getSnapshot().context.version}|${size.w}|${size.h}|${layout.control}`
      if (arrangement !== arrangedAt) {
        arrangedAt = arrangement
        const next = stageGeometry(layout)
        const key = JSON.stringify(next)
        if (key !== geometryKey) {
          geometryKey = key
          setGeometry(next)
        }
      }
    }
    // Coalesce bursts of machine events into one draw per animation frame.
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(draw)
    }
    // The arrangement follows the stage's own size, not the window's: an embed can be narrow on a wide screen,
    // and turning a phone re-lays the picture out from the same lab. The area's own height is read with the
    // picture's minimum taken off, so a slot that gives no height is told apart from one that does.
    const measure = () => {
      area.style.minHeight = ''
      const h = area.clientHeight
      size = { w: area.clientWidth, h: h >= DEFINITE_MIN ? h : undefined }
      draw()
    }
    const resizes = new ResizeObserver(() => {
      if (frame) cancelAnimationFrame(frame)
      measure()
    })
    resizes.observe(area)
    measure()
    const sub = actor.subscribe(schedule)
    const unsubUi = useUiStore.subscribe(schedule)
    coarse?.addEventListener('change', schedule)
    return () => {
      live = false
      if (frame) cancelAnimationFrame(frame)
      resizes.disconnect()
      sub.unsubscribe()
      unsubUi()
      coarse?.removeEventListener('change', schedule)
      view.destroy()
    }
  }, [actor])

  return (
    <figure className="topology-figure">
      <div ref={areaRef} className="stage-area" data-testid="stage">
        <svg
          ref={svgRef}
          className="topology"
          role="img"
          aria-label={summary}
          data-testid="topology"
        />
        {geometry !== null && <StageOverlay geometry={geometry} />}
      </div>
      <figcaption className="alb-decision" data-testid="alb-decision">
        <span className="alb-decision-label">{short} decision</span> {decision}
      </figcaption>
    </figure>
  )
}

export const TopologyCanvas = memo(TopologyCanvasImpl)
