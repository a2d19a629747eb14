// The Share dialog's "Link to this exact lab": the whole recording (world, history, clock) compressed into the
// address's #lab= fragment (src/machines/shareLink.ts), opened by anyone as the identical lab, paused. A lab too
// long for a link is offered as a replay file instead. The link format is the one the timeline used to make.
import { useEffect, useId, useRef, useState } from 'react'
import { serializeReplay } from '../../machines/replayFile'
import { encodeShareFragment, shareUrl } from '../../machines/shareLink'
import { formatClock } from '../format'
import { useLabActor } from '../hooks/labActorContext'
import { downloadReplay, REPLAY_FILE_NAME } from './replayDownload'

type Problem = { message: string; offerExport: boolean }

export function ShareLink() {
  const actor = useLabActor()
  const uid = useId()
  const linkRef = useRef<HTMLInputElement>(null)
  const [share, setShare] = useState<{ url: string; at: number } | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<Problem | null>(null)
  const [status, setStatus] = useState('')

  useEffect(() => {
    if (share === null) return
    linkRef.current?.focus()
    linkRef.current?.select()
  }, [share])

  const makeLink = async () => {
    setError(null)
    setStatus('')
    setShare(null)
    const lab = actor.getSnapshot().context.lab
    const at = lab.now()
    const out = serializeReplay(lab)
    if (!out.ok) {
      setError({ message: out.message, offerExport: false })
      return
    }
    setBusy(true)
    try {
      const encoded = await encodeShareFragment(out.text)
      if (!encoded.ok) setError({ message: encoded.message, offerExport: true })
      else setShare({ url: shareUrl(window.location, encoded.fragment), at })
    } catch (e) {
      setError({
        message: `The link could not be made: ${e instanceof Error ? e.message : String(e)}. Use "Export replay" to save a file instead.`,
        offerExport: true,
      })
    } finally {
      setBusy(false)
    }
  }

  const copyLink = async () => {
    if (share === null) return
    setStatus('')
    try {
      if (navigator.clipboard?.writeText === undefined) throw new Error('no clipboard')
      await navigator.clipboard.writeText(share.url)
      setStatus('Link copied to the clipboard.')
    } catch {
      // No clipboard permission (or an insecure page): leave the link selected for the learner to copy.
      linkRef.current?.focus()
      linkRef.current?.select()
      setStatus('This browser did not allow copying: the link is selected, press Ctrl+C (⌘C on a Mac) to copy it.')
    }
  }

  const exportInstead = () => {
    const saved = downloadReplay(actor.getSnapshot().context.lab)
    setStatus(saved.ok ? `Saved ${REPLAY_FILE_NAME}: ${saved.events} events.` : '')
    if (!saved.ok) setError({ message: saved.message, offerExport: false })
  }

  return (
    <div className="share-link">
      <p className="embed-intro">
        A link that opens this lab exactly as it is now: its clients, cookies, settings, history and clock. Whoever
        opens it gets their own copy, paused; nothing is sent to a server, the lab travels inside the link.
      </p>
      <div className="embed-row">
        <button type="button" className="btn primary" disabled={busy} onClick={() => void makeLink()}>
          {busy ? 'Making link…' : 'Make link'}
        </button>
      </div>
      {share !== null && (
        <div className="share-link-made">
          <label htmlFor={`${uid}-link`}>Link to this lab (as it was at {formatClock(share.at)})</label>
          <div className="embed-row">
            <input
              id={`${uid}-link`}
              ref={linkRef}
              className="share-link-input"
              type="text"
              readOnly
              value={share.url}
              spellCheck={false}
              onFocus={(e) => e.target.select()}
            />
            <button type="button" className="btn" onClick={() => void copyLink()}>
              Copy link
            </button>
          </div>
        </div>
      )}
      <div role="alert" className="embed-error">
        {error !== null && <p>{error.message}</p>}
      </div>
      {error?.offerExport === true && (
        <button type="button" className="btn" onClick={exportInstead}>
          Export replay instead
        </button>
      )}
      <p role="status" className="embed-status" data-testid="share-status">
        {status}
      </p>
    </div>
  )
}
