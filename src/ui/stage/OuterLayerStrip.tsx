// The outer ALB layer on the stage (issue 19 item 5): under the picture, the latest request's path through both
// layers and the response's AWSALB Set-Cookie lines — struck through where the browser dropped one because the
// other layer's line of the same name came later.
import { useLab } from '../hooks/useLab'
import { lastArrived } from '../../view/reveal'
import { outerStrip } from '../../view/outerLayerStrip'
import './outerLayerStrip.css'

export function OuterLayerStrip() {
  const enabled = useLab((lab) => lab.outerLayer() !== null)
  const strip = useLab((lab) => outerStrip(lastArrived(lab.history(), lab.now())))
  if (!enabled) return null
  return (
    <section className="outer-strip" data-testid="outer-layer" aria-label="Outer ALB layer">
      <p className="outer-strip-head">
        <strong>Outer ALB</strong>{' '}
        {strip === null
          ? 'in front: no request has passed it yet.'
          : `(${strip.mode}): ${strip.path}`}
        {strip !== null && strip.mode !== 'stickiness off'
          ? strip.sticky
            ? ' · outer layer sticky'
            : ' · outer layer not sticky'
          : null}
      </p>
      {strip !== null && strip.lines.length > 0 ? (
        <ul className="outer-strip-lines" aria-label="AWSALB Set-Cookie lines in the response">
          {strip.lines.map((l, i) => (
            <li key={i} className={l.kept ? 'kept' : 'dropped'}>
              <span aria-hidden="true">{l.kept ? '✓' : '✗'}</span> Set-Cookie {l.text}{' '}
              <span className="outer-strip-from">
                from {l.from} —{' '}
                {l.kept ? 'kept by the browser' : 'overwritten (same name, earlier line)'}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  )
}
