// Keyboard focus handed from a placeholder button to the real one when its code arrives (React replaces one
// element with the other): a learner who tabbed onto it early keeps their place. Keyed by the button's name.
const handedOver = new Set<string>()

/** The placeholder named `name` is going away while focused. */
export function handOverFocus(name: string): void {
  handedOver.add(name)
}

/** True once, when the real button named `name` should take the focus its placeholder had. */
export function takeFocus(name: string): boolean {
  return handedOver.delete(name)
}
