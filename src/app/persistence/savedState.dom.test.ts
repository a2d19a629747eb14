// Saved state read back from localStorage: valid data restores, and every malformed, truncated, oversized,
// foreign, newer or hostile value is refused with a plain sentence (never thrown).
import { describe, expect, it } from 'vitest'
import { createDefaultLab } from '../createApp'
import { readPrefs, type Prefs } from './savedState'
import { readSavedLab } from './savedLab'
import { savedThemeHint } from './savedStorage'
import { replayOf } from '../../machines/replayFile'

const PREFS: Prefs = {
  version: 1,
  theme: 'dark',
  motion: 'reduce',
  speed: 5,
  selectedClient: 'alice',
  xray: true,
}

function savedLabText(): string {
  const lab = createDefaultLab(7)
  lab.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'true' })
  lab.request('alice')
  lab.advance(12.5)
  lab.request('alice')
  const made = replayOf(lab)
  if (!made.ok) throw new Error(made.message)
  return JSON.stringify(made.replay)
}

describe('readPrefs', () => {
  it('restores what was saved, and absent is absent', () => {
    expect(readPrefs(JSON.stringify(PREFS))).toEqual({ status: 'ok', value: PREFS })
    expect(readPrefs(null)).toEqual({ status: 'absent' })
  })

  it.each<[string, RegExp]>([
    ['', /not valid JSON/],
    ['{"version":1,"theme":"da', /not valid JSON/],
    ['null', /expected shape/],
    ['[]', /expected shape/],
    ['"dark"', /expected shape/],
    [JSON.stringify({ ...PREFS, version: 2 }), /newer Stickylab \(version 2\)/],
    [JSON.stringify({ ...PREFS, version: '1' }), /something other than this Stickylab/],
    [JSON.stringify({ ...PREFS, theme: 'neon' }), /field "theme"/],
    [JSON.stringify({ ...PREFS, theme: '<img src=x onerror=alert(1)>' }), /field "theme"/],
    [JSON.stringify({ ...PREFS, speed: 1e9 }), /speed of 1000000000×/],
    [JSON.stringify({ ...PREFS, speed: '5' }), /field "speed"/],
    [JSON.stringify({ ...PREFS, selectedClient: 'x'.repeat(65) }), /field "selectedClient"/],
    [JSON.stringify({ ...PREFS, xray: 'yes' }), /field "xray"/],
    [JSON.stringify({ ...PREFS, motion: undefined }), /field "motion"/],
    [JSON.stringify({ ...PREFS, pad: 'x'.repeat(5000) }), /far more than Stickylab writes/],
  ])('refuses %j', (raw, message) => {
    const r = readPrefs(raw)
    expect(r.status).toBe('bad')
    if (r.status === 'bad') expect(r.problem).toMatch(message)
  })
})

describe('savedThemeHint (read before the first paint, without the schema)', () => {
  it('takes only an exact light or dark theme from a version-1 record', () => {
    expect(savedThemeHint(JSON.stringify(PREFS))).toBe('dark')
    expect(savedThemeHint(JSON.stringify({ ...PREFS, theme: 'light' }))).toBe('light')
    // The rest of the record is not looked at: readPrefs reports it just after the first paint.
    expect(savedThemeHint(JSON.stringify({ ...PREFS, speed: 1e9 }))).toBe('dark')
  })

  it.each([
    null,
    '',
    '{"version":1,"theme":"da',
    'null',
    '"dark"',
    '["dark"]',
    JSON.stringify({ ...PREFS, theme: 'Dark' }),
    JSON.stringify({ ...PREFS, theme: '<img src=x onerror=alert(1)>' }),
    JSON.stringify({ ...PREFS, theme: ['dark'] }),
    JSON.stringify({ ...PREFS, version: 2 }),
    JSON.stringify({ ...PREFS, version: '1' }),
    JSON.stringify({ ...PREFS, pad: 'x'.repeat(5000) }),
  ])('ignores %j', (raw) => {
    expect(savedThemeHint(raw)).toBeNull()
  })
})

describe('readSavedLab', () => {
  it('rebuilds the saved lab byte for byte', () => {
    const text = savedLabText()
    const r = readSavedLab(text)
    expect(r.status).toBe('ok')
    if (r.status !== 'ok') return
    const original = createDefaultLab(7)
    original.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'true' })
    original.request('alice')
    original.advance(12.5)
    original.request('alice')
    expect(JSON.stringify(r.value.snapshot())).toBe(JSON.stringify(original.snapshot()))
  })

  it('refuses damaged, truncated, foreign, newer, hostile and unplayable labs, saying so', () => {
    const good = savedLabText()
    const doc = JSON.parse(good) as Record<string, unknown>
    const cases: [string, RegExp][] = [
      ['', /saved lab is empty/],
      [good.slice(0, good.length / 2), /saved lab is not JSON: unexpected end/],
      [good + '}', /saved lab is not JSON/],
      ['[1,2]', /saved lab holds a list/],
      [JSON.stringify({ ...doc, format: 'har' }), /format is "har"/],
      [JSON.stringify({ ...doc, version: 3 }), /newer Stickylab \(version 3\)/],
      [JSON.stringify({ ...doc, seed: 'one' }), /seed/],
      [JSON.stringify({ ...doc, log: [{ at: 0, call: 'explode', args: [] }] }), /explode/],
      [JSON.stringify({ ...doc, log: [{ at: 0, call: 'advance', args: [1e12] }] }), /at most/],
      [
        JSON.stringify({
          ...doc,
          log: [{ at: 0, call: 'request', args: [{ html: '<script>alert(1)</script>' }] }],
        }),
        // Refused when read (the command's schema), before anything is played back.
        /would refuse: request: client id must be a string, not an object/,
      ],
      [
        JSON.stringify({
          ...doc,
          log: [
            { at: 0, call: 'setLoadBalancerType', args: ['network'] },
            { at: 0, call: 'openWebSocket', args: ['alice'] },
          ],
        }),
        /could not be played back/,
      ],
      ['x'.repeat(5 * 1024 * 1024 + 1), /too large/],
    ]
    for (const [raw, message] of cases) {
      const r = readSavedLab(raw)
      expect(r.status, raw.slice(0, 80)).toBe('bad')
      if (r.status === 'bad') {
        expect(r.problem, raw.slice(0, 80)).toMatch(/^Your saved lab could not be restored\. /)
        expect(r.problem, raw.slice(0, 80)).toMatch(message)
      }
    }
  })
})
