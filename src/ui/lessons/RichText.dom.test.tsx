// Lesson prose is text, never HTML: markup and script in a lesson (or a lesson file someone edited) render as
// the characters typed, and only `backticks` become <code>.
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { RichText } from './RichText'

const render = (text: string) => {
  const host = document.createElement('div')
  host.innerHTML = renderToStaticMarkup(createElement(RichText, { text }))
  return host
}

describe('RichText', () => {
  it.each([
    '<script>alert(1)</script>',
    '<img src=x onerror="alert(1)">',
    '`<img src=x onerror=alert(1)>` in code',
    '<a href="javascript:alert(1)">click</a>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '&lt;b&gt; already escaped',
    '<svg onload=alert(1)>',
    '`unclosed <b>bold',
  ])('shows %j as text, with no element but <span>/<code>', (text) => {
    const host = render(text)
    // Matched backticks are dropped (they became <code>); every other character is kept.
    expect(host.textContent!.replaceAll('`', '')).toBe(text.replaceAll('`', ''))
    expect(
      [...host.querySelectorAll('*')].every((el) => el.tagName === 'SPAN' || el.tagName === 'CODE'),
    ).toBe(true)
    expect(host.querySelector('script, img, a, iframe, svg')).toBeNull()
  })

  it('keeps every character of the prose', () => {
    expect(render('a <b>c</b> `d<e>` f').textContent).toBe('a <b>c</b> d<e> f')
    expect(render('one ` tick').textContent).toBe('one ` tick')
  })
})
