// The open NLB/GWLB flows under the load balancer type switch. Loaded only when a flow-based type is chosen
// (never for the default ALB), so the startup download does not carry the flow vocabulary.
import { useId } from 'react'
import { selectFlows } from '../../view/selectFlows'
import { useLab } from '../hooks/useLab'

export function OpenFlows() {
  const uid = useId()
  const flows = useLab(selectFlows)
  return (
    <div className="lb-flows">
      <h3 id={`${uid}-flows`}>Open flows</h3>
      {flows.length === 0 ? (
        <p className="cfg-hint">None yet. A client’s first request opens a flow: a TCP connection, unless its card chooses another protocol.</p>
      ) : (
        <ul aria-labelledby={`${uid}-flows`} data-testid="open-flows">
          {flows.map((f) => (
            <li key={f.key}>
              <code>{f.text}</code>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
