// React context with the embed mode chosen in the address (src/app/embedOptions.ts): whether the header is
// hidden, and which slots are shown. Outside a provider the page is the full lab.
import { createContext, useContext } from 'react'
import type { SlotName } from '../../view/slotNames'

export interface EmbedMode {
  /** Shown inside another page (embed=1): no header bar, compact spacing. */
  embed: boolean
  /** The slots to show; null shows all. */
  panels: readonly SlotName[] | null
}

export const FULL_PAGE: EmbedMode = { embed: false, panels: null }

export const EmbedContext = createContext<EmbedMode>(FULL_PAGE)

export function useEmbedMode(): EmbedMode {
  return useContext(EmbedContext)
}
