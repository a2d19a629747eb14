// Proves the layering lint rules bite: code placed (virtually) in src/sim that breaks the contract is rejected.
import { rmSync, writeFileSync } from 'node:fs'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint({ cwd: process.cwd() })

async function messagesFor(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`)
}

// ESLint loads its config, parsers and the import resolver on the first lint: seconds on a busy machine.
describe('layering rules', { timeout: 60_000 }, () => {
  it('rejects UI, state-machine and DOM libraries in src/sim', async () => {
    const msgs = await messagesFor(
      "import { createMachine } from 'xstate'\nimport { select } from 'd3-selection'\nimport { useState } from 'react'\nexport const x = [createMachine, select, useState]\n",
      'src/sim/forbidden.ts',
    )
    expect(msgs.filter((m) => m.startsWith('no-restricted-imports'))).toHaveLength(3)
    expect(msgs[0]).toContain('src/sim is the pure, deterministic core')
  })

  it('rejects imports from layers above src/sim', async () => {
    const msgs = await messagesFor("import { labMachine } from '../machines/labMachine'\nexport const m = labMachine\n", 'src/sim/forbidden.ts')
    expect(msgs).toEqual([expect.stringContaining('src/sim may not import from layers above it')])
  })

  it('keeps the explain layer out of the core, except the public entry that hands it to every lab (ADR 0009)', async () => {
    const code = "import { explainer } from '../explain/explainer'\nexport const e = explainer\n"
    expect(await messagesFor(code, 'src/sim/forbidden.ts')).toEqual([
      expect.stringContaining('src/sim may not import from layers above it; the core records facts'),
    ])
    expect(await messagesFor(code, 'src/sim/index.ts')).toEqual([])
    expect(await messagesFor(code.replace('../explain/', '../../explain/'), 'src/sim/rules/forbidden.ts')).toHaveLength(1)
  })

  it('lets the explain layer import sim types only, and nothing above it (ADR 0009)', async () => {
    expect(await messagesFor("import type { RequestFacts } from '../sim/model/facts'\nexport type F = RequestFacts\n", 'src/explain/ok.ts')).toEqual([])
    expect(await messagesFor("import { createLab } from '../sim'\nexport const c = createLab\n", 'src/explain/bad.ts')).toEqual([
      expect.stringContaining('src/explain may import sim types only'),
    ])
    expect(await messagesFor("import { labMachine } from '../machines/labMachine'\nexport const m = labMachine\n", 'src/explain/bad.ts')).toEqual([
      expect.stringContaining('src/explain sits just above src/sim'),
    ])
    expect(await messagesFor("import { explainer } from '../explain/explainer'\nexport const e = explainer\n", 'src/machines/ok.ts')).toEqual([])
  })

  it('rejects wall-clock time, Math.random and timers in src/sim', async () => {
    const msgs = await messagesFor(
      'export const a = Math.random()\nexport const b = Date.now()\nexport const c = performance.now()\nsetTimeout(() => 0, 1)\nexport const d = window.location\n',
      'src/sim/clocky.ts',
    )
    expect(msgs).toEqual([
      expect.stringContaining("no-restricted-properties: 'Math.random' is restricted from being used. Use the seeded RNG"),
      expect.stringContaining('Date'),
      expect.stringContaining('performance'),
      expect.stringContaining('no-restricted-globals'),
      expect.stringContaining('no-restricted-globals'),
    ])
  })

  it('allows pure d3 math modules in src/sim', async () => {
    expect(await messagesFor("import { bisect } from 'd3-array'\nexport const f = bisect\n", 'src/sim/ok.ts')).toEqual([])
  })

  it('keeps React out of the view layer and the machines', async () => {
    expect(await messagesFor("import { useState } from 'react'\nexport const u = useState\n", 'src/view/bad.ts')).toHaveLength(1)
    expect(await messagesFor("import { create } from 'zustand'\nexport const c = create\n", 'src/machines/bad.ts')).toHaveLength(1)
  })

  it('rejects an import cycle (issue 17)', async () => {
    // Two real files, since the rule follows imports on disk; removed whatever the outcome.
    const a = 'src/sim/__lintCycleA.ts'
    const b = 'src/sim/__lintCycleB.ts'
    writeFileSync(a, "import { b } from './__lintCycleB'\nexport const a = (): unknown => b\n")
    writeFileSync(b, "import { a } from './__lintCycleA'\nexport const b = (): unknown => a\n")
    try {
      const [result] = await eslint.lintFiles([a])
      expect(result!.messages.map((m) => m.ruleId)).toContain('import-x/no-cycle')
    } finally {
      rmSync(a, { force: true })
      rmSync(b, { force: true })
    }
  })

  it('rejects a 401-line source file, not a 400-line one (issue 17)', async () => {
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `export const v${i} = ${i}`).join('\n') + '\n'
    expect(await messagesFor(lines(400), 'src/view/long.ts')).toEqual([])
    expect(await messagesFor(lines(401), 'src/view/long.ts')).toEqual([
      expect.stringContaining('max-lines: File has too many lines (401). Maximum allowed is 400.'),
    ])
  })
})
