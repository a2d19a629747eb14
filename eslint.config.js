// Lint rules, including the layering contract: sim <- explain <- machines <- view <- ui <- app (see
// docs/decisions/0001-layering.md and 0009-facts-not-prose.md).
import js from '@eslint/js'
import globals from 'globals'
import reactHooks from 'eslint-plugin-react-hooks'
import reactRefresh from 'eslint-plugin-react-refresh'
import tseslint from 'typescript-eslint'
import { createNodeResolver, importX } from 'eslint-plugin-import-x'

const banUp = (layers) =>
  layers.flatMap((l) => [`../${l}`, `../${l}/*`, `../../${l}`, `../../${l}/*`, `../../../${l}/*`, `**/src/${l}/*`])

const simLibraries = {
  group: ['react', 'react-dom', 'react/*', 'react-dom/*', 'xstate', 'xstate/*', '@xstate/*', 'zustand', 'zustand/*', 'd3-selection', 'd3-transition', 'd3-timer'],
  message: 'src/sim is the pure, deterministic core: no UI, state-machine or DOM libraries (docs/decisions/0001-layering.md).',
}

const simForbiddenImports = {
  patterns: [
    simLibraries,
    {
      group: banUp(['explain', 'machines', 'view', 'ui', 'app', 'store', 'lessons']),
      message: 'src/sim may not import from layers above it; the core records facts and src/explain words them (docs/decisions/0001-layering.md, 0009).',
    },
  ],
}

// src/sim/index.ts, the public API's composition root, hands the explain layer's renderer to every lab (ADR 0009).
const simIndexForbiddenImports = {
  patterns: [
    simLibraries,
    {
      group: banUp(['machines', 'view', 'ui', 'app', 'store', 'lessons']),
      message: 'src/sim may not import from layers above it (docs/decisions/0001-layering.md).',
    },
  ],
}

const nondeterminism = {
  props: [
    { object: 'Math', property: 'random', message: 'Use the seeded RNG in src/sim/rng.ts: the core must be deterministic.' },
    { object: 'Date', property: 'now', message: 'Use the virtual clock (world time): the core must be deterministic.' },
    { object: 'performance', property: 'now', message: 'Use the virtual clock (world time): the core must be deterministic.' },
    { object: 'crypto', property: 'randomUUID', message: 'Ids come from counters in the world.' },
  ],
  globals: ['setTimeout', 'setInterval', 'setImmediate', 'requestAnimationFrame', 'queueMicrotask', 'window', 'document', 'navigator', 'localStorage', 'crypto'].map((name) => ({
    name,
    message: `src/sim may not use ${name}: the core is pure and driven by the virtual clock.`,
  })),
}

export default tseslint.config(
  {
    ignores: ['dist', 'dist-*', 'node_modules', 'reports', 'test-results', 'test-results-*', 'playwright-report', 'coverage'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'react-refresh': reactRefresh },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-refresh/only-export-components': ['error', { allowConstantExport: true }],
    },
  },
  {
    // No import cycles: a module's dependencies can be read from the top down (issue 17).
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    // A source file over 400 lines holds more than one idea (issue 17). Data (lesson texts, drills) and tests may be
    // longer; no other file is exempt.
    files: ['src/**/*.{ts,tsx}'],
    ignores: [
      'src/**/*.test.{ts,tsx}',
      'src/lessons/content/**',
      'src/lessons/drills.ts',
    ],
    rules: { 'max-lines': ['error', { max: 400 }] },
  },
  {
    files: ['src/sim/**/*.ts'],
    ignores: ['src/sim/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', simForbiddenImports],
      'no-restricted-properties': ['error', ...nondeterminism.props],
      'no-restricted-globals': ['error', ...nondeterminism.globals],
    },
  },
  {
    files: ['src/sim/index.ts'],
    rules: { 'no-restricted-imports': ['error', simIndexForbiddenImports] },
  },
  {
    files: ['src/sim/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', simForbiddenImports] },
  },
  {
    // The explain layer words the core's facts: pure functions of sim types (ADR 0009).
    files: ['src/explain/**/*.ts'],
    ignores: ['src/explain/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', 'react/*', 'xstate', '@xstate/*', 'zustand', 'zustand/*', 'd3-*'], message: 'src/explain only turns facts into sentences.' },
            { group: banUp(['machines', 'view', 'ui', 'app', 'store', 'lessons']), message: 'src/explain sits just above src/sim (docs/decisions/0009-facts-not-prose.md).' },
            { group: ['../sim', '../sim/*', '../sim/**'], allowTypeImports: true, message: 'src/explain may import sim types only.' },
          ],
        },
      ],
      'no-restricted-properties': ['error', ...nondeterminism.props],
      'no-restricted-globals': ['error', ...nondeterminism.globals],
    },
  },
  {
    files: ['src/explain/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: banUp(['machines', 'view', 'ui', 'app', 'store', 'lessons']), message: 'src/explain sits just above src/sim.' }] },
      ],
    },
  },
  {
    files: ['src/machines/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', 'react/*', '@xstate/react', 'zustand', 'zustand/*', 'd3-*'], message: 'src/machines sits below the view and UI layers.' },
            { group: banUp(['view', 'ui', 'app', 'store']), message: 'src/machines may not import from layers above it.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/lessons/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', 'react/*', 'xstate', '@xstate/*', 'zustand', 'd3-*'], message: 'Lessons are data and pure predicates.' },
            { group: banUp(['machines', 'view', 'ui', 'app', 'store']), message: 'src/lessons may only import sim types.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/view/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', 'react/*', 'xstate', '@xstate/*', 'zustand', 'zustand/*'], message: 'src/view is imperative D3: it receives view models, no React, xstate or zustand.' },
            { group: banUp(['ui', 'app', 'store']), message: 'src/view may not import from layers above it.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/store/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: banUp(['ui', 'app']), message: 'The UI store sits below the UI.' }] }],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: banUp(['app']), message: 'The UI may not import the composition root.' }] }],
    },
  },
  {
    files: ['e2e/**/*.ts', 'scripts/**/*.{ts,mjs}', 'bench/**/*.{ts,mjs}', '*.config.{ts,js}'],
    rules: { 'no-console': 'off' },
  },
)
