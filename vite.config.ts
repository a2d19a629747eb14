/// <reference types="vitest/config" />
// Vite builds the app; Vitest runs unit tests in two projects: most in node, the few that need a page in jsdom.
import { readdirSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { defineConfig, type Plugin } from 'vite'
import type { ChunkingContext } from 'rolldown'
import react from '@vitejs/plugin-react'

/**
 * Writes precache.json: every built file under assets/ (not source maps) for the service worker (public/sw.js) to
 * cache at install, so chunks loaded only later (a share link's decoder, the load-test worker, the embed host API)
 * still work offline after the first visit. It lists what is on disk once the bundle is written: the names seen in
 * generateBundle can still change afterwards (two chunks' hashes did), and one missing file makes the worker's
 * cache.addAll fail, so it would never install.
 */
function precacheManifest(): Plugin {
  let outDir = 'dist'
  return {
    name: 'stickylab-precache-manifest',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir)
    },
    writeBundle() {
      const files = readdirSync(join(outDir, 'assets'))
        .filter((f) => !f.endsWith('.map'))
        // HashiCorp's HCL parser (750 kB gzipped) loads only for a Terraform import: not on every first visit.
        .filter((f) => !f.startsWith('hclParser-'))
        .map((f) => `assets/${f}`)
        .sort()
      writeFileSync(join(outDir, 'precache.json'), JSON.stringify(files))
    },
  }
}

/**
 * Everything the page's entry imports statically (what loads before the first paint) goes into one chunk. Left to
 * itself the bundler split it into eight files (modules also used by lazily loaded chunks were cut out into small
 * shared chunks), and gzip compresses one file better than eight: 2 kB less to download for the same code
 * (ADR 0017). Lazily loaded chunks still import what they share from it; nothing lazy is pulled in.
 */
function startupChunk() {
  const entry = resolve(import.meta.dirname, 'src/app/main.tsx')
  let startup: Set<string> | null = null
  return (id: string, ctx: ChunkingContext): string | null => {
    if (startup === null) {
      startup = new Set([entry])
      const queue = [entry]
      for (let m = queue.pop(); m !== undefined; m = queue.pop())
        for (const dep of ctx.getModuleInfo(m)?.importedIds ?? [])
          if (!startup.has(dep)) {
            startup.add(dep)
            queue.push(dep)
          }
    }
    return startup.has(id) ? 'startup' : null
  }
}

/**
 * `import url from './x.ts?moduleScript'`: x.ts built as an entry chunk of its own (sharing the page's chunks, like a
 * lazily loaded one) and that chunk's URL, for a `<script type="module">` the page inserts: unlike import(), such a
 * script holds the page's load event until it and its imports have run (ADR 0018). The build emits the chunk and
 * lets the bundler write its URL (`import.meta.ROLLUP_FILE_URL_*`: `new URL('families-….js', import.meta.url)` under
 * `base: './'`, and the importing chunk's hash follows the emitted one's). The dev server and Vitest serve x.ts itself.
 */
function moduleScriptUrl(): Plugin {
  const suffix = '?moduleScript'
  const prefix = '\0moduleScript:'
  let root = ''
  let build = false
  return {
    name: 'stickylab-module-script-url',
    enforce: 'pre',
    configResolved(config) {
      root = config.root
      build = config.command === 'build'
    },
    async resolveId(source, importer) {
      if (!source.endsWith(suffix)) return null
      const resolved = await this.resolve(source.slice(0, -suffix.length), importer)
      return resolved === null ? null : prefix + resolved.id
    },
    load(id) {
      if (!id.startsWith(prefix)) return null
      const file = id.slice(prefix.length)
      if (!build) return `export default ${JSON.stringify('/' + relative(root, file))}`
      const ref = this.emitFile({ type: 'chunk', id: file })
      return `export default import.meta.ROLLUP_FILE_URL_${ref}`
    },
  }
}

/** The CSP <meta> in index.html is for the built site: Vite's dev server injects inline scripts and <style>
 *  elements (hot reload) that a strict policy blocks, so `npm run dev` serves the page without it. */
const devServerWithoutCsp = {
  name: 'stickylab-dev-server-without-csp',
  apply: 'serve' as const,
  transformIndexHtml: (html: string) =>
    html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, ''),
}

export default defineConfig({
  plugins: [react(), moduleScriptUrl(), precacheManifest(), devServerWithoutCsp],
  base: './',
  build: {
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: startupChunk() }] } } },
  },
  server: { port: 5173 },
  preview: { port: 4173, strictPort: true },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          setupFiles: ['src/testSetup.ts'],
          // Pure modules: one module graph per worker thread instead of one per file (the suite's start-up cost).
          // Tests here keep no global state between files; the DOM tests below stay isolated.
          pool: 'threads',
          isolate: false,
          // Everything but the few tests that need a page (named *.dom.test.*): jsdom costs about a second a file.
          include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
          exclude: ['src/**/*.dom.test.{ts,tsx}'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          setupFiles: ['src/testSetup.ts'],
          pool: 'threads',
          include: ['src/**/*.dom.test.{ts,tsx}'],
        },
      },
    ],
  },
})
