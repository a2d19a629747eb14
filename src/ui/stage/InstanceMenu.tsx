// An instance's actions where it stands on the stage: a button "<id> actions" opening a menu (arrow keys, Home,
// End, Escape) with Stop/Start instance, Fail/Pass health checks and Deregister/Register: the Instances panel's
// calls. A menu keeps the stage to one control per card. Stop is an EC2 stop (the target is unused at once);
// failing health checks is the failure the load balancer has to notice.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { CLASSIC_GROUP, registrationCall, registrationCommand, selectInstancesByTargetGroup } from '../../view/selectInstances'
import { CLASSIC_GROUP_NAME } from '../../view/selectScene'
import type { Result } from '../../sim'
import type { Box } from '../../view/topology/layout'
import type { Failure } from '../panels/forms/FieldError'
import { useCan } from '../hooks/useCan'
import { useLab } from '../hooks/useLab'
import { useLabCall } from '../hooks/useLabCall'

interface Props {
  id: string
  group: string
  box: Box
  control: number
  /** The card is in the picture's left half: the menu opens rightwards, so it stays on the picture. */
  start: boolean
}

interface Item {
  label: string
  /** Whether the lab machine would take the item's command now (useCan). */
  enabled: boolean
  run: () => Result | null
  done: string
}

export function InstanceMenu({ id, group, box, control, start }: Props) {
  const call = useLabCall()
  // The picture names a Classic Load Balancer's one group "instances"; the Instances panel's rows call it CLASSIC_GROUP.
  const tg = group === CLASSIC_GROUP_NAME ? CLASSIC_GROUP : group
  const row = useLab((lab) => selectInstancesByTargetGroup(lab).find((g) => g.name === tg)?.rows.find((r) => r.id === id) ?? null)
  const [open, setOpen] = useState(false)
  const [status, setStatus] = useState('')
  const [error, setError] = useState<Failure | null>(null)
  const button = useRef<HTMLButtonElement>(null)
  const menu = useRef<HTMLDivElement>(null)
  // Asked before the early return below (hooks run on every render); a missing row asks about its id all the same.
  const running = row?.running ?? false
  const failing = row?.healthCheckFailing ?? false
  const canPower = useCan({ call: running ? 'stopInstance' : 'startInstance', args: [id] })
  const canHealth = useCan({ call: 'setHealthCheckFailing', args: [id, !failing] })
  const canRegister = useCan(registrationCommand(tg, !(row?.registered ?? false), id))

  useEffect(() => {
    if (!open) return
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]:not(:disabled)')?.focus()
    const away = (e: PointerEvent) => {
      if (!menu.current?.contains(e.target as Node) && !button.current?.contains(e.target as Node)) setOpen(false)
    }
    document.addEventListener('pointerdown', away)
    return () => document.removeEventListener('pointerdown', away)
  }, [open])

  if (row === null) return null
  const items: Item[] = [
    {
      label: row.running ? 'Stop instance' : 'Start instance',
      enabled: canPower,
      run: () => call(row.running ? 'stopInstance' : 'startInstance', id),
      done: row.running
        ? `Stopped ${id}: its target is unused (Target.InvalidState) and gets no traffic.`
        : `Started ${id}: its target goes through the initial health check.`,
    },
    {
      label: row.healthCheckFailing ? 'Pass health checks' : 'Fail health checks',
      enabled: canHealth,
      run: () => call('setHealthCheckFailing', id, !row.healthCheckFailing),
      done: `${id} now ${row.healthCheckFailing ? 'passes' : 'fails'} its health checks.`,
    },
    {
      label: row.registered ? 'Deregister' : 'Register',
      enabled: canRegister,
      run: () => {
        const [method, args] = registrationCall(tg, !row.registered, id)
        return (call as (m: string, ...a: unknown[]) => Result | null)(method, ...args)
      },
      done: row.registered ? `Deregistering ${id}.` : `Registered ${id}.`,
    },
  ]
  const close = () => {
    setOpen(false)
    button.current?.focus()
  }
  const pick = (item: Item) => {
    const r = item.run()
    const failure = r !== null && !r.ok ? r : null
    setError(failure)
    setStatus(failure === null ? item.done : '')
    close()
  }
  const keys = (e: KeyboardEvent) => {
    const all = Array.from(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not(:disabled)') ?? [])
    const at = all.indexOf(document.activeElement as HTMLElement)
    const go = (i: number) => all[(i + all.length) % all.length]?.focus()
    if (e.key === 'ArrowDown') go(at + 1)
    else if (e.key === 'ArrowUp') go(at - 1)
    else if (e.key === 'Home') go(0)
    else if (e.key === 'End') go(all.length - 1)
    else if (e.key === 'Escape') {
      e.stopPropagation()
      close()
    } else if (e.key === 'Tab') setOpen(false)
    else return
    if (e.key !== 'Tab') e.preventDefault()
  }
  const size = control
  return (
    <div className="stage-instance" style={{ left: box.x + box.w - size - 4, top: box.y + 4, width: size, height: size }}>
      <button
        ref={button}
        type="button"
        className="stage-btn icon"
        aria-label={`${id} actions`}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault()
            setOpen(true)
          }
        }}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      {open && (
        <div ref={menu} role="menu" aria-label={`${id} actions`} className={`stage-menu${start ? ' start' : ''}`} onKeyDown={keys}>
          {items.map((item) => (
            <button key={item.label} type="button" role="menuitem" tabIndex={-1} className="stage-menuitem" disabled={!item.enabled} onClick={() => pick(item)}>
              {item.label}
            </button>
          ))}
        </div>
      )}
      {error !== null && (
        <p className={`stage-error floating${start ? ' start' : ''}`} role="alert">
          <strong>{error.code}:</strong> {error.message}
        </p>
      )}
      <p className="visually-hidden" role="status">
        {status}
      </p>
    </div>
  )
}
