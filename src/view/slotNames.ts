// The page's slots by name: the layout places them (slotPlaces.ts) and an embed's `panels=` option picks some
// (embedSnippet.ts builds it, src/app/embedOptions.ts reads it). Apart from embedSnippet.ts so the page's startup
// code does not carry the embed dialog's snippet builder.

/** The page's slots, in page order; `panels=` names a subset of them. */
export const SLOT_NAMES = [
  'topology',
  'time',
  'timeline',
  'cookies',
  'inspector',
  'numbers',
  'learn',
  'clients',
  'lbtype',
  'instances',
  'tg',
  'listener',
  'loadtest',
  'console',
  'config',
  'headers',
] as const
export type SlotName = (typeof SLOT_NAMES)[number]
