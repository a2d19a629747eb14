// A browser on the stage: its name, Send request, Add to cart, Stream requests (one request per virtual second,
// the Clients panel's auto-refresh), and its cookie jar as chips. Requests are made exactly as the Clients
// panel makes them for this browser (its CORS and flow choices, clientModes.ts).
import { useUiStore } from '../../store/uiStore'
import type { Box } from '../../view/topology/layout'
import { DEFAULT_MODE, requestOptions, setClientMode, useClientModes } from '../hooks/clientModes'
import { useLabActor } from '../hooks/labActorContext'
import { useLabCall } from '../hooks/useLabCall'
import { CookieChips } from './CookieChips'
import { ClientKindBadge, NoJarMark } from './ClientKindBadge'
import { useLab } from '../hooks/useLab'
import { boxStyle } from './stageHelpers'
import { OTHER_SITE_LABEL } from '../../view/crossSiteWords'

interface Props {
  id: string
  colorIndex: number
  note: string | null
  box: Box
  tall: boolean
}

export function BrowserCard({ id, colorIndex, note, box, tall }: Props) {
  const actor = useLabActor()
  const call = useLabCall()
  const mode = useClientModes().get(id) ?? DEFAULT_MODE
  const streaming = mode.autoRefresh !== 0
  const kind = useLab((lab) => lab.clients().find((c) => c.id === id)?.kind ?? 'browser')
  const send = (path: string) => {
    useUiStore.getState().selectClient(id)
    call('request', id, requestOptions(mode, path, actor.getSnapshot().context.lab))
  }
  return (
    <div
      role="group"
      aria-label={kind === 'browser' ? `${id} browser` : `${id} ${kind} client`}
      className={`stage-browser client-c${colorIndex % 8}${mode.cors ? ' cross-site' : ''}`}
      style={boxStyle(box)}
    >
      {/* A browser making cross-site requests sits in a frame for the other site's page, named on its top edge. */}
      {mode.cors && (
        <span className="stage-other-site" data-testid={`other-site-${id}`}>
          page {OTHER_SITE_LABEL}
        </span>
      )}
      <p className="stage-browser-name">
        <span className="stage-browser-id">{id}</span>
        {note !== null && <span className="stage-browser-note"> · {note}</span>}
        <ClientKindBadge kind={kind} />
      </p>
      <div className="stage-browser-actions">
        <button type="button" className="stage-btn primary" onClick={() => send('/')}>
          Send request
        </button>
        <button type="button" className="stage-btn" onClick={() => send('/cart/add')}>
          Add to cart
        </button>
        <button
          type="button"
          className="stage-btn"
          aria-pressed={streaming}
          onClick={() => setClientMode(actor.getSnapshot().context.lab, id, { autoRefresh: streaming ? 0 : 1 })}
        >
          <span aria-hidden="true" className="stage-stream-mark">
            {streaming ? '■' : '▶'}
          </span>{' '}
          Stream<span className="visually-hidden"> requests</span>
        </button>
      </div>
      {kind === 'browser' ? (
        <CookieChips clientId={id} side={tall ? 'below' : 'right'} />
      ) : (
        <NoJarMark clientId={id} />
      )}
    </div>
  )
}
