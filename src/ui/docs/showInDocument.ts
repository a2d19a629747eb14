// Scrolling within an in-app document (src/ui/docs/DocDialog.tsx) to a fact or heading.
/**
 * Shows an element at the top of the document's own scrolling box and focuses it. Not scrollIntoView, which
 * would also scroll the dialog around the box and push its title and Close out of view.
 */
export function showInDocument(target: HTMLElement): void {
  const box = target.closest<HTMLElement>('[data-doc-scroll]')
  if (box !== null) box.scrollTop += target.getBoundingClientRect().top - box.getBoundingClientRect().top - 8
  target.focus({ preventScroll: true })
}

