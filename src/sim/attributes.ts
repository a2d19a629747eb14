// A second public entry of the core: the attribute catalog (every ELBv2 and Classic attribute, its AWS source and
// what the lab does with it; docs/attributes.md). Kept out of src/sim/index.ts so its 8 kB table loads with the
// dock panel that lists it, not with the first paint (issue 14's initial-JS budget).
export { ATTRIBUTE_CATALOG, NO_EFFECT_NOTE, noEffectNote } from './model/attributeCatalog'
export type { AttributeCatalogRow, AttributeEffect } from './model/attributeCatalog'
