// Embed mode and the host-page API: applies the address's embed options (theme, paused start), and when the
// lab runs inside another page's iframe, talks to that page with postMessage: its height, ready, completed
// steps and lessons out; loadLesson, goToStep, reset and setTheme in. Only the one allowed origin is heard
// or written to (never '*'). Message shapes: src/app/embedProtocol.ts and docs/embedding.md; the API itself is in hostApi.ts.
import { useUiStore } from '../store/uiStore'
import type { EmbedMode } from '../ui/hooks/embedContext'
import type { AppActor } from './createApp'
import type { AppLessonActor } from './createLessonActor'
import { parseEmbedOptions } from './embedOptions'
import { labReady } from './labReady'

/** Messages kept while the host API loads (a real host sends a handful). */
const MAX_EARLY_MESSAGES = 1_000

/**
 * Reads the embed options from the address (warning about bad values), applies the theme and a paused
 * start, starts the host API when framed, and returns what React needs to lay the page out.
 */
export function startEmbed(labActor: AppActor, lessonActor: Promise<AppLessonActor>): EmbedMode {
  const { options, warnings } = parseEmbedOptions(window.location.search, document.referrer)
  for (const w of warnings) console.warn(`Stickylab embed options: ${w}`)
  if (options.theme !== null) useUiStore.getState().setTheme(options.theme)
  if (!options.autoplay) labActor.send({ type: 'sim.pause' })
  if (window.parent !== window) {
    if (options.host === null)
      console.warn(
        'Stickylab: the embedding page sent no referrer and the address has no host=, so the embed API (resizing, commands, events) is off.',
      )
    else {
      const host = options.host
      // The host API (message validation, lesson events) loads only in a frame, with the lessons it reports on, and
      // runs once the lab is ready (a host's loadLesson may need another type's family, labReady.ts).
      // Messages that arrive meanwhile are kept and handled, in order, once it has loaded.
      // Bounded: a host flooding the frame while the API loads cannot grow this list without limit (issue 16).
      const early: MessageEvent[] = []
      let dropped = false
      const keep = (event: MessageEvent) => {
        if (early.length < MAX_EARLY_MESSAGES) early.push(event)
        else if (!dropped) {
          dropped = true
          console.warn(`Stickylab: more than ${MAX_EARLY_MESSAGES} messages arrived before the embed API loaded; later ones were ignored.`)
        }
      }
      window.addEventListener('message', keep)
      void Promise.all([import('./hostApi'), lessonActor, labReady]).then(([api, lessons]) => {
        window.removeEventListener('message', keep)
        api.startHostApi(labActor, lessons, options, host, early)
      })
    }
  }
  return { embed: options.embed, panels: options.panels }
}
