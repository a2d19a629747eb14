// Imported first by every module that defines zod schemas (zod or zod/mini, any layer: it sits outside the layers,
// so each may import it), so it runs before any schema is built, yet only when a schema module loads, which is
// after the first paint: zod stays off the startup path. zod's object fast path compiles code with `new Function`,
// and even its probe for that fires a `securitypolicyviolation` under the page's strict CSP (no 'unsafe-eval');
// jitless parsing is a little slower and never touches eval. src/app/zodJitless.test.ts checks every schema module.
import { config } from 'zod/mini'

config({ jitless: true })
