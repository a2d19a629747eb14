// The first-visit welcome on the stage: shown once to a newcomer (no saved lab, no welcome dismissed before), never
// over a shared lab, a lesson link or an embed, whose author already decided what the reader sees. Dismissing it,
// either way, is remembered in this browser (docs/persistence.md).
import { isShareHash } from '../machines/shareHash'
import { useUiStore } from '../store/uiStore'
import { LAB_KEY, readStorage } from './persistence/savedStorage'

export const WELCOME_KEY = 'stickylab.welcome.v1'

export function startWelcome(options: {
  embed: boolean
  storage: Storage | null
  location: Pick<Location, 'hash' | 'search'>
}): void {
  const { embed, storage, location } = options
  if (embed || storage === null) return
  if (isShareHash(location.hash) || new URLSearchParams(location.search).has('lesson')) return
  if (readStorage(storage, WELCOME_KEY) !== null || readStorage(storage, LAB_KEY) !== null) return
  useUiStore.setState({ welcome: true })
  const stop = useUiStore.subscribe((s) => {
    if (s.welcome) return
    stop()
    try {
      storage.setItem(WELCOME_KEY, 'dismissed')
    } catch {
      // Storage full or refused: the welcome simply shows again next time.
    }
  })
}
