// A client's network-level fields, shown only under a Network or Gateway Load Balancer, where source IPs and
// flows decide the target: its source IP (and NAT group), the protocol of its flows where the load balancer
// offers a choice, and for a GWLB the destination the packets are going to. Loaded only when such a type is
// chosen, so the default ALB's startup download does not carry them.
import { useId, useState, type FormEvent } from 'react'
import type { FlowProtocol } from '../../sim'
import { effectiveProtocol, flowProtocols, type FlowChoice } from '../../view/flowRequest'
import {
  protocolHint,
  validateDestinationIp,
  validateDestinationPort,
  validateSourceIp,
} from '../../view/flowFields'
import { flowStickinessOf } from '../../view/flowStickiness'
import { natLabel } from '../../view/loadBalancerType'
import { useLab } from '../hooks/useLab'
import { useLabCall } from '../hooks/useLabCall'
import './ClientFlowFields.css'

export function ClientFlowFields({
  id,
  choice,
  onChoice,
}: {
  id: string
  choice: FlowChoice
  onChoice: (patch: Partial<FlowChoice>) => void
}) {
  const call = useLabCall()
  const sourceIp = useLab((lab) => lab.clients().find((c) => c.id === id)?.sourceIp ?? null)
  // The address is read inside the selector: useLab re-runs a selector only when the lab changes, not when props do.
  const sharing = useLab((lab) => {
    const ip = lab.clients().find((c) => c.id === id)?.sourceIp
    return lab.natGroups().find((g) => g.sourceIp === ip)?.clients.length ?? 1
  })
  const others = useLab((lab) => [
    ...new Set(
      lab
        .clients()
        .filter((c) => c.id !== id)
        .map((c) => c.sourceIp),
    ),
  ])
  const lb = useLab((lab) => {
    const listener = lab.listener()
    const forwarded = listener.forward.targetGroups[0]?.name
    const group = lab.targetGroups().find((g) => g.name === forwarded)
    return {
      type: lab.loadBalancerType(),
      protocols: flowProtocols(lab.loadBalancerType(), listener.protocol),
      stickiness: flowStickinessOf(group?.attributes ?? {}),
    }
  })
  if (sourceIp === null) return null
  const protocol = effectiveProtocol(choice, lb.protocols)
  return (
    <>
      <SourceIpField
        key={sourceIp}
        sourceIp={sourceIp}
        nat={natLabel(sourceIp, sharing)}
        others={others.filter((ip) => ip !== sourceIp)}
        onSet={(ip) => call('setClientOptions', id, { sourceIp: ip })}
      />
      {lb.protocols.length > 0 && (
        <ProtocolChoice
          protocols={lb.protocols}
          protocol={protocol}
          hint={protocolHint(lb.type, protocol, lb.stickiness)}
          onPick={(p) => onChoice({ protocol: p })}
        />
      )}
      {lb.type === 'gateway' && (
        <DestinationForm
          // A new committed destination (or protocol) starts the fields from it; drafts with errors stay put otherwise.
          key={`${choice.destinationIp}:${choice.destinationPort}`}
          choice={choice}
          icmp={protocol === 'ICMP'}
          onSet={(destinationIp, destinationPort) => onChoice({ destinationIp, destinationPort })}
        />
      )}
    </>
  )
}

/** Clients that share a source IP are behind one NAT: the load balancer cannot tell them apart by address. */
export function NatGroups() {
  const groups = useLab((lab) => lab.natGroups().filter((g) => g.clients.length > 1))
  if (groups.length === 0) return null
  return (
    <ul className="nat-groups" aria-label="Clients behind one NAT">
      {groups.map((g) => (
        <li key={g.sourceIp}>
          Behind one NAT ({g.sourceIp}): {g.clients.join(', ')}
        </li>
      ))}
    </ul>
  )
}

function SourceIpField({
  sourceIp,
  nat,
  others,
  onSet,
}: {
  sourceIp: string
  nat: string | null
  others: string[]
  onSet: (ip: string) => void
}) {
  const uid = useId()
  const [text, setText] = useState(sourceIp)
  const [error, setError] = useState<string | null>(null)
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const problem = validateSourceIp(text)
    setError(problem)
    if (problem === null && text.trim() !== sourceIp) onSet(text.trim())
  }
  return (
    <form className="source-ip" onSubmit={submit} noValidate>
      <label htmlFor={`${uid}-ip`}>Source IP</label>
      <div className="add-client-row">
        <AddressInput
          id={`${uid}-ip`}
          inputMode="decimal"
          value={text}
          onChange={setText}
          invalid={error !== null}
          describedBy={`${uid}-hint${error !== null ? ` ${uid}-error` : ''}`}
        />
        <button type="submit" className="btn">
          Set source IP
        </button>
      </div>
      <p id={`${uid}-hint`} className="hint">
        {nat === null ? 'Its own public address.' : `${nat}.`} Clients with the same address are
        behind one NAT
        {others.length > 0 ? ` (other addresses in use: ${others.join(', ')})` : ''}.
      </p>
      <Problem id={`${uid}-error`} message={error} />
    </form>
  )
}

function ProtocolChoice({
  protocols,
  protocol,
  hint,
  onPick,
}: {
  protocols: readonly FlowProtocol[]
  protocol: FlowProtocol
  hint: string
  onPick: (p: FlowProtocol) => void
}) {
  const uid = useId()
  return (
    <fieldset className="flow-protocol" role="radiogroup" aria-describedby={`${uid}-hint`}>
      <legend>Protocol</legend>
      <div className="radio-row">
        {protocols.map((p) => (
          <label key={p} className="radio">
            <input
              type="radio"
              name={`${uid}-protocol`}
              value={p}
              checked={p === protocol}
              onChange={() => onPick(p)}
            />
            {p}
          </label>
        ))}
      </div>
      <p id={`${uid}-hint`} className="hint" data-testid="protocol-hint">
        {hint}
      </p>
    </fieldset>
  )
}

function DestinationForm({
  choice,
  icmp,
  onSet,
}: {
  choice: FlowChoice
  icmp: boolean
  onSet: (ip: string, port: number) => void
}) {
  const uid = useId()
  const [ip, setIp] = useState(choice.destinationIp)
  const [port, setPort] = useState(String(choice.destinationPort))
  const [errors, setErrors] = useState<{ ip: string | null; port: string | null }>({
    ip: null,
    port: null,
  })
  const submit = (e: FormEvent) => {
    e.preventDefault()
    // ICMP ignores the port, so a port typed meanwhile is neither checked nor used.
    const next = {
      ip: validateDestinationIp(ip),
      port: icmp ? null : validateDestinationPort(port),
    }
    setErrors(next)
    if (next.ip !== null || next.port !== null) return
    onSet(ip.trim(), icmp ? choice.destinationPort : Number(port.trim()))
  }
  const described = (field: 'ip' | 'port') =>
    `${uid}-dest-hint${errors[field] !== null ? ` ${uid}-${field}-error` : ''}`
  return (
    <form className="flow-destination" onSubmit={submit} noValidate>
      <div className="flow-destination-fields">
        <TextField
          id={`${uid}-ip`}
          label="Destination IP"
          inputMode="decimal"
          value={ip}
          onChange={setIp}
          invalid={errors.ip !== null}
          describedBy={described('ip')}
        />
        <TextField
          id={`${uid}-port`}
          className="flow-destination-port"
          label="Destination port"
          inputMode="numeric"
          value={port}
          disabled={icmp}
          onChange={setPort}
          invalid={errors.port !== null}
          describedBy={described('port')}
        />
        <button type="submit" className="btn">
          Set destination
        </button>
      </div>
      <p id={`${uid}-dest-hint`} className="hint" data-testid="destination-hint">
        {icmp
          ? `ICMP packets go to ${choice.destinationIp}; ICMP has no ports.`
          : `Packets go to ${choice.destinationIp}:${choice.destinationPort} through an appliance.`}
      </p>
      <Problem id={`${uid}-ip-error`} message={errors.ip} />
      {!icmp && <Problem id={`${uid}-port-error`} message={errors.port} />}
    </form>
  )
}

interface AddressInputProps {
  id: string
  inputMode: 'decimal' | 'numeric'
  value: string
  onChange: (value: string) => void
  invalid: boolean
  describedBy: string
  disabled?: boolean
}

/** A text input for an address or a port: no spelling or autocomplete help, problems announced by description. */
function AddressInput(props: AddressInputProps) {
  return (
    <input
      id={props.id}
      type="text"
      inputMode={props.inputMode}
      autoComplete="off"
      spellCheck={false}
      value={props.value}
      disabled={props.disabled}
      onChange={(e) => props.onChange(e.target.value)}
      aria-invalid={props.invalid}
      aria-describedby={props.describedBy}
    />
  )
}

/** One labelled field of the destination form. */
function TextField({
  label,
  className,
  ...input
}: AddressInputProps & { label: string; className?: string }) {
  return (
    <div className={className === undefined ? 'flow-field' : `flow-field ${className}`}>
      <label htmlFor={input.id}>{label}</label>
      <AddressInput {...input} />
    </div>
  )
}

/** A field's problem in plain words, announced as an alert; what was typed stays in the field. */
function Problem({ id, message }: { id: string; message: string | null }) {
  if (message === null) return null
  return (
    <p id={id} className="field-error" role="alert">
      {message}
    </p>
  )
}
