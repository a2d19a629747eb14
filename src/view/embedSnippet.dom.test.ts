// The embed URL and snippet builder: defaults left out, options encoded, attributes escaped, and the
// host script checking the lab's origin.
import { describe, expect, it } from 'vitest'
import {
  buildEmbedSnippet,
  buildEmbedUrl,
  heightProblem,
  SLOT_NAMES,
  type EmbedChoice,
} from './embedSnippet'

const APP = 'https://labs.example.com/stickylab/'
const plain: EmbedChoice = {
  lesson: null,
  panels: SLOT_NAMES,
  theme: null,
  autoplay: true,
  height: 700,
}

describe('buildEmbedUrl', () => {
  it('leaves every default out', () => {
    expect(buildEmbedUrl(APP, plain)).toBe(`${APP}?embed=1`)
    expect(buildEmbedUrl(APP, { ...plain, panels: [] })).toBe(`${APP}?embed=1`)
  })

  it('encodes a lesson, panels in page order, the theme and a paused start', () => {
    const url = buildEmbedUrl(APP, {
      lesson: { id: 'cookie-demo', step: 3 },
      panels: ['clients', 'topology'],
      theme: 'dark',
      autoplay: false,
      height: 500,
    })
    expect(url).toBe(
      `${APP}?embed=1&lesson=cookie-demo&step=3&panels=topology,clients&theme=dark&autoplay=0`,
    )
    const params = new URL(url).searchParams
    expect(params.get('panels')).toBe('topology,clients')
  })

  it('treats every available slot as "all" even when the page lacks some slots', () => {
    const available = SLOT_NAMES.filter((s) => s !== 'timeline')
    expect(buildEmbedUrl(APP, { ...plain, panels: available }, available)).toBe(`${APP}?embed=1`)
    expect(buildEmbedUrl(APP, { ...plain, panels: ['timeline', 'clients'] }, available)).toBe(
      `${APP}?embed=1&panels=clients`,
    )
  })

  it('percent-encodes a lesson id that needs it', () => {
    const url = buildEmbedUrl(APP, { ...plain, lesson: { id: 'a&b c', step: 1 } })
    expect(new URL(url).searchParams.get('lesson')).toBe('a&b c')
  })
})

describe('buildEmbedSnippet', () => {
  const snippet = buildEmbedSnippet(APP, {
    ...plain,
    lesson: { id: 'why-stickiness', step: 2 },
    height: 640,
  })

  it('starts with the iframe, titled, lazy and borderless, at the chosen height', () => {
    const iframe = snippet.split('\n')[0]!
    expect(iframe).toBe(
      '<iframe src="https://labs.example.com/stickylab/?embed=1&amp;lesson=why-stickiness&amp;step=2"' +
        ' title="Stickylab: AWS sticky sessions lab" width="100%" height="640" style="border:0"' +
        ' loading="lazy" referrerpolicy="origin"></iframe>',
    )
  })

  it('adds a host script that accepts resize messages only from the lab origin', () => {
    expect(snippet).toContain('<script>')
    expect(snippet).toContain('if (event.origin !== "https://labs.example.com") return')
    expect(snippet).toContain("data.type !== 'stickylab:resize'")
    expect(snippet).toContain('docs/embedding.md')
    expect(snippet.trimEnd().endsWith('</script>')).toBe(true)
  })

  it('the host script runs and resizes only the frame that sent the message', () => {
    const script = snippet.slice(snippet.indexOf('<script>') + 8, snippet.indexOf('</script>'))
    const frames = [
      { contentWindow: { id: 1 }, style: { height: '' } },
      { contentWindow: { id: 2 }, style: { height: '' } },
    ]
    let listener: ((e: unknown) => void) | null = null
    const fakeWindow = { addEventListener: (_: string, l: (e: unknown) => void) => (listener = l) }
    const fakeDocument = { querySelectorAll: () => frames }
    new Function('window', 'document', script)(fakeWindow, fakeDocument)
    listener!({
      origin: 'https://evil.example',
      source: frames[0]!.contentWindow,
      data: { type: 'stickylab:resize', height: 10 },
    })
    listener!({
      origin: 'https://labs.example.com',
      source: frames[1]!.contentWindow,
      data: { type: 'stickylab:resize', height: 812.4 },
    })
    listener!({
      origin: 'https://labs.example.com',
      source: frames[0]!.contentWindow,
      data: { type: 'stickylab:resize', height: '9' },
    })
    expect(frames.map((f) => f.style.height)).toEqual(['', '813px'])
  })
})

describe('heightProblem', () => {
  it('accepts whole pixels in range and explains anything else', () => {
    expect(heightProblem(700)).toBeNull()
    expect(heightProblem(199)).toMatch(/between 200 and 4000/)
    expect(heightProblem(700.5)).toMatch(/whole number/)
    expect(heightProblem(Number.NaN)).toMatch(/whole number/)
  })
})
