// Every attribute of the lab's target groups and load balancer, as AWS's describe calls list them, with the
// simulator's note beside each key it accepts without acting on ("accepted; no effect in this simulator"; the
// audit behind it is docs/attributes.md). Collapsed by default: the forms above hold the settings that matter.
import { useId } from 'react'
import type { LoadBalancerType } from '../../sim'
import { noEffectNote } from '../../sim/attributes'
import { useLab } from '../hooks/useLab'
import './AttributeList.css'

interface Group {
  name: string
  protocol: string
  attributes: Record<string, string>
}

function Rows({
  attributes,
  scope,
  type,
}: {
  attributes: Record<string, string>
  scope: 'target-group' | 'load-balancer'
  type: LoadBalancerType
}) {
  return (
    <tbody>
      {Object.entries(attributes).map(([key, value]) => {
        const note = noEffectNote(scope, key, type)
        return (
          <tr key={key} data-no-effect={note !== null ? 'true' : undefined}>
            <th scope="row">
              <code>{key}</code>
            </th>
            <td>
              <code>{value === '' ? '(empty)' : value}</code>
            </td>
            <td className="attr-note">{note ?? ''}</td>
          </tr>
        )
      })}
    </tbody>
  )
}

export function AttributeList() {
  const type = useLab((lab) => lab.loadBalancerType())
  const groups = useLab((lab): Group[] =>
    lab
      .targetGroups()
      .map((g) => ({ name: g.name, protocol: g.protocol, attributes: g.attributes })),
  )
  const lbAttributes = useLab((lab) => lab.loadBalancerAttributes())
  const id = useId()
  if (type === 'classic') return null
  return (
    <details className="attr-list">
      <summary>All attributes, as describe lists them</summary>
      {groups.map((g) => (
        <table key={g.name} aria-labelledby={`${id}-${g.name}`}>
          <caption id={`${id}-${g.name}`}>
            Target group {g.name} ({g.protocol})
          </caption>
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col">Value</th>
              <th scope="col">In this lab</th>
            </tr>
          </thead>
          <Rows attributes={g.attributes} scope="target-group" type={type} />
        </table>
      ))}
      <table aria-labelledby={`${id}-lb`}>
        <caption id={`${id}-lb`}>Load balancer</caption>
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">Value</th>
            <th scope="col">In this lab</th>
          </tr>
        </thead>
        <Rows attributes={lbAttributes} scope="load-balancer" type={type} />
      </table>
      <p className="cfg-hint">
        Keys without a note change what the lab does. Set any of them with aws elbv2
        modify-target-group-attributes or modify-load-balancer-attributes in the Console.
      </p>
    </details>
  )
}
