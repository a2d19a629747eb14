// A browser's cookie jar as chips: each a button named "<cookie> cookie" that opens its details, marked when the
// cookie (or the binding it carries) has expired or the next request would withhold it. The chips show the jar
// as the learner should see it: a cookie appears when the response that set it is back (view/reveal.ts).
import { lazy, Suspense, useId, useRef, useState } from 'react'
import { chipsOf, type Chip } from '../../view/stageCookies'
import { useLabTimed } from '../hooks/useLabTimed'
import { needsAwsalbcorsHint } from '../../view/bindingHint'
import './emptyShard.css'

// The details (with the cookie rules, which bring zod) load when a chip is first opened.
const ChipDetails = lazy(() => import('./ChipDetails').then((m) => ({ default: m.ChipDetails })))

export function CookieChips({ clientId, side }: { clientId: string; side: 'right' | 'below' }) {
  const chips = useLabTimed((lab) => {
    const { chips, until } = chipsOf(lab, clientId)
    return { value: chips, until }
  })
  const [open, setOpen] = useState<string | null>(null)
  const uid = useId()
  const buttons = useRef(new Map<string, HTMLButtonElement>())
  const shown = open === null ? null : (chips.find((c) => c.name === open) ?? null)
  const close = (refocus: boolean) => {
    const name = open
    setOpen(null)
    if (refocus && name !== null) buttons.current.get(name)?.focus()
  }
  const deleted = () => {
    const name = open
    setOpen(null)
    const others = chips.filter((c) => c.name !== name)
    const next = others[Math.max(0, chips.findIndex((c) => c.name === name) - 1)]
    if (next !== undefined) buttons.current.get(next.name)?.focus()
  }
  return (
    <div className="stage-jar">
      {chips.length === 0 ? (
        <p className="stage-jar-empty">No cookies yet</p>
      ) : (
        <ul className="stage-chips" aria-label={`${clientId}’s cookies`}>
          {chips.map((c) => (
            <li key={c.name}>
              <button
                type="button"
                ref={(el) => {
                  if (el) buttons.current.set(c.name, el)
                  else buttons.current.delete(c.name)
                }}
                className={`stage-chip${c.expired !== null ? ' expired' : ''}${c.withheld !== null ? ' withheld' : ''}${c.emptyShard ? ' empty-shard' : ''}`}
                aria-expanded={open === c.name}
                aria-describedby={`${uid}-${c.name}`}
                onClick={() => setOpen(open === c.name ? null : c.name)}
              >
                <span aria-hidden="true" className="stage-chip-mark">
                  {mark(c)}
                </span>
                {c.name}
                <span className="visually-hidden"> cookie</span>
              </button>
              <span id={`${uid}-${c.name}`} className="visually-hidden">
                {state(c)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {shown !== null && (
        <Suspense fallback={null}>
          <ChipDetails
            clientId={clientId}
            chip={shown}
            side={side}
            onClose={close}
            onDeleted={deleted}
            corsHint={shown.name === 'AWSALB' && needsAwsalbcorsHint(chips.map((c) => c.name))}
          />
        </Suspense>
      )}
    </div>
  )
}

/** The at-a-glance mark: expired beats withheld, which beats a plain cookie. */
function mark(c: Chip): string {
  if (c.expired !== null) return '⌛'
  if (c.withheld !== null) return '⊘'
  if (c.emptyShard) return '○'
  return '●'
}

function state(c: Chip): string {
  if (c.expired !== null) return 'Expired.'
  if (c.withheld !== null) return 'Withheld from the next request.'
  if (c.emptyShard) return 'An unused shard: its value is _remove_.'
  return 'Sent with the next request.'
}
