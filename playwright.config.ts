// Playwright runs the e2e suite against `vite preview` of the production build in a real Chromium.
import { defineConfig } from '@playwright/test'
import { launchOptionsFor, resolveBrowser } from './scripts/browser.mjs'

const browser = resolveBrowser()
const CI = !!process.env.CI
// Separate ports and build folders let several people run suites side by side.
const PORT = Number(process.env.STICKYLAB_E2E_PORT ?? 4173)
const DIST = process.env.STICKYLAB_DIST ?? 'dist'
const OUT = process.env.STICKYLAB_E2E_OUT ?? 'test-results'
const REPORT = process.env.STICKYLAB_E2E_REPORT ?? 'reports/e2e.json'

export default defineConfig({
  testDir: 'e2e',
  outputDir: OUT,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: true,
  workers: 2,
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  reporter: [['list'], ['json', { outputFile: REPORT }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    reducedMotion: 'reduce',
    // Every new page would install the offline service worker and precache the whole build: blocked here,
    // e2e/offline.spec.ts allows it and tests it.
    serviceWorkers: 'block',
    trace: 'on-first-retry',
    viewport: { width: 1280, height: 800 },
    launchOptions: launchOptionsFor(browser),
    ...(browser.channel ? { channel: browser.channel } : {}),
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: `npx vite preview --port ${PORT} --strictPort --outDir ${DIST}`,
    url: `http://localhost:${PORT}`,
    reuseExistingServer: !CI,
    timeout: 60_000,
  },
})
