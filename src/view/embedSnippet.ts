// Builds what a course author pastes into a page: the embed URL (?embed=1 plus the chosen options) and the
// iframe snippet with the short host script that fits the frame to the lab. Pure: no DOM, no globals.
// The options are read back by src/app/embedOptions.ts; docs/embedding.md documents both.
import { SLOT_NAMES, type SlotName } from './slotNames'

export { SLOT_NAMES, type SlotName }

/** What each slot shows, for people choosing panels. */
export const SLOT_LABELS: Readonly<Record<SlotName, string>> = {
  topology: 'Picture of the load balancer',
  time: 'Clock controls',
  timeline: 'Timeline and replay',
  cookies: 'Cookies',
  inspector: 'Request inspector',
  numbers: 'Numbers and metrics',
  learn: 'Lessons and drills',
  clients: 'Clients',
  lbtype: 'Load balancer type',
  instances: 'Instances',
  tg: 'Target group',
  listener: 'Listener',
  loadtest: 'Load test',
  console: 'AWS CLI console',
  config: 'Configuration export and import',
  headers: 'Explain your headers and access logs',
}

export const DEFAULT_EMBED_HEIGHT = 700
export const MIN_EMBED_HEIGHT = 200
export const MAX_EMBED_HEIGHT = 4000
export const EMBED_TITLE = 'Stickylab: AWS sticky sessions lab'

export interface EmbedChoice {
  /** Open this lesson at this 1-based step; null embeds the plain lab. */
  lesson: { id: string; step: number } | null
  /** Slots to show; every available slot (or an empty list) means "all", which leaves `panels=` out. */
  panels: readonly SlotName[]
  /** null follows the reader's system setting. */
  theme: 'light' | 'dark' | null
  autoplay: boolean
  /** Starting height of the frame in CSS pixels (the host script then fits it to the lab). */
  height: number
}

/** The problem with a height, or null when it can be used. */
export function heightProblem(height: number): string | null {
  if (!Number.isInteger(height)) return 'The height must be a whole number of pixels.'
  if (height < MIN_EMBED_HEIGHT || height > MAX_EMBED_HEIGHT)
    return `The height must be between ${MIN_EMBED_HEIGHT} and ${MAX_EMBED_HEIGHT} pixels.`
  return null
}

/**
 * The embed URL: `appUrl` (the lab's address without query or fragment) with `embed=1` and only the
 * options that differ from the defaults, so snippets stay short. `available` lists the slots this page has.
 */
export function buildEmbedUrl(
  appUrl: string,
  choice: EmbedChoice,
  available: readonly SlotName[] = SLOT_NAMES,
): string {
  const params = new URLSearchParams({ embed: '1' })
  if (choice.lesson !== null) {
    params.set('lesson', choice.lesson.id)
    params.set('step', String(choice.lesson.step))
  }
  const shown = available.filter((s) => choice.panels.includes(s))
  if (shown.length > 0 && shown.length < available.length) params.set('panels', shown.join(','))
  if (choice.theme !== null) params.set('theme', choice.theme)
  if (!choice.autoplay) params.set('autoplay', '0')
  // URLSearchParams encodes the comma in "panels"; it is a legal query character, and keeping it makes the link readable.
  return `${appUrl}?${params.toString().replace(/%2C/g, ',')}`
}

/** Escapes text for an HTML attribute value in double quotes. */
function attr(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
}

/** The origin of an absolute URL, for the host script's origin check. */
function originOf(url: string): string {
  return new URL(url).origin
}

/**
 * The iframe plus the host script that sets the frame's height from the lab's `stickylab:resize`
 * messages (accepting them only from the lab's origin). See docs/embedding.md.
 */
export function buildEmbedSnippet(
  appUrl: string,
  choice: EmbedChoice,
  available: readonly SlotName[] = SLOT_NAMES,
): string {
  const src = buildEmbedUrl(appUrl, choice, available)
  const origin = originOf(appUrl)
  // referrerpolicy="origin" makes sure the lab learns the host page's origin (its default for commands
  // and events) even on pages whose own referrer policy would send none.
  const iframe =
    `<iframe src="${attr(src)}" title="${attr(EMBED_TITLE)}" width="100%" height="${choice.height}"` +
    ` style="border:0" loading="lazy" referrerpolicy="origin"></iframe>`
  const script = [
    '<script>',
    "  // Stickylab: fit each Stickylab frame to the lab's height. Messages and options: docs/embedding.md",
    "  window.addEventListener('message', function (event) {",
    `    if (event.origin !== ${JSON.stringify(origin)}) return`,
    '    var data = event.data',
    "    if (!data || data.type !== 'stickylab:resize' || typeof data.height !== 'number') return",
    "    document.querySelectorAll('iframe').forEach(function (frame) {",
    "      if (frame.contentWindow === event.source) frame.style.height = Math.ceil(data.height) + 'px'",
    '    })',
    '  })',
    '</script>',
  ].join('\n')
  return `${iframe}\n${script}`
}

/** The full lab (no embed options) at the same lesson and step, for "Open in Stickylab". */
export function fullLabUrl(appUrl: string, lesson: { id: string; step: number } | null): string {
  if (lesson === null) return appUrl
  const params = new URLSearchParams({ lesson: lesson.id, step: String(lesson.step) })
  return `${appUrl}?${params.toString()}`
}
