// Hosts the D3 topology view: React renders the <svg>, D3 draws inside it on every change of the lab.
import { memo, useEffect, useRef } from 'react'
import { layoutTopology } from '../../view/topology/layout'
import { createTopologyView } from '../../view/topology/TopologyView'
import { selectScene } from '../../view/selectScene'
import { reducedMotionOf, useUiStore } from '../../store/uiStore'
import { useLabActor } from '../hooks/labActorContext'
import { useLab } from '../hooks/useLab'
import { LOAD_BALANCER_INFO } from '../../view/loadBalancerType'
import { lastArrived } from '../../view/reveal'
import '../motion.css'

function TopologyCanvasImpl() {
  const actor = useLabActor()
  const svgRef = useRef<SVGSVGElement>(null)
  const figureRef = useRef<HTMLElement>(null)
  const summary = useLab((lab) => {
    const l = lab.listener()
    const groups = lab.targetGroups().filter((g) => l.forward.targetGroups.some((f) => f.name === g.name))
    const clients = lab.clients().length
    const info = LOAD_BALANCER_INFO[lab.loadBalancerType()]
    const registered = info.short === 'CLB' ? lab.describeInstanceHealth().length : 0
    const tgs = info.short === 'CLB' ? `${registered} registered instance${registered === 1 ? '' : 's'}` : groups.map((g) => `target group ${g.name} with ${g.targets.length} instance${g.targets.length === 1 ? '' : 's'}`).join(' and ')
    return `Topology: ${clients} client browser${clients === 1 ? '' : 's'} → ${info.title.join(' ')} (${l.protocol} listener on port ${l.port}) → ${tgs}.`
  })

  const short = useLab((lab) => LOAD_BALANCER_INFO[lab.loadBalancerType()].short)
  const decision = useLab((lab) => {
    // The lab here is revealed (useLab): the latest request that has reached its target, never one still travelling.
    const last = lastArrived(lab.history(), lab.now())
    return last ? `#${last.id} from ${last.clientId}: ${last.explanation}` : 'No request yet. Send one from a client to see how the load balancer routes it.'
  })

  useEffect(() => {
    const svg = svgRef.current
    const figure = figureRef.current
    if (!svg || !figure) return
    const view = createTopologyView(svg, {
      onSelectClient: (id) => useUiStore.getState().selectClient(id),
    })
    let frame = 0
    const draw = () => {
      frame = 0
      const ui = useUiStore.getState()
      const reducedMotion = reducedMotionOf(ui)
      const scene = selectScene(actor.getSnapshot().context.lab, { selectedClient: ui.selectedClient, selectedRequest: ui.selectedRequest })
      view.update(layoutTopology(scene, width), { reducedMotion })
    }
    // Coalesce bursts of machine events into one draw per animation frame.
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(draw)
    }
    // The arrangement follows the picture's own width, not the window's: an embed can be narrow on a wide screen,
    // and turning a phone re-lays the picture out from the same lab.
    let width = figure.clientWidth
    const resizes = new ResizeObserver(() => {
      if (figure.clientWidth === width) return
      width = figure.clientWidth
      schedule()
    })
    resizes.observe(figure)
    draw()
    const sub = actor.subscribe(schedule)
    const unsubUi = useUiStore.subscribe(schedule)
    return () => {
      if (frame) cancelAnimationFrame(frame)
      resizes.disconnect()
      sub.unsubscribe()
      unsubUi()
      view.destroy()
    }
  }, [actor])

  return (
    <figure ref={figureRef} className="topology-figure">
      <svg ref={svgRef} className="topology" role="img" aria-label={summary} data-testid="topology" />
      <figcaption className="alb-decision" data-testid="alb-decision">
        <span className="alb-decision-label">{short} decision</span> {decision}
      </figcaption>
    </figure>
  )
}

export const TopologyCanvas = memo(TopologyCanvasImpl)
