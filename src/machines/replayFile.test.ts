// The replay file: a saved lab rebuilds byte for byte, and every kind of bad file (not JSON, cut short,
// newer version, unknown action, hand-edited values, too large) is refused with a message saying what and where.
import { describe, expect, it } from 'vitest'
import { createLab, LOG_LIMIT, type Lab } from '../sim'
import {
  buildReplayLab,
  jsonErrorOffset,
  MAX_REPLAY_CHARS,
  MAX_REPLAY_ENTRIES,
  parseReplay,
  recordingProblem,
  REPLAY_FORMAT,
  serializeReplay,
  validateReplay,
} from './replayFile'

function session(): Lab {
  const lab = createLab({ seed: 7 })
  lab.addClient('alice')
  lab.modifyTargetGroupAttributes('web', {
    'stickiness.enabled': 'true',
    'stickiness.type': 'lb_cookie',
  })
  lab.request('alice', { path: '/cart/add' })
  lab.advance(1.5)
  lab.request('alice')
  lab.stopInstance(lab.history().at(-1)!.targetId!)
  lab.modifyTargetGroupAttributes('web', { 'stickiness.lb_cookie.duration_seconds': '0' }) // refused: not logged
  lab.advance(61)
  lab.request('alice')
  return lab
}

const world = (lab: Lab) => JSON.stringify(lab.snapshot())

function textOf(lab: Lab): string {
  const out = serializeReplay(lab)
  if (!out.ok) throw new Error(out.message)
  return out.text
}

function messageFor(text: string, source: 'file' | 'link' = 'file'): string {
  const out = parseReplay(text, source)
  if (out.ok) throw new Error('expected the replay to be refused')
  return out.message
}

/** A valid document with one thing changed. */
type Doc = Record<string, unknown> & { log: Record<string, unknown>[] }

function edited(change: (doc: Doc, entries: unknown[]) => void): string {
  const doc = JSON.parse(textOf(session())) as Doc
  change(doc, doc.log)
  return JSON.stringify(doc)
}

describe('serializeReplay / parseReplay', () => {
  it('round-trips a session into a byte-identical lab', () => {
    const lab = session()
    const text = textOf(lab)
    const doc = JSON.parse(text) as Record<string, unknown>
    expect(doc).toMatchObject({ format: REPLAY_FORMAT, version: 1, seed: 7 })
    expect(doc.createdWith).toMatch(/^Stickylab/)
    const parsed = parseReplay(text)
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    expect(parsed.replay.log).toEqual(lab.log())
    const rebuilt = buildReplayLab(parsed.replay)
    expect(rebuilt.ok).toBe(true)
    if (rebuilt.ok) expect(world(rebuilt.lab)).toBe(world(lab))
  })

  it('accepts a UTF-8 byte-order mark and unknown extra fields (files from newer minor versions)', () => {
    const text = edited((d) => {
      d.note = 'made in class'
      d.log[0]!.comment = 'first'
    })
    expect(parseReplay('\uFEFF' + text).ok).toBe(true)
  })

  it('says when the text is not JSON, and when it was cut short', () => {
    const text = textOf(session())
    expect(messageFor(text.slice(0, 4096 < text.length ? 4096 : text.length - 5))).toMatch(
      /^The file is not JSON: unexpected end at character \d+ \(was it cut short\?\)$/,
    )
    expect(messageFor('{"format": "stickylab-replay",\n  "seed": 1,, "log": []}')).toBe(
      `The file is not JSON: unexpected "," at line 2, column 13 (character 44).`,
    )
    expect(messageFor('{"a": "abc', 'link')).toBe(
      "The link's data is not JSON: unexpected end at character 10 (was it cut short?)",
    )
    expect(messageFor('   ')).toBe('The file is empty.')
  })

  it('names the wrong kind of document', () => {
    expect(messageFor('[1, 2]')).toBe('This file holds a list, not a Stickylab replay.')
    expect(messageFor('{"hello": 1}')).toBe(
      'This file is not a Stickylab replay: it has no "format": "stickylab-replay" field.',
    )
    expect(messageFor('{"format": "har"}', 'link')).toBe(
      'This link is not a Stickylab replay: its format is "har", not "stickylab-replay".',
    )
    expect(messageFor(JSON.stringify(createLab().snapshot()))).toMatch(
      /world snapshot, not a replay/,
    )
  })

  it('refuses a replay from a newer Stickylab, or a version that never existed', () => {
    expect(messageFor(edited((d) => (d.version = 3)))).toBe(
      'This replay was made by a newer Stickylab (version 3); this page reads version 1. Reload the page to get the latest Stickylab.',
    )
    expect(messageFor(edited((d) => (d.version = 0)))).toBe(
      'The replay has version 0, which no Stickylab has made (this page reads version 1).',
    )
  })

  it('says which entry is wrong and why', () => {
    expect(messageFor(edited((d) => (d.log[8] = { at: 70, call: 'explode', args: [] })))).toBe(
      "Entry 9 calls 'explode', which is not a lab action.",
    )
    expect(messageFor(edited((d) => delete d.log[2]!.call))).toBe(
      'Entry 3 has no "call" (the name of a lab action).',
    )
    expect(messageFor(edited((d) => (d.log[1]!.args = 'web')))).toBe(
      'Entry 2 has "args" of "web"; they must be a list (a JSON array).',
    )
    expect(messageFor(edited((d) => (d.log[0]!.at = 'noon')))).toBe(
      'Entry 1 has a time ("at") of "noon"; it must be a number of seconds.',
    )
    expect(messageFor(edited((d) => (d.log[4]!.at = 2)))).toBe(
      'Entry 6 happens at 1.5 s, before entry 5 (at 2 s): times in a replay never go backwards.',
    )
    expect(messageFor(edited((_, entries) => (entries[3] = 7)))).toBe(
      'Entry 4 is a number; each entry must be an object with "at", "call" and "args".',
    )
    expect(messageFor(edited((d) => (d.log[3]!.args = [-5])))).toBe(
      'Entry 4 moves the clock by -5; it must be a number of seconds, 0 or more.',
    )
    expect(messageFor(edited((d) => (d.seed = 'seven')))).toBe(
      `The replay's seed is "seven"; it must be a number.`,
    )
    expect(messageFor(edited((d) => Reflect.deleteProperty(d, 'log')))).toBe(
      `The replay's log is missing.`,
    )
  })

  it('refuses arguments nested absurdly deep, and clocks moved by more than a year', () => {
    let deep: unknown = 1
    for (let i = 0; i < 40; i++) deep = [deep]
    expect(messageFor(edited((d) => (d.log[2]!.args = ['alice', deep])))).toBe(
      `Entry 3 has arguments the lab would refuse: request argument 2${'[0]'.repeat(17)} is nested more than 16 levels deep.`,
    )
    // One clock move may cover at most a year, as a live call may; so may all of them together.
    expect(messageFor(edited((d) => (d.log[3]!.args = [1e12])))).toBe(
      'Entry 4 has arguments the lab would refuse: seconds must be a finite number >= 0 and at most 31622400 (366 days).',
    )
    const twoYears = edited((d) => {
      d.log[3]!.args = [366 * 86_400]
      d.log.push({ at: 1e9, call: 'advance', args: [366 * 86_400] })
    })
    expect(messageFor(twoYears)).toMatch(
      /^The replay moves the clock forward by [\d,]+ days in total; Stickylab replays at most 366 days\.$/,
    )
  })

  it('enforces the size limits before doing any work', () => {
    expect(messageFor('x'.repeat(MAX_REPLAY_CHARS + 1))).toBe(
      'The file is too large to be a Stickylab replay: 5.0 MB, and a replay may be at most 5.0 MB.',
    )
    const log = Array.from({ length: MAX_REPLAY_ENTRIES + 1 }, () => ({
      at: 0,
      call: 'advance',
      args: [0],
    }))
    const out = validateReplay({ format: REPLAY_FORMAT, version: 1, seed: 1, log })
    expect(out).toEqual({
      ok: false,
      message: "The replay's log has 200,001 entries; a replay may have at most 200,000.",
    })
  })
})

describe('jsonErrorOffset', () => {
  const valid = [
    '{"format":"stickylab-replay","version":1,"seed":1.5e3,"log":[{"at":0,"call":"request","args":["al\\"i\\u00e9ce",{"path":"/x"}]}]}',
    ' [true, false, null, -0.25, 10E-2, "", {}, []] ',
    '"just text"',
  ]
  it('agrees with JSON.parse on valid text, every cut, and every one-character change', () => {
    const parses = (t: string) => {
      try {
        JSON.parse(t)
        return true
      } catch {
        return false
      }
    }
    const replacements = [
      'x',
      '}',
      ']',
      ',',
      ':',
      '"',
      '\\',
      '1',
      ' ',
      '-',
      '.',
      'e',
      'n',
      '\u0001',
    ]
    for (const text of valid) {
      expect(jsonErrorOffset(text)).toBeNull()
      for (let cut = 0; cut < text.length; cut++) {
        const prefix = text.slice(0, cut)
        const offset = jsonErrorOffset(prefix)
        expect(offset === null, JSON.stringify(prefix)).toBe(parses(prefix))
        if (offset !== null && prefix.trim() !== '')
          expect(offset, JSON.stringify(prefix)).toBeLessThanOrEqual(prefix.length)
      }
      for (let at = 0; at < text.length; at++) {
        for (const r of replacements) {
          const changed = text.slice(0, at) + r + text.slice(at + 1)
          expect(jsonErrorOffset(changed) === null, JSON.stringify(changed)).toBe(parses(changed))
        }
      }
    }
  })

  it('points at the first wrong character, or the end when text stops early', () => {
    expect(jsonErrorOffset('{"a": [1, 2')).toBe(11)
    expect(jsonErrorOffset('{"a": [1, 2}')).toBe(11)
    expect(jsonErrorOffset('{"a": tru')).toBe(9)
    expect(jsonErrorOffset('{"a": trux}')).toBe(9)
    expect(jsonErrorOffset('{"a": 1} x')).toBe(9)
    expect(jsonErrorOffset('['.repeat(100_000))).toBe(100_000)
  })
})

describe('buildReplayLab', () => {
  it('refuses, when it is read, an entry whose arguments the lab would refuse, naming the argument', () => {
    expect(
      messageFor(
        edited((d) => (d.log[5] = { at: 1.5, call: 'launchInstance', args: [{ az: 'mars-1a' }] })),
      ),
    ).toBe(
      "Entry 6 has arguments the lab would refuse: az must be one of the load balancer's Availability Zones.",
    )
    expect(
      messageFor(
        edited(
          (d) => (d.log[5] = { at: 1.5, call: 'request', args: ['alice', { protocol: 'SCTP' }] }),
        ),
      ),
    ).toBe(
      "Entry 6 has arguments the lab would refuse: request: options.protocol must be one of TCP, UDP, ICMP, not 'SCTP'.",
    )
    expect(
      messageFor(
        edited((d) => (d.log[5] = { at: 1.5, call: 'stopInstance', args: ['i-1', 'i-2'] })),
      ),
    ).toBe(
      'Entry 6 has arguments the lab would refuse: stopInstance takes at most 1 argument, not 2.',
    )
  })

  it('reports the entry whose call throws, and returns no lab', () => {
    // Well-formed arguments the lab still refuses by throwing: a WebSocket once the load balancer is an NLB.
    const parsed = parseReplay(
      edited((d) =>
        d.log.splice(
          5,
          0,
          { at: 1.5, call: 'setLoadBalancerType', args: ['network'] },
          { at: 1.5, call: 'openWebSocket', args: ['alice'] },
        ),
      ),
    )
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    const out = buildReplayLab(parsed.replay)
    expect(out.ok).toBe(false)
    if (!out.ok)
      expect(out.message).toMatch(
        /^The replay could not be played back: entry 7 \(openWebSocket at 1\.5 s\) failed: /,
      )
  })
})

describe('recordingProblem', () => {
  it('is null while the log is complete, and explains an overflowed log', () => {
    const lab = createLab()
    expect(recordingProblem(lab, lab.log().length)).toBeNull()
    for (let i = 0; i < LOG_LIMIT + 3; i++) lab.addClient(`c${i % 5}`)
    expect(recordingProblem(lab, lab.log().length)).toMatch(
      /too long: Stickylab keeps the latest 50,000 events and has already dropped the first 3/,
    )
    const out = serializeReplay(lab)
    expect(out.ok).toBe(false)
  })
})
