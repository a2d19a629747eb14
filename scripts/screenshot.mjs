// Takes screenshots of the built lab (for the README and for looking at changes):
//   node scripts/screenshot.mjs [distDir] [outDir] — serves distDir with vite preview on a free port.
import { spawn } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { chromium } from '@playwright/test'
import { launchOptionsFor, resolveBrowser } from './browser.mjs'

const dist = process.argv[2] ?? 'dist'
const out = process.argv[3] ?? 'reports/screens'
const port = 4390 + Math.floor(Math.random() * 50)
mkdirSync(out, { recursive: true })
const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort', '--outDir', dist], { stdio: 'ignore', detached: true })
const url = `http://localhost:${port}/`
try {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) break
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  const resolved = resolveBrowser()
  const browser = await chromium.launch({ ...launchOptionsFor(resolved), ...(resolved.channel ? { channel: resolved.channel } : {}) })
  for (const [name, viewport, theme] of [
    ['desktop-light', { width: 1280, height: 800 }, 'light'],
    ['desktop-dark', { width: 1280, height: 800 }, 'dark'],
    ['phone-light', { width: 390, height: 844 }, 'light'],
    ['phone-dark', { width: 390, height: 844 }, 'dark'],
  ]) {
    const context = await browser.newContext({ viewport, colorScheme: theme, reducedMotion: 'no-preference' })
    // The lab itself, not the first-visit welcome over it.
    await context.addInitScript(() => window.localStorage.setItem('stickylab.welcome.v1', 'dismissed'))
    const page = await context.newPage()
    await page.goto(url)
    await page.getByRole('button', { name: 'Send request' }).first().waitFor()
    await page.evaluate(() => {
      const { send } = window.stickylab.current
      send({ type: 'lab.call', method: 'modifyTargetGroupAttributes', args: ['web', { 'stickiness.enabled': 'true', 'stickiness.type': 'lb_cookie', 'stickiness.lb_cookie.duration_seconds': '20' }] })
      send({ type: 'lab.call', method: 'addClient', args: ['bob'] })
      send({ type: 'lab.call', method: 'request', args: ['alice', { path: '/cart/add' }] })
      send({ type: 'lab.call', method: 'request', args: ['bob', {}] })
      send({ type: 'sim.advance', seconds: 0.6 })
      send({ type: 'lab.call', method: 'request', args: ['alice', {}] })
      send({ type: 'lab.call', method: 'request', args: ['bob', {}] })
      send({ type: 'sim.advance', seconds: 0.35 })
      send({ type: 'sim.pause' })
    })
    await page.waitForTimeout(300)
    await page.screenshot({ path: `${out}/${name}.png`, fullPage: name !== 'desktop-light' })
    await context.close()
  }
  await browser.close()
} finally {
  process.kill(-server.pid)
}
console.log(`screenshots in ${out}/`)
