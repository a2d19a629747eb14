// The behaviour reference inside the app: drills cite its sections ("§3.3"), and each fact names its sources by
// tag ("[DOC] S1"), which the reference's Sources table resolves to AWS documentation. Pure functions over the
// parsed document (src/view/markdown.ts).
import type { Block, Inline } from './markdown'

/** The in-document anchor a citation names: "§3.3" → "3.3", "§7" → "7"; null for anything else. */
export function citationAnchor(citation: string): string | null {
  const m = /^§(\d{1,2}(?:\.\d{1,2})?)$/.exec(citation.trim())
  return m ? m[1]! : null
}

/** Every anchor a document has (headings and numbered facts), so a citation can be checked before it is shown. */
export function anchorsOf(blocks: readonly Block[]): Set<string> {
  const out = new Set<string>()
  for (const b of blocks) {
    if (b.kind === 'heading') out.add(b.anchor)
    if (b.kind === 'list') for (const item of b.items) if (item.anchor !== null) out.add(item.anchor)
  }
  return out
}

/** The Sources table: each tag ("S1", "O7") and the first address its row gives. */
export function sourceLinks(blocks: readonly Block[]): Map<string, string> {
  const out = new Map<string, string>()
  for (const b of blocks) {
    if (b.kind !== 'table' || b.head[0]?.[0]?.kind !== 'text' || b.head[0][0].text !== 'Tag') continue
    for (const row of b.rows) {
      const tag = row[0]?.map((i) => ('text' in i ? i.text : '')).join('').trim() ?? ''
      const link = row[1]?.find((i): i is Extract<Inline, { kind: 'link' }> => i.kind === 'link')
      if (/^[SO]\d{1,2}$/.test(tag) && link !== undefined) out.set(tag, link.href)
    }
  }
  return out
}

const TAG = /\b([SO]\d{1,2})\b/g

/** Turns the source tags in plain text ("[DOC] S1, S2") into links to the sources they name. */
export function linkSourceTags(inline: readonly Inline[], sources: ReadonlyMap<string, string>): Inline[] {
  const out: Inline[] = []
  for (const part of inline) {
    if (part.kind !== 'text') {
      out.push(part)
      continue
    }
    let at = 0
    for (const m of part.text.matchAll(TAG)) {
      const href = sources.get(m[1]!)
      if (href === undefined) continue
      if (m.index > at) out.push({ kind: 'text', text: part.text.slice(at, m.index) })
      out.push({ kind: 'link', text: m[1]!, href })
      at = m.index + m[0].length
    }
    if (at < part.text.length) out.push({ kind: 'text', text: part.text.slice(at) })
  }
  return out
}

export const DOC_NAMES = ['reference', 'embedding'] as const
export type DocName = (typeof DOC_NAMES)[number]

/** The address that opens a document in the app (?doc=reference&at=3.3), relative to the page. */
export function docHref(doc: DocName, at: string | null): string {
  return `?doc=${doc}${at === null ? '' : `&at=${encodeURIComponent(at)}`}`
}

/** Reads ?doc= and ?at= from an address's query; anything else (or anything malformed) opens nothing. */
export function docFromSearch(search: string): { doc: DocName; at: string | null } | null {
  const params = new URLSearchParams(search)
  const doc = params.get('doc')
  if (doc !== 'reference' && doc !== 'embedding') return null
  const at = params.get('at')
  return { doc, at: at !== null && /^[a-z0-9][a-z0-9.-]{0,59}$/.test(at) ? at : null }
}
