// Mirrors the operating system's reduced-motion preference into the UI store, live.
import { useEffect } from 'react'
import { useUiStore } from '../../store/uiStore'

export function usePrefersReducedMotion(): void {
  const set = useUiStore((s) => s.setSystemReducedMotion)
  useEffect(() => {
    if (!window.matchMedia) return
    const mq = window.matchMedia('(prefers-reduced-motion: reduce)')
    set(mq.matches)
    const onChange = (e: MediaQueryListEvent) => set(e.matches)
    mq.addEventListener('change', onChange)
    return () => mq.removeEventListener('change', onChange)
  }, [set])
}
