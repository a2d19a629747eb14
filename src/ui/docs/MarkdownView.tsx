// Renders a parsed document (src/view/markdown.ts) as React elements: text stays text, links open in a new tab
// (in-page ones move within the document), and every heading and numbered fact carries its anchor as an id.
import type { MouseEvent, ReactNode } from 'react'
import type { Block, Inline, ListItem } from '../../view/markdown'
import { showInDocument } from './showInDocument'

interface Props {
  blocks: readonly Block[]
  /** Prefixes every anchor id, so two documents never share one. */
  idPrefix: string
  /** Rewrites a line's inline parts (the reference links its source tags). */
  inline?: (parts: readonly Inline[]) => readonly Inline[]
}

/** Moves within the document to an in-page link's target, leaving the address (and its #lab= links) alone. */
function jump(e: MouseEvent<HTMLAnchorElement>) {
  const target = document.getElementById(e.currentTarget.hash.slice(1))
  if (target === null) return
  e.preventDefault()
  showInDocument(target)
}

function InlineView({ parts, idPrefix }: { parts: readonly Inline[]; idPrefix: string }) {
  return parts.map((p, i) => {
    switch (p.kind) {
      case 'code':
        return <code key={i}>{p.text}</code>
      case 'strong':
        return <strong key={i}>{p.text}</strong>
      case 'link':
        return p.href.startsWith('#') ? (
          <a key={i} href={`#${idPrefix}-${p.href.slice(1)}`} onClick={jump}>
            {p.text}
          </a>
        ) : (
          <a key={i} href={p.href} target="_blank" rel="noopener noreferrer">
            {p.text}
            <span className="visually-hidden"> (opens in a new tab)</span>
          </a>
        )
      default:
        return <span key={i}>{p.text}</span>
    }
  })
}

export function MarkdownView({ blocks, idPrefix, inline = (p) => p }: Props) {
  const line = (parts: readonly Inline[]) => <InlineView parts={inline(parts)} idPrefix={idPrefix} />
  const items = (list: readonly ListItem[]): ReactNode =>
    list.map((item, i) => (
      <li key={i} id={item.anchor === null ? undefined : `${idPrefix}-${item.anchor}`} tabIndex={item.anchor === null ? undefined : -1}>
        {item.anchor !== null && <span className="doc-anchor">§{item.anchor} </span>}
        {line(item.inline)}
        {item.children.length > 0 && <ul>{items(item.children)}</ul>}
      </li>
    ))
  return blocks.map((b, i) => {
    switch (b.kind) {
      case 'heading': {
        // The dialog's own title is the h2; the document's levels sit below it.
        const Tag = (['h3', 'h3', 'h4', 'h5', 'h6', 'h6'] as const)[b.level - 1]!
        return (
          <Tag key={i} id={`${idPrefix}-${b.anchor}`} tabIndex={-1}>
            {line(b.inline)}
          </Tag>
        )
      }
      case 'paragraph':
        return <p key={i}>{line(b.inline)}</p>
      case 'quote':
        return <blockquote key={i}>{line(b.inline)}</blockquote>
      case 'code':
        return (
          <pre key={i} tabIndex={0}>
            <code>{b.text}</code>
          </pre>
        )
      case 'rule':
        return <hr key={i} />
      case 'list':
        // Numbered facts show their "§3.3" instead of the list's own number.
        return b.ordered ? (
          <ol key={i} className={b.items.some((it) => it.anchor !== null) ? 'doc-facts' : undefined}>
            {items(b.items)}
          </ol>
        ) : (
          <ul key={i}>{items(b.items)}</ul>
        )
      case 'table':
        return (
          // Focusable, so a keyboard can scroll a wide table sideways.
          <div key={i} className="doc-table" tabIndex={0}>
            <table>
              <thead>
                <tr>
                  {b.head.map((c, j) => (
                    <th key={j} scope="col">
                      {line(c)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {b.rows.map((r, j) => (
                  <tr key={j}>
                    {r.map((c, k) => (
                      <td key={k}>{line(c)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
    }
  })
}
