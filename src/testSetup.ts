// Every unit test runs with the English explainer installed, as a page has it once its sentences load
// (src/sim/explainerSlot.ts, ADR 0017): modules that make labs through src/sim/core.ts word them like src/sim does.
import './sim'
