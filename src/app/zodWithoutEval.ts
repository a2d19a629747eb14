// Imported first by main.tsx, before any module parses anything: zod's object fast path compiles code with
// `new Function`, and even its probe for that fires a `securitypolicyviolation` under the page's strict CSP
// (no 'unsafe-eval'). Jitless parsing is a little slower and never touches eval.
import { config } from 'zod/mini'

config({ jitless: true })
