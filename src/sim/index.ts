// Public entry point of the simulation core (docs/api.md). Nothing outside src/sim imports other files here except
// core.ts (the same API, for the page's first paint) and attributes.ts. It is also the public API's composition root:
// the core records facts, and importing this module installs src/explain's English renderer, so results and history
// carry `explanation` (ADR 0009, 0017), and the Network, Gateway and Classic load balancer families, so labs of every
// type work at once (ADR 0018). This is the one file in src/sim allowed to import src/explain.

import { explainer } from '../explain/explainer'
import { installExplainer } from './core'
import './families'

installExplainer(explainer)

export * from './core'
