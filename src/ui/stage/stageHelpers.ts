// Small helpers shared by the stage's controls.
import type { CSSProperties } from 'react'
import { useUiStore } from '../../store/uiStore'
import type { Box } from '../../view/topology/layout'

/** Places a control at a layout box (the overlay is in the picture's units). */
export function boxStyle(b: Box): CSSProperties {
  return { left: b.x, top: b.y, width: b.w, height: b.h }
}

/** Full settings live in the dock (on phones, the Setup tab). */
export function openSettings(): void {
  useUiStore.getState().showPhoneTab('setup')
}

/**
 * The browsers the stage does not draw are listed in the Clients panel (Setup tab); choosing one in the Cookies
 * panel's Client list brings it onto the stage.
 */
export function openClients(): void {
  useUiStore.getState().showPhoneTab('setup')
  requestAnimationFrame(() => document.getElementById('clients-heading')?.scrollIntoView({ block: 'start' }))
}
