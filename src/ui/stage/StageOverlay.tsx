// The learner's controls on the stage: real HTML buttons and radios laid over the picture at the boxes the
// layout keeps for them (src/view/topology/stageGeometry.ts), so pointer, touch, keyboard and screen readers all
// reach them. The overlay is laid out in the picture's units and scaled with it; it re-renders only when the
// picture is re-arranged, and each control subscribes narrowly to the lab.
import { useEffect, type CSSProperties } from 'react'
import { useUiStore } from '../../store/uiStore'
import type { StageGeometry } from '../../view/topology/stageGeometry'
import { boxStyle, openClients, openSettings } from './stageHelpers'
import { useAutoRefresh } from '../hooks/clientModes'
import { useLabActor } from '../hooks/labActorContext'
import { BrowserCard } from './BrowserCard'
import { InstanceMenu } from './InstanceMenu'
import { StickinessControl } from './StickinessControl'
import './stage.css'

export function StageOverlay({ geometry: g }: { geometry: StageGeometry }) {
  // Streaming runs on the virtual clock from here, so it works whether or not the Clients panel is shown.
  useAutoRefresh(useLabActor())
  // The browsers' Send request buttons now exist: the lab is interactive (the startup benchmark's mark).
  useEffect(() => useUiStore.getState().markStageReady(), [])
  const style: CSSProperties = {
    width: g.width,
    height: g.height,
    transform: g.scale === 1 ? undefined : `scale(${g.scale})`,
    ['--control' as string]: `${g.control}px`,
  }
  return (
    <div className={`stage-overlay${g.control >= 44 ? ' touch' : ''}${g.tall ? ' tall' : ''}`} style={style}>
      {g.clients.map((c) => (
        <BrowserCard key={c.id} id={c.id} colorIndex={c.colorIndex} note={c.note} box={c} tall={g.tall} />
      ))}
      {g.more !== null && (
        <div className="stage-more" style={boxStyle(g.more)}>
          <button type="button" className="stage-btn" onClick={openClients}>
            +{g.more.count.toLocaleString('en-US')} more browser{g.more.count === 1 ? '' : 's'}
          </button>
        </div>
      )}
      <div className="stage-lb" style={boxStyle(g.alb.button)}>
        <button type="button" className="stage-btn" onClick={openSettings}>
          Listener settings
        </button>
      </div>
      {g.groups.map((grp) => (
        <StickinessControl key={grp.name} group={grp.name} box={grp.controls} only={g.groups.length === 1} />
      ))}
      {g.targets.map((t) => (
        <InstanceMenu key={`${t.group}:${t.id}`} id={t.id} group={t.group} box={t} control={g.control} start={t.x + t.w / 2 < g.width / 2} />
      ))}
    </div>
  )
}
