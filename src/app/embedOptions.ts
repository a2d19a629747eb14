// Reads the embed options from the page address (?embed=1&panels=…&theme=…&autoplay=…&host=…). Pure: a
// bad value is left out and explained in `warnings`, never thrown. The lesson deep link (lesson=, step=)
// is read by the lesson panel. docs/embedding.md lists every option; src/view/embedSnippet.ts writes them.
import { SLOT_NAMES, type SlotName } from '../view/slotNames'

export interface EmbedOptions {
  /** embed=1: no header bar (the page is shown inside someone else's page). */
  embed: boolean
  /** The slots to show, in page order; null shows every slot. */
  panels: readonly SlotName[] | null
  /** null keeps the reader's system setting. */
  theme: 'light' | 'dark' | null
  /** false starts the clock paused. */
  autoplay: boolean
  /** The one origin allowed to send commands and receive events (host= or the referrer's origin); null turns the host API off. */
  host: string | null
}

export interface EmbedOptionsResult {
  options: EmbedOptions
  /** One readable sentence per ignored value. */
  warnings: string[]
}

export const DEFAULT_EMBED_OPTIONS: EmbedOptions = {
  embed: false,
  panels: null,
  theme: null,
  autoplay: true,
  host: null,
}

/** Quotes a value from the address for a warning, shortened so a long link cannot flood the console. */
function quote(value: string): string {
  return `"${value.length > 60 ? `${value.slice(0, 60)}…` : value}"`
}

function parseFlag(name: string, value: string, warnings: string[]): boolean | null {
  const v = value.trim().toLowerCase()
  if (v === '1' || v === 'true') return true
  if (v === '0' || v === 'false') return false
  warnings.push(`${name}=${quote(value)} is not 0 or 1; it was ignored.`)
  return null
}

/** The origin of an http(s) URL, or null. */
function httpOrigin(value: string): string | null {
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null
  } catch {
    return null
  }
}

function parsePanels(value: string, available: readonly SlotName[], warnings: string[]) {
  const asked = value
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '')
  const unknown = asked.filter((s) => !(available as readonly string[]).includes(s))
  if (unknown.length > 0)
    warnings.push(
      `panels=: ${unknown.map(quote).join(', ')} ${unknown.length === 1 ? 'is not a panel' : 'are not panels'}; the panels are ${available.join(', ')}.`,
    )
  // The load balancer type chooser was part of the picture before it had a slot of its own: links made then keep it.
  if (asked.includes('topology') && available.includes('lbtype')) asked.push('lbtype')
  const shown = available.filter((s) => asked.includes(s))
  if (shown.length === 0) {
    warnings.push('panels= names no known panel, so every panel is shown.')
    return null
  }
  return shown
}

function parseHost(value: string, warnings: string[]): string | null {
  const trimmed = value.trim()
  if (trimmed === '*') {
    warnings.push('host=* is not allowed: name the one origin of the page that embeds the lab.')
    return null
  }
  const origin = httpOrigin(trimmed)
  if (origin === null) {
    warnings.push(
      `host=${quote(value)} is not an http(s) origin such as https://courses.example.com; it was ignored.`,
    )
    return null
  }
  if (trimmed.replace(/\/$/, '') !== origin)
    warnings.push(`host=${quote(value)} is more than an origin; only ${origin} is used.`)
  return origin
}

/**
 * Parses the embed options. `referrer` (document.referrer) supplies the host origin when host= is absent
 * or invalid. `available` lists the slots this page has.
 */
export function parseEmbedOptions(
  search: string,
  referrer = '',
  available: readonly SlotName[] = SLOT_NAMES,
): EmbedOptionsResult {
  const params = new URLSearchParams(search)
  const warnings: string[] = []
  const options: EmbedOptions = { ...DEFAULT_EMBED_OPTIONS }

  const embed = params.get('embed')
  if (embed !== null) options.embed = parseFlag('embed', embed, warnings) ?? false

  const panels = params.get('panels')
  if (panels !== null) options.panels = parsePanels(panels, available, warnings)

  const theme = params.get('theme')
  if (theme !== null) {
    const t = theme.trim().toLowerCase()
    if (t === 'light' || t === 'dark') options.theme = t
    else
      warnings.push(
        `theme=${quote(theme)} is not light or dark; the reader's system setting is used.`,
      )
  }

  const autoplay = params.get('autoplay')
  if (autoplay !== null) options.autoplay = parseFlag('autoplay', autoplay, warnings) ?? true

  const host = params.get('host')
  options.host =
    (host === null ? null : parseHost(host, warnings)) ??
    (referrer === '' ? null : httpOrigin(referrer))

  return { options, warnings }
}
