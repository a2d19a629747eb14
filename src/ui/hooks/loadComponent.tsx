// Components on the stage's critical path, loaded from their own chunks without React.lazy. React throttles the
// reveal of a suspended boundary (up to 300 ms after its fallback showed), so the picture, then its controls, each
// waited: the lab became interactive at 0.8–0.9 s although every chunk was in by 0.25 s. Here the chunk starts
// loading when the module is evaluated and the component renders as soon as it is in, through plain state.
import { useEffect, useState, type ComponentType, type ReactNode } from 'react'

type Loaded<P> = { component: ComponentType<P> } | { error: unknown } | null

export function loadComponent<P extends object>(
  load: () => Promise<ComponentType<P>>,
  fallback: ReactNode,
): ComponentType<P> {
  let settled: Loaded<P> = null
  const chunk = load().then(
    (component) => (settled = { component }),
    (error: unknown) => (settled = { error }),
  )
  function LoadedComponent(props: P) {
    const [state, setState] = useState<Loaded<P>>(() => settled)
    useEffect(() => {
      if (state !== null) return
      let live = true
      void chunk.then((s) => {
        if (live) setState(s)
      })
      return () => {
        live = false
      }
    }, [state])
    if (state === null) return <>{fallback}</>
    // A chunk that failed to load goes to the error boundary, as a failed React.lazy would.
    if ('error' in state) throw state.error
    const Component = state.component
    return <Component {...props} />
  }
  return LoadedComponent
}
