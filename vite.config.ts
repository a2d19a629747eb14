/// <reference types="vitest/config" />
// Vite builds the app; Vitest runs unit tests in two projects: pure layers in node, DOM layers in jsdom.
import { readdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { defineConfig, type Plugin } from 'vite'
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
        .map((f) => `assets/${f}`)
        .sort()
      writeFileSync(join(outDir, 'precache.json'), JSON.stringify(files))
    },
  }
}

/** The CSP <meta> in index.html is for the built site: Vite's dev server injects inline scripts and <style>
 *  elements (hot reload) that a strict policy blocks, so `npm run dev` serves the page without it. */
const devServerWithoutCsp = {
  name: 'stickylab-dev-server-without-csp',
  apply: 'serve' as const,
  transformIndexHtml: (html: string) => html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, ''),
}

export default defineConfig({
  plugins: [react(), precacheManifest(), devServerWithoutCsp],
  base: './',
  build: {
    target: 'es2022',
    sourcemap: true,
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
          include: ['src/sim/**/*.test.ts', 'src/machines/**/*.test.ts', 'src/lessons/**/*.test.ts', 'scripts/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['src/view/**/*.test.ts', 'src/ui/**/*.test.{ts,tsx}', 'src/store/**/*.test.ts', 'src/app/**/*.test.{ts,tsx}'],
        },
      },
    ],
  },
})
