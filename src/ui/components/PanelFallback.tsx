// What a lazily loaded panel shows while its code arrives (a few milliseconds from the service worker or the
// network): the panel frame with its real heading, so the page does not jump and its outline is complete.
interface Props {
  heading: string
  className?: string
}

export function PanelFallback({ heading, className }: Props) {
  return (
    <section className={['panel', 'panel-loading', className].filter(Boolean).join(' ')} aria-busy="true" aria-label={heading}>
      <h2>{heading}</h2>
    </section>
  )
}
