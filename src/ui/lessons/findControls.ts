// Finds lab controls on the page by the accessible names lessons use ("Stickiness", "Send request",
// "i-2 > Stop instance"): data-control, aria-label, button and label text, fieldset legends and panel
// headings. The lesson and drill panels themselves (data-lesson-ui) and the phone tabs are never matched.
import { splitHighlight } from '../../lessons/controls'

const CANDIDATES =
  '[data-control],[aria-label],button,summary,label,fieldset,section[aria-labelledby]'
/** The lesson UI itself, and the phone tab bar (a tab named "Cookies" is not the Cookies panel). */
const NEVER_IN = '[data-lesson-ui],[role="tablist"]'
const SKIP_TEXT_IN = new Set(['SELECT', 'OPTION', 'TEXTAREA', 'SCRIPT', 'STYLE'])

/** The element's text without the text of selects and options inside it, whitespace collapsed. */
export function ownText(el: Element): string {
  let out = ''
  const walk = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) out += child.textContent ?? ''
      else if (child.nodeType === 1 && !SKIP_TEXT_IN.has((child as Element).tagName)) walk(child)
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

/** Every element a highlight names, in document order, with the form control a matching label points at. */
export function findControls(root: Document | Element, highlight: string): Element[] {
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
    const button = Array.from(el.ownerDocument.querySelectorAll<HTMLElement>('[aria-controls]')).find(
      (b) => b.getAttribute('aria-controls') === id,
    )
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
