// The panels (slots) a lesson needs, derived from its own data: every control its steps point at ("Go to") and
// every lab call its "Show me" makes. An embed of a lesson shows at least these, so a step can never point at a
// control the frame does not contain: the Share dialog offers them as the lesson's preset and locks them on, and an
// embedded page adds them to whatever `panels=` asks for (src/app/embedPanels.ts). Pure data and functions.
import { KNOWN_CONTROLS, splitHighlight, type KnownControl } from '../lessons/controls'
import type { LabCallMethod, Lesson } from '../lessons/schema'
import { SLOT_NAMES, type SlotName } from './slotNames'

/** What a lesson always needs: the picture (its browsers carry Send request), the clock and the lesson itself. */
export const LESSON_BASE_SLOTS: readonly SlotName[] = ['topology', 'time', 'learn']

/** The slot holding each panel that KNOWN_CONTROLS names. */
const PANEL_SLOT: Readonly<Record<KnownControl['panel'], SlotName>> = {
  Clients: 'clients',
  Cookies: 'cookies',
  Time: 'time',
  Instances: 'instances',
  'Target group settings': 'tg',
  'Listener and rules': 'listener',
  'Load balancer': 'lbtype',
  // A Classic Load Balancer's policies take the target group's place (the same slot).
  'Stickiness policies': 'tg',
}

/**
 * Controls each browser on the stage carries itself: "Client alice > Send request" (and a plain "Send request") is
 * found on the picture, so it needs no Clients panel (src/ui/lessons/findControls.ts looks there first).
 */
const ON_EVERY_BROWSER = new Set(['Send request', 'Add to cart'])

/** Scopes naming one instance ("i-2") are the Instances panel's rows; one browser ("Client bob") its cards. */
const INSTANCE_SCOPE = /^i-\d+$/
const CLIENT_SCOPE = /^Client [A-Za-z0-9_-]+$/

/**
 * Which slots a "Show me" call needs to be done by hand. Calls with no control of their own (a WebSocket: the
 * lesson says "Show me" does it) need none; the browsers' and instances' own controls are on the picture.
 */
export const METHOD_SLOTS: Readonly<Partial<Record<LabCallMethod, readonly SlotName[]>>> = {
  request: ['topology'],
  stopInstance: ['topology'],
  startInstance: ['topology'],
  setHealthCheckFailing: ['topology'],
  registerTargets: ['topology'],
  deregisterTargets: ['topology'],
  addClient: ['clients'],
  setClientOptions: ['clients'],
  configureApp: ['clients'],
  deleteCookie: ['cookies'],
  setCookie: ['cookies'],
  launchInstance: ['instances'],
  modifyTargetGroupAttributes: ['tg'],
  createLBCookieStickinessPolicy: ['tg'],
  setLoadBalancerPoliciesOfListener: ['tg'],
  createTargetGroup: ['listener'],
  setForward: ['listener'],
  setListenerProtocol: ['listener'],
  setLoadBalancerType: ['lbtype'],
  openWebSocket: [],
  configureKubernetes: ['lbtype'],
  connectSocketIo: ['lbtype'],
  sendWebSocketMessage: [],
  setCdn: ['listener'],
  setOuterLayer: ['listener'],
}

function controlNamed(name: string): KnownControl | undefined {
  return KNOWN_CONTROLS.find((c) => c.name === name)
}

/**
 * The slots a highlight needs, or null when it names nothing known (lesson tests reject those). A scoped name is
 * looked up by its control; the scope only says which copy ("i-1 > Stop instance" is the Instances panel's row).
 */
export function slotsForHighlight(highlight: string): SlotName[] | null {
  const { scope, name } = splitHighlight(highlight)
  if (scope === null && INSTANCE_SCOPE.test(name)) return ['instances']
  if (scope === null && CLIENT_SCOPE.test(name)) return ['topology']
  if (ON_EVERY_BROWSER.has(name) && (scope === null || CLIENT_SCOPE.test(scope))) return ['topology']
  const control = controlNamed(name)
  if (control === undefined) return null
  const slots = [PANEL_SLOT[control.panel]]
  if (scope !== null && !INSTANCE_SCOPE.test(scope) && !CLIENT_SCOPE.test(scope)) {
    const outer = controlNamed(scope)
    if (outer === undefined) return null
    slots.push(PANEL_SLOT[outer.panel])
  }
  return slots
}

/** Every slot the lesson's steps need, in page order, the base slots included. Unknown highlights are skipped. */
export function lessonSlots(lesson: Lesson): SlotName[] {
  const needed = new Set<SlotName>(LESSON_BASE_SLOTS)
  for (const step of lesson.steps) {
    for (const h of step.highlight) for (const s of slotsForHighlight(h) ?? []) needed.add(s)
    for (const event of step.solution)
      if (event.type === 'lab.call') for (const s of METHOD_SLOTS[event.method] ?? []) needed.add(s)
  }
  return SLOT_NAMES.filter((s) => needed.has(s))
}

/** The panels an embed of this lesson shows: what the author chose plus everything the lesson needs. */
export function withLessonSlots(chosen: readonly SlotName[] | null, lesson: Lesson | null): SlotName[] | null {
  if (chosen === null || lesson === null) return chosen === null ? null : [...chosen]
  const needed = lessonSlots(lesson)
  return SLOT_NAMES.filter((s) => chosen.includes(s) || needed.includes(s))
}
