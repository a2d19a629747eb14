// A citation of the behaviour reference ("§3.3") as a link that opens the reference inside the app at that fact.
// The link's address (?doc=reference&at=3.3) opens the lab with the reference at that fact, for a new tab or a
// copied link; a plain click opens the document dialog here and leaves the address alone.
import type { MouseEvent } from 'react'
import { useDocStore } from '../../store/docStore'
import { citationAnchor, docHref } from '../../view/reference'

export function CitationLink({ citation }: { citation: string }) {
  const anchor = citationAnchor(citation)
  const openDoc = useDocStore((s) => s.openDoc)
  if (anchor === null) return <>{citation}</>
  const open = (e: MouseEvent) => {
    e.preventDefault()
    openDoc('reference', anchor)
  }
  return (
    <a href={docHref('reference', anchor)} className="citation" onClick={open} aria-haspopup="dialog">
      {citation}
    </a>
  )
}

/** "§3.3, §7 of the ALB behaviour reference", each citation a link, the reference's name too. */
export function Citations({ refs }: { refs: readonly string[] }) {
  const openDoc = useDocStore((s) => s.openDoc)
  return (
    <>
      {refs.map((r, i) => (
        <span key={r}>
          {i > 0 && ', '}
          <CitationLink citation={r} />
        </span>
      ))}{' '}
      of the{' '}
      <a
        href={docHref('reference', null)}
        aria-haspopup="dialog"
        onClick={(e) => {
          e.preventDefault()
          openDoc('reference')
        }}
      >
        ALB behaviour reference
      </a>
    </>
  )
}
