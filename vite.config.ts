/// <reference types="vitest/config" />
// Vite builds the app; Vitest runs unit tests in two projects: pure layers in node, DOM layers in jsdom.
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

/** The CSP <meta> in index.html is for the built site: Vite's dev server injects inline scripts and <style>
 *  elements (hot reload) that a strict policy blocks, so `npm run dev` serves the page without it. */
const devServerWithoutCsp = {
  name: 'stickylab-dev-server-without-csp',
  apply: 'serve' as const,
  transformIndexHtml: (html: string) => html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, ''),
}

export default defineConfig({
  plugins: [react(), devServerWithoutCsp],
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
