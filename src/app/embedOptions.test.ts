// The embed options parser: defaults, every option, and readable warnings (never a throw) for bad values.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SLOT_NAMES } from '../view/embedSnippet'
import { DEFAULT_EMBED_OPTIONS, parseEmbedOptions } from './embedOptions'

describe('parseEmbedOptions', () => {
  it('gives the defaults for a plain address', () => {
    expect(parseEmbedOptions('')).toEqual({ options: DEFAULT_EMBED_OPTIONS, warnings: [] })
    expect(parseEmbedOptions('?lesson=cookie-demo&step=2').warnings).toEqual([])
  })

  it('reads every option', () => {
    const { options, warnings } = parseEmbedOptions(
      '?embed=1&panels=clients,topology&theme=dark&autoplay=0&host=https://courses.example.com',
    )
    expect(warnings).toEqual([])
    expect(options).toEqual({
      embed: true,
      // The type chooser was part of the picture before it had a slot: a link naming the picture keeps it.
      panels: ['topology', 'clients', 'lbtype'],
      theme: 'dark',
      autoplay: false,
      host: 'https://courses.example.com',
    })
  })

  it('accepts true/false, any case and stray spaces', () => {
    const { options, warnings } = parseEmbedOptions(
      '?embed=TRUE&autoplay=false&theme=Light&panels= TG , Listener ',
    )
    expect(warnings).toEqual([])
    expect(options).toMatchObject({
      embed: true,
      autoplay: false,
      theme: 'light',
      panels: ['tg', 'listener'],
    })
  })

  it('ignores bad flags and themes with a warning each', () => {
    const { options, warnings } = parseEmbedOptions('?embed=yes&autoplay=2&theme=blue')
    expect(options).toMatchObject({ embed: false, autoplay: true, theme: null })
    expect(warnings).toEqual([
      'embed="yes" is not 0 or 1; it was ignored.',
      'theme="blue" is not light or dark; the reader\'s system setting is used.',
      'autoplay="2" is not 0 or 1; it was ignored.',
    ])
  })

  it('drops unknown panels, and shows every panel when none is known', () => {
    const some = parseEmbedOptions('?panels=topology,sidebar,clients,clients')
    expect(some.options.panels).toEqual(['topology', 'clients', 'lbtype'])
    expect(some.warnings).toEqual([
      `panels=: "sidebar" is not a panel; the panels are ${SLOT_NAMES.join(', ')}.`,
    ])
    const none = parseEmbedOptions('?panels=foo,bar')
    expect(none.options.panels).toBeNull()
    expect(none.warnings[0]).toMatch(/^panels=: "foo", "bar" are not panels/)
    expect(none.warnings[1]).toBe('panels= names no known panel, so every panel is shown.')
    expect(parseEmbedOptions('?panels=').options.panels).toBeNull()
  })

  it('only offers the slots the page has', () => {
    const available = SLOT_NAMES.filter((s) => s !== 'timeline')
    const r = parseEmbedOptions('?panels=timeline,clients', '', available)
    expect(r.options.panels).toEqual(['clients'])
    expect(r.warnings[0]).toMatch(/"timeline" is not a panel/)
  })

  it('takes the host origin from host=, else from the referrer', () => {
    expect(parseEmbedOptions('?host=http://127.0.0.1:4305').options.host).toBe(
      'http://127.0.0.1:4305',
    )
    expect(parseEmbedOptions('', 'https://lms.example.org/course/7?x=1').options.host).toBe(
      'https://lms.example.org',
    )
    expect(parseEmbedOptions('?host=https://a.example', 'https://b.example/').options.host).toBe(
      'https://a.example',
    )
    expect(parseEmbedOptions('', '').options.host).toBeNull()
    expect(parseEmbedOptions('', 'about:blank').options.host).toBeNull()
  })

  it('refuses a wildcard or non-http host, and trims a host with a path to its origin', () => {
    const star = parseEmbedOptions('?host=*', 'https://lms.example.org/')
    expect(star.options.host).toBe('https://lms.example.org')
    expect(star.warnings).toEqual([
      'host=* is not allowed: name the one origin of the page that embeds the lab.',
    ])
    const js = parseEmbedOptions('?host=javascript:alert(1)')
    expect(js.options.host).toBeNull()
    expect(js.warnings[0]).toMatch(/is not an http\(s\) origin/)
    const path = parseEmbedOptions('?host=https://lms.example.org/course/7')
    expect(path.options.host).toBe('https://lms.example.org')
    expect(path.warnings).toEqual([
      'host="https://lms.example.org/course/7" is more than an origin; only https://lms.example.org is used.',
    ])
    expect(parseEmbedOptions('?host=https://lms.example.org/').warnings).toEqual([])
  })

  it('shortens a long value in a warning', () => {
    const { warnings } = parseEmbedOptions(`?theme=${'x'.repeat(500)}`)
    expect(warnings[0]!.length).toBeLessThan(150)
    expect(warnings[0]).toContain('x…"')
  })

  it('never throws, whatever the address', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (search, referrer) => {
        const { options, warnings } = parseEmbedOptions(search, referrer)
        expect(typeof options.embed).toBe('boolean')
        expect(Array.isArray(warnings)).toBe(true)
      }),
    )
  })
})
