// Finds lab controls on the page by the accessible names lessons use ("Stickiness", "Send request",
// "i-2 > Stop instance"): data-control, aria-label, button and label text, fieldset legends and panel
// headings. The lesson and drill panels themselves (data-lesson-ui) and the phone tabs are never matched.
// Where the page shows the stage, a step points at the stage objects the learner acts on (stageObjects):
// a browser card, a cookie chip, an instance's actions menu, the Stickiness radios, not a panel's copy.
import { splitHighlight } from '../../lessons/controls'

const CANDIDATES =
  '[data-control],[aria-label],button,summary,label,fieldset,section[aria-labelledby]'
/** The lesson UI itself, and the phone tab bar (a tab named "Cookies" is not the Cookies panel). */
const NEVER_IN = '[data-lesson-ui],[role="tablist"]'
const SKIP_TEXT_IN = new Set(['SELECT', 'OPTION', 'TEXTAREA', 'SCRIPT', 'STYLE'])

/**
 * The element's text without the text of selects and options inside it, nor of decorations hidden from screen
 * readers (a chip's ● mark), whitespace collapsed: close to its accessible name.
 */
export function ownText(el: Element): string {
  let out = ''
  const walk = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) out += child.textContent ?? ''
      else if (
        child.nodeType === 1 &&
        !SKIP_TEXT_IN.has((child as Element).tagName) &&
        (child as Element).getAttribute('aria-hidden') !== 'true'
      )
        walk(child)
    }
  }
  walk(el)
  return out.replace(/\s+/g, ' ').trim()
}

function labelledByText(el: Element): string {
  const ids = (el.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean)
  return ids
    .map((id) => el.ownerDocument.getElementById(id))
    .map((n) => (n === null ? '' : ownText(n)))
    .join(' ')
    .trim()
}

function matches(el: Element, name: string): boolean {
  if (el.getAttribute('data-control') === name) return true
  if (el.getAttribute('aria-label') === name) return true
  switch (el.tagName) {
    case 'BUTTON':
    case 'SUMMARY':
    case 'LABEL':
      return ownText(el) === name
    case 'FIELDSET': {
      const legend = Array.from(el.children).find((c) => c.tagName === 'LEGEND')
      return legend !== undefined && ownText(legend) === name
    }
    case 'SECTION':
      return labelledByText(el) === name
    default:
      return false
  }
}

function findNamed(root: ParentNode, name: string): Element[] {
  return Array.from(root.querySelectorAll(CANDIDATES)).filter(
    (el) => el.closest(NEVER_IN) === null && matches(el, name),
  )
}

/**
 * The groups a scope names, most preferred first. "Client alice" is alice's browser on the stage ("alice browser")
 * when the page shows the stage: that is where a learner sends requests, so only it is marked and "Go to" moves
 * there, and the tab holding the Clients panel's copy of those buttons is not marked too. Controls the browser on
 * the stage does not carry (its Cookies enabled switch, its CORS switch) are the Clients panel card's, the second
 * choice; without the stage (an embed without the picture) the card is the only one.
 */
function findScopes(root: Document | Element, scope: string): Element[][] {
  const client = /^Client (.+)$/.exec(scope)
  const browsers = client === null ? [] : findNamed(root, `${client[1]} browser`)
  const named = findNamed(root, scope)
  return browsers.length > 0 ? [browsers, named] : [named]
}

/** The stage's picture and the controls drawn on it (TopologyCanvas), if the page shows it. */
export const STAGE_SELECTOR = '[data-testid="stage"]'

/** The instance menu's items (InstanceMenu.tsx): on the stage they sit behind the "<id> actions" button. */
export const INSTANCE_ACTIONS: ReadonlySet<string> = new Set([
  'Stop instance',
  'Start instance',
  'Deregister',
  'Register',
  'Fail health checks',
  'Pass health checks',
])

/** The panel's stickiness radios by the value the stage's radios carry. */
const STICKINESS_VALUES = new Map([
  ['Off', 'off'],
  ['Duration-based (lb_cookie)', 'lb_cookie'],
  ['Application-based (app_cookie)', 'app_cookie'],
])

/** Cookie controls of the Cookies panel ("Delete AWSALB", "Value of AWSALB"): the cookie's chip on the stage. */
const COOKIE_CONTROL = /^(?:Delete|Value of) (\S+)$/

function all(root: ParentNode, selector: string): Element[] {
  return Array.from(root.querySelectorAll(selector))
}

function byLabel(root: ParentNode, label: string): Element[] {
  return all(root, '[aria-label]').filter((el) => el.getAttribute('aria-label') === label)
}

/**
 * The stage objects a highlight names, when the page shows the stage; empty when the stage has none (the step
 * then points at the panels). The first is where "Go to" moves focus.
 */
export function stageObjects(doc: Document | Element, highlight: string): Element[] {
  const stage = doc.querySelector(STAGE_SELECTOR)
  if (stage === null) return []
  const { scope, name } = splitHighlight(highlight)
  const client = scope === null ? null : /^Client (.+)$/.exec(scope)
  const within: ParentNode[] =
    client !== null ? byLabel(stage, `${client[1]} browser`) : scope === null ? [stage] : []
  // A whole instance: its actions button, then its card in the picture.
  if (scope === null && /^i-\d+$/.test(name))
    return [
      ...byLabel(stage, `${name} actions`),
      ...all(stage, `[data-testid="topology.target.${name}"]`),
    ]
  // An instance's action: the "<id> actions" button, and the item itself while its menu is open.
  if (scope !== null && /^i-\d+$/.test(scope) && INSTANCE_ACTIONS.has(name)) {
    const menu = byLabel(stage, `${scope} actions`)
    return [
      ...menu.filter((el) => el.tagName === 'BUTTON'),
      ...menu.filter((el) => el.getAttribute('role') === 'menu').flatMap((m) => findNamed(m, name)),
    ]
  }
  const cookie = COOKIE_CONTROL.exec(name)
  // A cookie's chip, and the chip's own Delete / Value field while its details are open.
  if (cookie !== null)
    return within.flatMap((w) => [
      ...all(w, 'button.stage-chip').filter((b) => ownText(b) === `${cookie[1]} cookie`),
      ...findNamed(w, name),
    ])
  // The Cookies panel as a whole: the browsers' jars of chips.
  if (scope === null && name === 'Cookies') return all(stage, '.stage-jar')
  // "Stickiness > Off": a choice of the stage's one Stickiness radio group.
  const inStickiness = scope === 'Stickiness' && STICKINESS_VALUES.has(name)
  if (scope !== null && client === null && !inStickiness) return []
  if (inStickiness) within.push(stage)
  const radios = within.flatMap((w) => byLabel(w, 'Stickiness'))
  if (name === 'Stickiness') return radios
  const value = STICKINESS_VALUES.get(name)
  if (value !== undefined)
    return radios.flatMap((g) =>
      all(g, 'input[type="radio"]')
        .filter((i) => (i as HTMLInputElement).value === value)
        .map((i) => i.closest('label') ?? i),
    )
  // The stage applies a duration as it is typed (Enter): its field stands for the panel's field and Apply.
  if (name === 'Stickiness duration (seconds)' || name === 'Apply')
    return within.flatMap((w) => byLabel(w, 'Stickiness duration in seconds'))
  if (name === 'App cookie name')
    return within.flatMap((w) => byLabel(w, 'Application cookie name'))
  return within.flatMap((w) => findNamed(w, name))
}

/**
 * Every element a highlight names: the stage objects when the stage shows it, else the panels' controls, in
 * document order, with the form control a matching label points at.
 */
export function findControls(root: Document | Element, highlight: string): Element[] {
  const onStage = stageObjects(root, highlight)
  if (onStage.length > 0) return onStage
  return findInPanels(root, highlight)
}

function findInPanels(root: Document | Element, highlight: string): Element[] {
  const { scope, name } = splitHighlight(highlight)
  const choices: ParentNode[][] = scope === null ? [[root]] : findScopes(root, scope)
  for (const scopes of choices) {
    const found = new Set<Element>()
    for (const s of scopes) {
      for (const el of findNamed(s, name)) {
        found.add(el)
        if (el instanceof HTMLLabelElement && el.control !== null) found.add(el.control)
      }
    }
    if (found.size > 0) return Array.from(found)
  }
  return []
}

/**
 * The buttons that disclose the closed containers (`hidden`, with an id a button's aria-controls names) an
 * element sits in, outermost first: a dock or phone tab, the clock's Jump ahead.
 */
export function disclosersOf(el: Element): HTMLElement[] {
  const out: HTMLElement[] = []
  for (let a = el.parentElement; a !== null; a = a.parentElement) {
    if (!a.hidden || a.id === '') continue
    const id = a.id
    const button = Array.from(
      el.ownerDocument.querySelectorAll<HTMLElement>('[aria-controls]'),
    ).find((b) => b.getAttribute('aria-controls') === id)
    if (button !== undefined) out.unshift(button)
  }
  return out
}

const FOCUSABLE =
  'input:not([disabled]),select:not([disabled]),textarea:not([disabled]),button:not([disabled]),[tabindex]:not([tabindex="-1"])'

/** The element to focus for a control: itself when focusable, else its labelled control or first focusable descendant. */
export function focusTarget(el: Element): HTMLElement | null {
  if (el instanceof HTMLLabelElement && el.control !== null) return el.control
  if (el.matches(FOCUSABLE)) return el as HTMLElement
  return el.querySelector<HTMLElement>(FOCUSABLE)
}
