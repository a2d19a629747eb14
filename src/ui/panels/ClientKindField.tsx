// A client's kind in the Clients panel (issue 19, item 6): browser, curl or an SDK/load tool without a cookie jar.
import { useId } from 'react'
import { CLIENT_KINDS, type ClientKind } from '../../sim'
import { CLIENT_KIND_HINT, CLIENT_KIND_LABEL } from '../../view/clientKindWords'
import { useLabCall } from '../hooks/useLabCall'

export function ClientKindField({ id, kind }: { id: string; kind: ClientKind }) {
  const call = useLabCall()
  const uid = useId()
  return (
    <>
      <label className="field-inline">
        Client kind
        <select
          value={kind}
          aria-describedby={`${uid}-kind`}
          onChange={(e) => call('setClientOptions', id, { kind: e.target.value as ClientKind })}
        >
          {CLIENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {CLIENT_KIND_LABEL[k]}
            </option>
          ))}
        </select>
      </label>
      <p id={`${uid}-kind`} className="hint">
        {CLIENT_KIND_HINT[kind]}
      </p>
    </>
  )
}
