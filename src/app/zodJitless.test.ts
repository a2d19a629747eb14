// zod must never probe for `new Function` under the page's strict CSP, and must not weigh on the first paint:
// every module that imports zod or zod/mini imports src/zodJitless.ts first (it sets jitless before any schema is
// built), and no module main.tsx loads statically (the startup download) imports zod at all.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const SRC = join(__dirname, '..')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sourceFiles(join(dir, e.name))
      : /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)
        ? [join(dir, e.name)]
        : [],
  )
}

/** Static imports and re-exports that stay in the built code (type-only ones are erased). */
const importsOf = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)\s+(type\s)?(?:[^'";]*?from\s+)?'([^']+)'/gm)]
    .filter((m) => m[1] === undefined)
    .map((m) => m[2]!)

const isZod = (spec: string) => spec === 'zod' || spec.startsWith('zod/')

function resolve(from: string, spec: string): string | null {
  const base = join(dirname(from), spec)
  return [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((f) => existsSync(f)) ?? null
}

describe('zod stays jitless and off the startup path', () => {
  const schemaModules = sourceFiles(SRC).filter((f) => importsOf(f).some(isZod))

  it.each(schemaModules.filter((f) => !f.endsWith('zodJitless.ts')).map((f) => relative(SRC, f)))(
    '%s imports zodJitless before anything else',
    (file) => {
      expect(importsOf(join(SRC, file))[0]).toMatch(/^(\.\.\/)+zodJitless$|^\.\/zodJitless$/)
    },
  )

  it('no module loaded before the first paint imports zod', () => {
    const seen = new Set<string>()
    const withZod: string[] = []
    const visit = (file: string) => {
      if (seen.has(file)) return
      seen.add(file)
      for (const spec of importsOf(file)) {
        if (isZod(spec)) withZod.push(relative(SRC, file))
        const next = spec.startsWith('.') ? resolve(file, spec) : null
        if (next !== null) visit(next)
      }
    }
    visit(join(SRC, 'app/main.tsx'))
    expect(seen.size).toBeGreaterThan(50)
    expect(withZod).toEqual([])
  })
})
