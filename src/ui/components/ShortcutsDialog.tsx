// Keyboard shortcuts: a global key handler plus a dialog listing them (opened with "?" or its button). Loaded
// just after the first paint (App.tsx); until then a PendingButton holds its place.
import { useEffect, useRef, useState } from 'react'
import { useUiStore } from '../../store/uiStore'
import { SHORTCUTS, shortcutFor } from '../shortcuts'
import { useLabActor } from '../hooks/labActorContext'
import { takeFocus } from './pendingButtonFocus'
import { selectTargetGroupConfigs, stickinessChoiceChanges, type StickinessChoice } from '../../view/targetGroupForm'

const STICKY_CHOICE = { stickyOff: 'off', stickyDuration: 'lb_cookie', stickyApp: 'app_cookie' } as const

/**
 * Switches the stickiness of the group the listener forwards to, exactly as the stage's radios do (the full form's
 * mapping, AWS's validation). Only an Application Load Balancer's target groups have these three modes.
 */
function setStickiness(actor: ReturnType<typeof useLabActor>, choice: StickinessChoice): void {
  const lab = actor.getSnapshot().context.lab
  if (lab.loadBalancerType() !== 'application') return
  const group = lab.listener().forward.targetGroups[0]?.name
  const config = selectTargetGroupConfigs(lab).find((c) => c.name === group)
  if (config === undefined) return
  const attributes = stickinessChoiceChanges(config, choice, lab.app().sessionCookie?.name ?? null)
  if (Object.keys(attributes).length > 0) actor.send({ type: 'lab.call', method: 'modifyTargetGroupAttributes', args: [config.name, attributes] })
}

export function ShortcutsDialog() {
  const actor = useLabActor()
  const dialogRef = useRef<HTMLDialogElement>(null)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const [open, setOpen] = useState(false)

  useEffect(() => {
    if (takeFocus('Keyboard shortcuts')) buttonRef.current?.focus()
  }, [])

  useEffect(() => {
    const d = dialogRef.current
    if (!d) return
    if (open && !d.open) d.showModal()
    if (!open && d.open) d.close()
  }, [open])

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const s = shortcutFor(e, e.target)
      if (!s) return
      const ui = useUiStore.getState()
      const client = ui.selectedClient ?? actor.getSnapshot().context.lab.clients()[0]?.id
      switch (s.action) {
        case 'toggle':
          actor.send({ type: 'sim.toggle' })
          break
        case 'step':
          actor.send({ type: 'sim.step' })
          break
        case 'send':
          if (client)
            actor.send({ type: 'lab.call', method: 'request', args: [client, { path: '/' }] })
          break
        case 'cart':
          if (client)
            actor.send({
              type: 'lab.call',
              method: 'request',
              args: [client, { path: '/cart/add' }],
            })
          break
        case 'jump30':
          actor.send({ type: 'sim.advance', seconds: 30 })
          break
        case 'theme':
          ui.setTheme(ui.theme === 'dark' ? 'light' : 'dark')
          break
        case 'help':
          setOpen(true)
          break
        case 'stickyOff':
        case 'stickyDuration':
        case 'stickyApp':
          setStickiness(actor, STICKY_CHOICE[s.action])
          break
      }
      e.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [actor])

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="btn ghost shortcuts-button"
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
      >
        Keyboard shortcuts
      </button>
      <dialog
        ref={dialogRef}
        className="dialog shortcuts"
        aria-labelledby="shortcuts-title"
        onClose={() => setOpen(false)}
      >
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <p>
          They work anywhere except while you type in a field. Tab moves between controls; Escape
          closes this dialog.
        </p>
        <table className="log">
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col">What it does</th>
            </tr>
          </thead>
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.key}>
                <td>
                  <kbd>{s.label}</kbd>
                </td>
                <td>{s.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" className="btn primary" onClick={() => setOpen(false)}>
          Close
        </button>
      </dialog>
    </>
  )
}
