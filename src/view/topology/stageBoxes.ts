// The room the stage's HTML controls need (src/ui/stage/*.css uses the same sizes): the layout reserves it so
// no control covers another or a link. Widths are estimated generously (7.5 px a character; 13 px system-ui
// measures about 7.2), so the real text is never wider than the room kept for it.

export interface Box {
  x: number
  y: number
  w: number
  h: number
}

/** Estimated width of a line of 12–13 px text. */
export const textWidth = (s: string): number => s.length * 7.5

/** A button's width: its text and 11 px of padding and border each side (Stream requests has a 14 px mark too). */
export const buttonWidth = (label: string): number =>
  textWidth(label) + 22 + (label.startsWith('Stream') ? 14 : 0)

/** A browser card's buttons, in order: they flow onto as many rows as its width needs. */
/** Stream requests shows "Stream" (its name's start); " requests" is for screen readers. */
export const CLIENT_BUTTONS = ['Send request', 'Add to cart', 'Stream'] as const
const BUTTON_GAP = 6
/** Rows of cookie chips kept on a browser card at least: one row of 44 px chips on a phone holds the usual AWSALB,
 * AWSALBCORS and SESSIONID; two of 28 px elsewhere. A jar that needs more rows at the card's width gets them. */
const MIN_CHIP_ROWS = (control: number): number => (control >= 44 ? 1 : 2)
/** The gap between chips (stage.css .stage-chips). */
export const CHIP_GAP = 4

/** Widths at 12 px of the capitals in DejaVu Sans, the widest common system-ui face (Linux; Segoe UI and San
 * Francisco are narrower). Cookie names are mostly capitals (AWSALBCORS), whose widths vary from I (3.5) to W (11.9). */
const CAPITAL_12PX = new Map(
  Object.entries({
    A: 8.2,
    B: 8.2,
    C: 8.4,
    D: 9.2,
    E: 7.6,
    F: 6.9,
    G: 9.3,
    H: 9.0,
    I: 3.5,
    J: 3.5,
    K: 7.9,
    L: 6.7,
    M: 10.4,
    N: 9.0,
    O: 9.4,
    P: 7.2,
    Q: 9.4,
    R: 8.3,
    S: 7.6,
    T: 7.3,
    U: 8.8,
    V: 8.2,
    W: 11.9,
    X: 8.2,
    Y: 7.3,
    Z: 8.2,
  }),
)
/** Anything else: the shards' hyphen 4.3 (AWSALBAPP-1), an underscore 6.0, digits 7.6, lower case about 7 on
 * average but m and w wider. */
const OTHER_12PX = new Map([
  ['-', 5],
  ['_', 6.5],
  ['m', 11.7],
  ['w', 9.8],
])
const otherWidth = (ch: string): number => OTHER_12PX.get(ch) ?? 7.6
/** A chip's padding (7 + 9 px), border (2 + 2 px), the mark's 4 px margin and its mark: ● ⊘ ○ measure 10.5 px in
 * Chromium here; 13 px leaves room for a wider ⌛ (an emoji font's). Measured chips are 34.5 px plus their name. */
const CHIP_CHROME = 37

/**
 * A chip's width (stage.css .stage-chip): its chrome, then the name in 12 px text at the widest common face's
 * widths, so the estimate is not narrower than the chip drawn (a card never keeps too few chip rows) yet close
 * enough that the usual AWSALB, AWSALBCORS and SESSIONID still share one row on a 390 px phone.
 */
export function chipWidth(name: string): number {
  let text = 0
  for (const ch of name) text += CAPITAL_12PX.get(ch) ?? otherWidth(ch)
  return CHIP_CHROME + text
}

/** Rows the chips of a jar take on a card of inner width `inner` (an empty jar's "No cookies yet" takes one). */
export function chipRows(
  names: readonly string[] | undefined,
  inner: number,
  control: number,
): number {
  const min = MIN_CHIP_ROWS(control)
  if (names === undefined || names.length === 0) return min
  return Math.max(min, flowRows(names.map(chipWidth), inner, CHIP_GAP))
}

/** Height of a chip: a finger's 44 px where controls are 44 px, else 28. */
export const chipHeight = (control: number): number => (control >= 44 ? 44 : 28)

/** How many rows `labels` take in `width` when they flow left to right with `gap` between them. */
export function flowRows(widths: readonly number[], width: number, gap: number): number {
  let rows = 1
  let used = 0
  for (const w of widths) {
    if (used > 0 && used + gap + w > width) {
      rows++
      used = 0
    }
    used += (used > 0 ? gap : 0) + w
  }
  return rows
}

export const CLIENT_NAME_H = 20

/**
 * A browser card of inner width `inner`: name, buttons, then the cookie chips (`chips`: the names of the chips its
 * jar shows, so the card grows with its chip rows; `noJar`: a client without a jar, whose one line says so).
 * Padding 8 px all round.
 */
export function clientCardHeight(
  inner: number,
  control: number,
  chips?: readonly string[],
  noJar = false,
): number {
  const rows = flowRows(CLIENT_BUTTONS.map(buttonWidth), inner, BUTTON_GAP)
  const buttons = rows * control + (rows - 1) * BUTTON_GAP
  const chipRowCount = noJar ? 1 : chipRows(chips, inner, control)
  const chipsH = chipRowCount * chipHeight(control) + (chipRowCount - 1) * CHIP_GAP
  return 8 + CLIENT_NAME_H + 6 + buttons + 8 + chipsH + 8
}

/** The three stickiness radios of an ALB target group (the radio's circle, gap, padding and border take 30 px). */
export const STICKINESS_RADIOS = ['Off', 'Duration-based', 'Application-based'] as const
const radioWidth = (label: string): number => label.length * 7.2 + 30
/** The editor of the application cookie, the widest: "Cookie [SESSIONID] for [604800] s". */
const APP_EDITOR_W = 290

/** A group's title lines: its name, then its stickiness in words. */
export const GROUP_TITLE_H = 44

/** The stickiness band of a group of inner width `inner`: radios (a row, or stacked) and the editor under them. */
export function groupControlsHeight(inner: number, control: number, radios: boolean): number {
  if (!radios) return control
  const radioH = control >= 44 ? 44 : 26
  const rows = flowRows(STICKINESS_RADIOS.map(radioWidth), inner, 4)
  const editorRows = inner >= APP_EDITOR_W ? 1 : 2
  return rows * radioH + 6 + editorRows * control + (editorRows - 1) * 4
}

export const CARD_GAP = 14

/** An instance card: its id beside the actions button, then state, requests served and carts. */
export function cardHeight(control: number): number {
  return control + 4 + 3 * 18 + 10
}
/** The text lines of a card, from its top: id, state, served, carts. */
export function cardLines(control: number): number[] {
  const first = 4 + control / 2 + 5
  const below = control + 4 + 14
  return [first, below, below + 18, below + 36]
}
