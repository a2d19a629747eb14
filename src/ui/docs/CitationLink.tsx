// A citation of the behaviour reference ("§3.3") as a link that opens the reference inside the app at that fact.
// The link's href names the fact for people who copy it; a click opens the document dialog (UI state only) and
// leaves the address alone, whose #lab= fragment belongs to shared labs.
import type { MouseEvent } from 'react'
import { useDocStore } from '../../store/docStore'
import { citationAnchor } from '../../view/reference'

export function CitationLink({ citation }: { citation: string }) {
  const anchor = citationAnchor(citation)
  const openDoc = useDocStore((s) => s.openDoc)
  if (anchor === null) return <>{citation}</>
  const open = (e: MouseEvent) => {
    e.preventDefault()
    openDoc('reference', anchor)
  }
  return (
    <a href={`#ref-${anchor}`} className="citation" onClick={open} aria-haspopup="dialog">
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
        href="#ref-top"
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
