// The documents the app shows itself, in one modal dialog: the ALB behaviour reference (drills cite its sections;
// each fact links to the AWS documentation it rests on) and the embedding guide (the Share dialog links to it).
// The Markdown sources are bundled as text in their own chunk, loaded when a document is first opened.
import { useEffect, useId, useMemo, useRef, useState } from 'react'
import { useDocStore, type DocName } from '../../store/docStore'
import { parseMarkdown, type Block } from '../../view/markdown'
import { docFromSearch, linkSourceTags, sourceLinks } from '../../view/reference'
import { MarkdownView } from './MarkdownView'
import { showInDocument } from './showInDocument'
import './DocDialog.css'

const TITLES: Readonly<Record<DocName, string>> = {
  reference: 'ALB behaviour reference',
  embedding: 'Embedding Stickylab in a course page',
}

const INTROS: Readonly<Record<DocName, string>> = {
  reference:
    'The AWS behaviour the lab simulates, fact by fact. Each fact names its sources: S-numbers link to AWS documentation, O-numbers to observations of real load balancers. Drills and lessons cite these sections.',
  embedding: 'How to put the lab in a course page, every address option, and the messages the lab and the page exchange.',
}

async function loadDoc(doc: DocName): Promise<string> {
  const m =
    doc === 'reference'
      ? await import('../../../docs/reference/alb-behavior.md?raw')
      : await import('../../../docs/embedding.md?raw')
  return m.default
}

export function DocDialog() {
  const open = useDocStore((s) => s.open)
  const closeDoc = useDocStore((s) => s.closeDoc)
  const dialogRef = useRef<HTMLDialogElement>(null)
  const bodyRef = useRef<HTMLDivElement>(null)
  const returnTo = useRef<HTMLElement | null>(null)
  const uid = useId()
  const [texts, setTexts] = useState<Partial<Record<DocName, Block[]>>>({})
  const [failed, setFailed] = useState<string | null>(null)
  const doc = open?.doc ?? null
  const blocks = doc === null ? undefined : texts[doc]

  // A link such as ?doc=reference&at=3.3 (a citation opened in a new tab) opens the document at once.
  useEffect(() => {
    const asked = docFromSearch(window.location.search)
    if (asked !== null) useDocStore.getState().openDoc(asked.doc, asked.at)
  }, [])

  useEffect(() => {
    if (doc === null || texts[doc] !== undefined) return
    let live = true
    loadDoc(doc).then(
      (text) => live && setTexts((t) => ({ ...t, [doc]: parseMarkdown(text) })),
      () => live && setFailed('The document could not be loaded. Check the connection and try again.'),
    )
    return () => {
      live = false
    }
  }, [doc, texts])

  useEffect(() => {
    const d = dialogRef.current
    if (d === null) return
    if (open !== null && !d.open) {
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null
      d.showModal()
    }
    if (open === null && d.open) d.close()
  }, [open])

  // Once the text is there, move to the cited fact (or the top) and mark it.
  useEffect(() => {
    if (open === null || blocks === undefined) return
    const body = bodyRef.current
    const target =
      open.anchor === null ? null : body?.querySelector<HTMLElement>(`[id="${uid}-${CSS.escape(open.anchor)}"]`)
    body?.querySelectorAll('.doc-cited').forEach((el) => el.classList.remove('doc-cited'))
    if (target) {
      target.classList.add('doc-cited')
      showInDocument(target)
    } else if (body) body.scrollTop = 0
  }, [open, blocks, uid])

  const sources = useMemo(() => (doc === 'reference' && blocks ? sourceLinks(blocks) : new Map<string, string>()), [doc, blocks])

  return (
    <dialog
      ref={dialogRef}
      className="dialog doc-dialog"
      aria-labelledby={`${uid}-title`}
      data-lesson-ui
      onClose={() => {
        closeDoc()
        returnTo.current?.focus()
      }}
    >
      {doc !== null && (
        <div className="doc-dialog-frame">
          <div className="doc-dialog-head">
            <h2 id={`${uid}-title`}>{TITLES[doc]}</h2>
            <button type="button" className="btn" onClick={closeDoc}>
              Close
            </button>
          </div>
          <div ref={bodyRef} className="doc-dialog-body" tabIndex={-1} data-doc-scroll>
            <p className="doc-intro">{INTROS[doc]}</p>
            {blocks === undefined ? (
              <p role="status">{failed ?? 'Loading…'}</p>
            ) : (
              <MarkdownView blocks={blocks} idPrefix={uid} inline={doc === 'reference' ? (p) => linkSourceTags(p, sources) : undefined} />
            )}
          </div>
        </div>
      )}
    </dialog>
  )
}
