// HashiCorp's HCL v2 parser (hcl2-parser: the Go parser compiled to JavaScript with GopherJS, about 750 kB gzipped),
// in a module of its own so its chunk has a name: it loads only when a Terraform paste is imported, and the service
// worker does not precache it (vite.config.ts) so a first visit does not download it for nothing.
import * as hcl from 'hcl2-parser'

type Api = { parseToObject(input: string): unknown }

const mod = hcl as unknown as Api & { default?: Api }

/** `[parsed, error]`: the JSON form of the configuration, or an error object when the text is not valid HCL. */
export function parseHclToObject(text: string): unknown {
  return (typeof mod.parseToObject === 'function' ? mod : mod.default!).parseToObject(text)
}
