// A polite live region that narrates each request for screen-reader users, at most one message per second. A
// request is told when it reaches its target (revealedLab), as the picture shows it, not when it is sent.
import { useEffect, useRef, useState } from 'react'
import type * as Narration from '../../view/narration'
import { useLabActor } from '../hooks/labActorContext'
import { revealStamp } from '../../view/revealedLab'

const MIN_GAP_MS = 1000

// The sentences arrive with the first change to the lab, not with the page: requests are counted from the
// start all the same, so none made while they load goes untold.
let narration: typeof Narration | null = null
let loading: Promise<void> | null = null
const loadNarration = () => (loading ??= import('../../view/narration').then((m) => void (narration = m)))

export function Narrator() {
  const actor = useLabActor()
  const [text, setText] = useState('')
  const state = useRef({ lastId: 0, lab: actor.getSnapshot().context.lab, lastSpoke: 0, timer: 0, seen: '' })

  useEffect(() => {
    const s = state.current
    s.lastId = revealStamp(s.lab).history.at(-1)?.id ?? 0
    let disposed = false
    const speak = () => {
      s.timer = 0
      if (disposed) return
      if (narration === null) {
        void loadNarration().then(speak)
        return
      }
      const { lab } = actor.getSnapshot().context
      if (lab !== s.lab) {
        // A reset or a loaded replay starts a new story: say nothing about its old requests.
        s.lab = lab
        s.lastId = revealStamp(lab).history.at(-1)?.id ?? 0
        return
      }
      const next = narration.narrateSince(revealStamp(lab).history, s.lastId)
      if (!next) return
      s.lastId = next.lastId
      s.lastSpoke = performance.now()
      setText(next.text)
    }
    const sub = actor.subscribe((snapshot) => {
      // Frame ticks arrive 60 times a second; only a change to the lab's data or an arrival can bring news.
      const { lab } = snapshot.context
      const changes = revealStamp(lab).key
      if (lab === s.lab && changes === s.seen) return
      s.seen = changes
      if (s.timer) return
      const wait = Math.max(0, s.lastSpoke + MIN_GAP_MS - performance.now())
      s.timer = window.setTimeout(speak, wait)
    })
    return () => {
      disposed = true
      sub.unsubscribe()
      if (s.timer) window.clearTimeout(s.timer)
      s.timer = 0
    }
  }, [actor])

  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="narration">
      {text}
    </div>
  )
}
