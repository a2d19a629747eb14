// A small Markdown reader for the documents the app shows itself (the ALB behaviour reference, the embedding
// guide): headings, paragraphs, lists, tables, code blocks and quotes, with `code`, **bold**, [links](url) and
// bare URLs inline. It returns data, never HTML: the page renders it as text, so nothing in a document can run.
// Anchors: a heading "## 3. Duration-based…" is `3`, and item n of the numbered list under it is `3.n`, which
// is how drills cite the reference ("§3.3"); other headings get a slug of their text.

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'strong'; text: string }
  | { kind: 'link'; text: string; href: string }

export interface ListItem {
  inline: Inline[]
  /** The citation anchor of a numbered item under a numbered heading ("3.3"), else null. */
  anchor: string | null
  children: ListItem[]
}

export type Block =
  | { kind: 'heading'; level: number; inline: Inline[]; anchor: string }
  | { kind: 'paragraph'; inline: Inline[] }
  | { kind: 'list'; ordered: boolean; items: ListItem[] }
  | { kind: 'table'; head: Inline[][]; rows: Inline[][][] }
  | { kind: 'code'; text: string }
  | { kind: 'quote'; inline: Inline[] }
  | { kind: 'rule' }

const INLINE = /(`[^`]+`)|(\*\*[^*]+\*\*)|(\[[^\]]+\]\([^)\s]+\))|(https?:\/\/[^\s)|>]+[^\s)|>.,;:])/g

/** Splits a line of text into plain text, code, bold and links. Only http(s) and in-page links are kept as links. */
export function parseInline(line: string): Inline[] {
  const out: Inline[] = []
  let at = 0
  for (const m of line.matchAll(INLINE)) {
    if (m.index > at) out.push({ kind: 'text', text: line.slice(at, m.index) })
    const [whole, code, strong, link, url] = m
    if (code !== undefined) out.push({ kind: 'code', text: code.slice(1, -1) })
    // Bold text is shown plain inside; code marks in it ("Visible `Expires`") are dropped.
    else if (strong !== undefined) out.push({ kind: 'strong', text: strong.slice(2, -2).replace(/`/g, '') })
    else if (link !== undefined) {
      const [, text = '', href = ''] = /^\[([^\]]+)\]\(([^)\s]+)\)$/.exec(link) ?? []
      out.push(safeHref(href) ? { kind: 'link', text, href } : { kind: 'text', text })
    } else if (url !== undefined) out.push({ kind: 'link', text: url, href: url })
    at = m.index + whole.length
  }
  if (at < line.length) out.push({ kind: 'text', text: line.slice(at) })
  return out
}

function safeHref(href: string): boolean {
  return /^https?:\/\//.test(href) || href.startsWith('#')
}

/** A heading's anchor: its section number when it has one ("3" for "3. Duration…"), else a slug. */
export function headingAnchor(text: string): string {
  const numbered = /^(\d{1,2})\.\s/.exec(text)
  if (numbered) return numbered[1]!
  return text
    .toLowerCase()
    .replace(/[`*]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}

const LIST_ITEM = /^(\s*)(?:([-*])|(\d{1,3})\.)\s+(.*)$/

function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => c.trim())
}

/** Reads a whole document into blocks. */
export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n')
  const blocks: Block[] = []
  let section: string | null = null
  let i = 0
  while (i < lines.length) {
    const line = lines[i]!
    if (line.trim() === '') {
      i++
      continue
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line)
    if (heading) {
      const text = heading[2]!.trim()
      const anchor = headingAnchor(text)
      if (heading[1]!.length <= 2) section = /^\d+$/.test(anchor) ? anchor : null
      blocks.push({ kind: 'heading', level: heading[1]!.length, inline: parseInline(text), anchor })
      i++
    } else if (line.startsWith('```')) {
      const body: string[] = []
      i++
      while (i < lines.length && !lines[i]!.startsWith('```')) body.push(lines[i++]!)
      i++
      blocks.push({ kind: 'code', text: body.join('\n') })
    } else if (/^(-{3,}|\*{3,})\s*$/.test(line)) {
      blocks.push({ kind: 'rule' })
      i++
    } else if (line.trimStart().startsWith('|')) {
      const rows: string[][] = []
      while (i < lines.length && lines[i]!.trimStart().startsWith('|')) rows.push(cells(lines[i++]!))
      const body = rows.slice(1).filter((r) => !r.every((c) => /^:?-{2,}:?$/.test(c)))
      blocks.push({ kind: 'table', head: rows[0]!.map(parseInline), rows: body.map((r) => r.map(parseInline)) })
    } else if (line.startsWith('>')) {
      const body: string[] = []
      while (i < lines.length && lines[i]!.startsWith('>')) body.push(lines[i++]!.replace(/^>\s?/, ''))
      blocks.push({ kind: 'quote', inline: parseInline(body.join(' ')) })
    } else if (LIST_ITEM.test(line)) {
      const { block, next } = readList(lines, i, section)
      blocks.push(block)
      i = next
    } else {
      const body: string[] = []
      while (i < lines.length && lines[i]!.trim() !== '' && !startsBlock(lines[i]!)) body.push(lines[i++]!.trim())
      blocks.push({ kind: 'paragraph', inline: parseInline(body.join(' ')) })
    }
  }
  return blocks
}

function startsBlock(line: string): boolean {
  return /^(#{1,6}\s|```|>|\s*\|)/.test(line) || LIST_ITEM.test(line) || /^(-{3,}|\*{3,})\s*$/.test(line)
}

/** A list and its nested lists (deeper indentation); continuation lines join their item. */
function readList(lines: string[], start: number, section: string | null): { block: Block; next: number } {
  const first = LIST_ITEM.exec(lines[start]!)!
  const indent = first[1]!.length
  const ordered = first[3] !== undefined
  const items: ListItem[] = []
  let i = start
  while (i < lines.length) {
    const line = lines[i]!
    if (line.trim() === '') {
      // A blank line ends the list unless the next line carries on at this depth or deeper.
      const next = lines[i + 1]
      if (next !== undefined && LIST_ITEM.test(next) && LIST_ITEM.exec(next)![1]!.length >= indent) {
        i++
        continue
      }
      break
    }
    const m = LIST_ITEM.exec(line)
    const depth = m ? m[1]!.length : line.length - line.trimStart().length
    if (m && depth === indent) {
      const anchor = ordered && section !== null && indent === 0 ? `${section}.${m[3]}` : null
      items.push({ inline: parseInline(m[4]!), anchor, children: [] })
      i++
    } else if (m && depth > indent && items.length > 0) {
      const nested = readList(lines, i, section)
      if (nested.block.kind === 'list') items.at(-1)!.children.push(...nested.block.items.map((it) => ({ ...it, anchor: null })))
      i = nested.next
    } else if (!m && depth > indent && items.length > 0) {
      items.at(-1)!.inline.push({ kind: 'text', text: ' ' }, ...parseInline(line.trim()))
      i++
    } else break
  }
  return { block: { kind: 'list', ordered, items }, next: i }
}
