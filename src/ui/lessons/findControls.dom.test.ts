// Finding lab controls by the accessible names lessons use, in a small DOM that mimics the panels.
import { beforeEach, describe, expect, it } from 'vitest'
import { disclosersOf, findControls, focusTarget, ownText, stageObjects } from './findControls'

beforeEach(() => {
  document.body.innerHTML = `
    <section aria-labelledby="tg-h"><h2 id="tg-h">Target group settings</h2>
      <fieldset role="radiogroup"><legend>Stickiness</legend>
        <label><input type="radio" name="s"> <span>Off</span></label>
        <label id="lb"><input type="radio" name="s"> <span>Duration-based (<code>lb_cookie</code>)</span></label>
      </fieldset>
      <label for="d">Stickiness duration (seconds)</label><input id="d" type="number">
      <button>Apply</button>
    </section>
    <div role="group" aria-label="i-1"><button>Stop instance</button></div>
    <div role="group" aria-label="i-2"><button>Stop instance</button></div>
    <div role="group" aria-label="Client alice"><button>Send request</button>
      <label class="x">Credentials<select><option>include</option><option>omit</option></select></label>
      <button>Delete<span class="visually-hidden"> AWSALB</span></button>
    </div>
    <section data-lesson-ui><button>Apply</button><button aria-label="Go to Apply">Apply</button></section>`
})

describe('findControls', () => {
  it('matches fieldset legends, labels (with their control), buttons and panels', () => {
    expect(findControls(document, 'Stickiness').map((e) => e.tagName)).toEqual(['FIELDSET'])
    expect(findControls(document, 'Duration-based (lb_cookie)').map((e) => e.id)).toEqual([
      'lb',
      '',
    ])
    expect(findControls(document, 'Stickiness duration (seconds)').map((e) => e.tagName)).toEqual([
      'LABEL',
      'INPUT',
    ])
    expect(findControls(document, 'Target group settings').map((e) => e.tagName)).toEqual([
      'SECTION',
    ])
    expect(findControls(document, 'Delete AWSALB')).toHaveLength(1)
    expect(findControls(document, 'Credentials').map((e) => e.className)).toEqual(['x', ''])
  })

  it('narrows by scope, and never matches the lesson panels themselves', () => {
    expect(findControls(document, 'Stop instance')).toHaveLength(2)
    const scoped = findControls(document, 'i-2 > Stop instance')
    expect(scoped).toHaveLength(1)
    expect(scoped[0]!.closest('[aria-label]')?.getAttribute('aria-label')).toBe('i-2')
    expect(findControls(document, 'Apply')).toHaveLength(1)
    expect(findControls(document, 'Target group settings > Apply')).toHaveLength(1)
    expect(findControls(document, 'Client alice > Send request')).toHaveLength(1)
    expect(findControls(document, 'Nowhere > Apply')).toEqual([])
  })

  it('a client scope names its browser on the stage when there is one, else the Clients panel card', () => {
    expect(findControls(document, 'Client alice > Send request')).toHaveLength(1)
    document.body.insertAdjacentHTML(
      'beforeend',
      '<div role="group" aria-label="alice browser"><button id="stage-send">Send request</button></div>',
    )
    expect(findControls(document, 'Client alice > Send request').map((e) => e.id)).toEqual([
      'stage-send',
    ])
    expect(findControls(document, 'Client bob > Send request')).toEqual([])
    // What the stage's browser does not carry is the Clients panel card's (issue 15: "Go to" did nothing).
    expect(findControls(document, 'Client alice > Credentials').map((e) => e.className)).toEqual(['x', ''])
  })

  it('names the buttons that disclose the closed containers a control sits in, outermost first', () => {
    document.body.insertAdjacentHTML(
      'beforeend',
      `<button id="tab" aria-controls="panel">Setup</button><button id="jump" aria-controls="jumps">Jump ahead</button>
       <div id="panel" hidden><span id="jumps" hidden><button id="plus">+30 s</button></span></div>`,
    )
    expect(disclosersOf(document.getElementById('plus')!).map((b) => b.id)).toEqual(['tab', 'jump'])
    expect(disclosersOf(document.getElementById('tab')!)).toEqual([])
  })

  it('focuses the control a label or group stands for', () => {
    const [label] = findControls(document, 'Duration-based (lb_cookie)')
    expect(focusTarget(label!)?.getAttribute('type')).toBe('radio')
    const [fieldset] = findControls(document, 'Stickiness')
    expect(focusTarget(fieldset!)?.tagName).toBe('INPUT')
    const [button] = findControls(document, 'Apply')
    expect(focusTarget(button!)).toBe(button)
  })

  it('ownText skips select options and collapses spaces', () => {
    expect(ownText(document.querySelector('label.x')!)).toBe('Credentials')
  })
})

describe('stage objects', () => {
  const stage = `
    <div data-testid="stage">
      <svg><g class="target" data-testid="topology.target.i-1"></g></svg>
      <div role="group" aria-label="alice browser"><button>Send request</button>
        <ul><li><button class="stage-chip"><span aria-hidden="true">●</span>AWSALB<span> cookie</span></button></li></ul>
      </div>
      <div role="radiogroup" aria-label="Stickiness">
        <label><input type="radio" value="off"><span>Off</span><span>: each request balanced afresh</span></label>
        <label id="stage-lb"><input type="radio" value="lb_cookie"><span>Duration-based</span></label>
      </div>
      <input aria-label="Stickiness duration in seconds">
      <button aria-label="i-1 actions">⋯</button>
    </div>`

  beforeEach(() => document.body.insertAdjacentHTML('afterbegin', stage))

  it('points at the stage, not the panels, when the page shows it', () => {
    expect(findControls(document, 'Stickiness').map((e) => e.getAttribute('aria-label'))).toEqual([
      'Stickiness',
    ])
    expect(findControls(document, 'Duration-based (lb_cookie)').map((e) => e.id)).toEqual([
      'stage-lb',
    ])
    expect(findControls(document, 'Apply').map((e) => e.tagName)).toEqual(['INPUT'])
    expect(
      findControls(document, 'Client alice > Send request')[0]!
        .closest('[aria-label]')
        ?.getAttribute('aria-label'),
    ).toBe('alice browser')
    // The Cookies panel's Delete is the cookie's chip on the browser.
    expect(findControls(document, 'Delete AWSALB').map((e) => e.className)).toEqual(['stage-chip'])
    // An instance's action is its actions menu; the instance itself is that menu and its card.
    expect(
      findControls(document, 'i-1 > Stop instance').map((e) => e.getAttribute('aria-label')),
    ).toEqual(['i-1 actions'])
    expect(findControls(document, 'i-1').map((e) => e.tagName.toLowerCase())).toEqual([
      'button',
      'g',
    ])
  })

  it('falls back to the panels for what the stage does not show', () => {
    expect(findControls(document, 'i-2 > Stop instance')).toHaveLength(1)
    expect(findControls(document, 'Target group settings').map((e) => e.tagName)).toEqual([
      'SECTION',
    ])
    expect(stageObjects(document, 'Credentials')).toEqual([])
  })
})
