// Issue 16 class rule: an id or name that may come from outside never indexes a plain object. A plain object
// answers "constructor", "toString", "valueOf" and "__proto__" from Object.prototype, which blanked the app for a
// client named "__proto__" (ClientsPanel's `modes[id] ?? DEFAULT_MODE`). This test type-checks src and fails on every
// `x[key]` whose key is a non-literal string and whose object is a string-keyed record (a `Record<string, T>` or an
// index signature). Use a Map, or dictGet/dictSet (src/sim/dict.ts), which read own properties only.
// Lookups proven safe by construction are listed in ALLOWED with the reason.
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '../..')

/** "file  lookup" → why the key cannot be hostile (the lookup's implementation, or a key from a fixed set). */
const ALLOWED = new Map<string, string>([
  ['src/sim/dict.ts  dict[key]', 'dictGet/dictDelete themselves, after an own-property check'],
  ['src/sim/callArgs.ts  (v as Record<string, unknown>)[k]', 'k comes from Object.keys(v): an own key'],
  ['src/view/topology/TopologyView.ts  classic[state]', "state is the core's fixed Classic health-state set"],
  ['src/view/topology/TopologyView.ts  HEALTH_GLYPH[d.state]', "state is the core's fixed target-health set"],
  ['src/ui/components/LabLayout.tsx  NEXT_KEYS[e.key]', 'a KeyboardEvent key name, never an Object member name'],
])

function violations(): string[] {
  const configPath = ts.findConfigFile(ROOT, ts.sys.fileExists, 'tsconfig.app.json') ?? ts.findConfigFile(ROOT, ts.sys.fileExists)!
  const cfg = ts.readConfigFile(configPath, ts.sys.readFile)
  const parsed = ts.parseJsonConfigFileContent(cfg.config, ts.sys, path.dirname(configPath))
  const files = parsed.fileNames.filter((f) => f.includes('/src/') && !/\.test\.tsx?$/.test(f))
  const program = ts.createProgram(files, parsed.options)
  const checker = program.getTypeChecker()
  const out: string[] = []
  for (const sf of program.getSourceFiles()) {
    if (!files.includes(sf.fileName)) continue
    const visit = (node: ts.Node) => {
      // `x[key]!` asserts the key is one of the object's own (taken from its order list, say); the bug class is
      // a lookup whose miss is expected (`?? fallback`, `=== undefined`), which a prototype member turns into a hit.
      if (ts.isElementAccessExpression(node) && !isAssignmentTarget(node) && !ts.isNonNullExpression(node.parent)) {
        const keyType = checker.getTypeAtLocation(node.argumentExpression)
        if (isWideString(keyType) && !hasFixedPrefix(node.argumentExpression)) {
          const objType = checker.getApparentType(checker.getTypeAtLocation(node.expression))
          if (isStringRecord(checker, objType)) {
            const { line } = sf.getLineAndCharacterOfPosition(node.getStart())
            const file = path.relative(ROOT, sf.fileName)
            if (!ALLOWED.has(`${file}  ${node.getText(sf)}`)) out.push(`${file}:${line + 1}  ${node.getText(sf).slice(0, 80)}`)
          }
        }
      }
      ts.forEachChild(node, visit)
    }
    visit(sf)
  }
  return out
}

function isAssignmentTarget(node: ts.Node): boolean {
  const p = node.parent
  return ts.isBinaryExpression(p) && p.left === node && p.operatorToken.kind === ts.SyntaxKind.EqualsToken
}

/** `${'`'}RequestCountPerTarget:${'$'}{id}${'`'}`: a literal prefix no Object member name starts with. */
function hasFixedPrefix(key: ts.Expression): boolean {
  return ts.isTemplateExpression(key) && /[^A-Za-z_]/.test(key.head.text)
}

function isWideString(t: ts.Type): boolean {
  if (t.isUnion()) return t.types.some(isWideString)
  return (t.flags & ts.TypeFlags.String) !== 0 || (t.flags & ts.TypeFlags.TemplateLiteral) !== 0
}

function isStringRecord(checker: ts.TypeChecker, t: ts.Type): boolean {
  if (t.isUnion()) return t.types.some((u) => isStringRecord(checker, u))
  if (checker.isArrayType(t) || checker.isTupleType(t)) return false
  return checker.getIndexInfoOfType(t, ts.IndexKind.String) !== undefined
}

describe('no plain-object lookups keyed by outside strings (issue 16)', () => {
  it('finds none in src', () => {
    expect(violations()).toEqual([])
  }, 120_000)
})
