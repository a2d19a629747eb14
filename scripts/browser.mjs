// Finds a Chromium for Playwright without installing anything; shared by playwright.config.ts and scripts/e2e.mjs.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']

/**
 * Lookup order: STICKYLAB_BROWSER (must exist) → Playwright's own Chromium → a system Chromium.
 * Returns { kind, executablePath?, channel?, description } or { kind: 'none', description }.
 */
export function resolveBrowser() {
  const fromEnv = process.env.STICKYLAB_BROWSER
  if (fromEnv) {
    if (!existsSync(fromEnv)) {
      return { kind: 'error', description: `STICKYLAB_BROWSER is set to ${fromEnv}, but no file exists there.` }
    }
    return { kind: 'env', executablePath: fromEnv, description: `STICKYLAB_BROWSER (${fromEnv})` }
  }
  try {
    const require = createRequire(import.meta.url)
    const { chromium } = require('playwright-core')
    const own = chromium.executablePath()
    if (own && existsSync(own)) return { kind: 'playwright', channel: 'chromium', description: `Playwright's Chromium (${own})` }
  } catch {
    // playwright-core not resolvable or no browser registry entry: fall through to the system browser.
  }
  const system = SYSTEM_PATHS.find((p) => existsSync(p))
  if (system) return { kind: 'system', executablePath: system, description: `system Chromium (${system})` }
  return { kind: 'none', description: 'no Chromium found' }
}

/** Playwright launch options for the resolved browser. */
export function launchOptionsFor(browser) {
  const opts = { args: CHROMIUM_ARGS }
  if (browser.executablePath) opts.executablePath = browser.executablePath
  return opts
}
