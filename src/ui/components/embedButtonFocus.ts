// Keyboard focus handed from the "Share / Embed" placeholder to the real button when the dialog's code arrives
// (React replaces one element with the other): a learner who tabbed onto it early keeps their place.
let handedOver = false

/** The placeholder is going away while focused. */
export function handOverEmbedButtonFocus(): void {
  handedOver = true
}

/** True once, when the real button should take the focus the placeholder had. */
export function takeEmbedButtonFocus(): boolean {
  const taken = handedOver
  handedOver = false
  return taken
}
