// The in-app reference: every citation a drill makes opens an existing fact, the facts' source tags link to the
// AWS pages the Sources table names, and the document reader keeps hostile text as text.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { DRILLS } from '../lessons/drills'
import { parseInline, parseMarkdown } from './markdown'
import { anchorsOf, citationAnchor, linkSourceTags, sourceLinks } from './reference'

const reference = parseMarkdown(readFileSync('docs/reference/alb-behavior.md', 'utf8'))
const anchors = anchorsOf(reference)

describe('the ALB behaviour reference in the app', () => {
  it('has every section a drill cites', () => {
    const cited = new Set(DRILLS.flatMap((d) => d.refs))
    expect(cited.size).toBeGreaterThan(10)
    for (const c of cited) expect(anchors, `${c} is not in the reference`).toContain(citationAnchor(c))
  })

  it('numbers the facts of a section as drills cite them (§3.3 is the third fact of section 3)', () => {
    const section3 = reference.find((b) => b.kind === 'list' && b.items[0]?.anchor === '3.1')
    expect(section3?.kind).toBe('list')
    if (section3?.kind !== 'list') return
    const third = section3.items[2]!
    expect(third.anchor).toBe('3.3')
    expect(third.inline.map((i) => i.text).join('')).toMatch(/^Undecodable cookie/)
  })

  it('links source tags to AWS documentation', () => {
    const sources = sourceLinks(reference)
    expect(sources.get('S1')).toBe('https://docs.aws.amazon.com/elasticloadbalancing/latest/application/sticky-sessions.html')
    expect(sources.get('S7')).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//)
    const linked = linkSourceTags(parseInline('The ALB routes it. [DOC] S1, S2'), sources)
    expect(linked.filter((i) => i.kind === 'link').map((i) => i.text)).toEqual(['S1', 'S2'])
    expect(linkSourceTags(parseInline('S99 and SO1'), sources).every((i) => i.kind === 'text')).toBe(true)
  })

  it('reads citations strictly', () => {
    expect(citationAnchor('§3.3')).toBe('3.3')
    expect(citationAnchor('§17')).toBe('17')
    for (const bad of ['3.3', '§', '§3.3.1', '§x', '§3.3"><script>']) expect(citationAnchor(bad)).toBeNull()
  })
})

describe('the document reader', () => {
  it('keeps only http(s) and in-page links; the rest stays text', () => {
    const parts = parseInline('[a](javascript:alert(1)) [b](https://aws.amazon.com/x) [c](#top) <script>x</script> `<b>`')
    expect(parts.filter((p) => p.kind === 'link').map((p) => 'href' in p && p.href)).toEqual(['https://aws.amazon.com/x', '#top'])
    expect(parts.some((p) => p.kind === 'text' && p.text.includes('<script>'))).toBe(true)
    expect(parts.find((p) => p.kind === 'code')?.text).toBe('<b>')
  })

  it('reads headings, nested lists, tables and code blocks', () => {
    const blocks = parseMarkdown(
      ['# Title', '', '## 2. Things', '', '1. **One** fact', '   - a detail', '2. Two', '', '| a | b |', '|---|---|', '| 1 | 2 |', '', '```', 'x < y', '```'].join('\n'),
    )
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'heading', 'list', 'table', 'code'])
    const list = blocks[2]!
    if (list.kind !== 'list') throw new Error('not a list')
    expect(list.items.map((i) => i.anchor)).toEqual(['2.1', '2.2'])
    expect(list.items[0]!.children).toHaveLength(1)
    expect(blocks[3]).toMatchObject({ kind: 'table', rows: [[[{ text: '1' }], [{ text: '2' }]]] })
    expect(blocks[4]).toEqual({ kind: 'code', text: 'x < y' })
  })
})

describe('document links', () => {
  it('round-trips a document and a fact through the address, and refuses anything else', async () => {
    const { docHref, docFromSearch } = await import('./reference')
    expect(docHref('reference', '3.3')).toBe('?doc=reference&at=3.3')
    expect(docFromSearch(docHref('reference', '3.3'))).toEqual({ doc: 'reference', at: '3.3' })
    expect(docFromSearch('?doc=embedding')).toEqual({ doc: 'embedding', at: null })
    expect(docFromSearch('?doc=secrets&at=1')).toBeNull()
    expect(docFromSearch('?doc=reference&at=%22%3E%3Cscript%3E')).toEqual({ doc: 'reference', at: null })
    expect(docFromSearch('?lesson=cookie-demo')).toBeNull()
  })
})
