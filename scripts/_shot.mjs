import { chromium } from '@playwright/test'
import { spawn } from 'node:child_process'
import { launchOptionsFor, resolveBrowser } from './browser.mjs'
const port = 4735
const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], { stdio: 'ignore', detached: true })
await new Promise((r) => setTimeout(r, 4000))
const browser = await chromium.launch(launchOptionsFor(resolveBrowser()))
for (const [w, h] of [[1280, 800], [390, 844], [1920, 1080]]) {
  const ctx = await browser.newContext({ viewport: { width: w, height: h } })
  await ctx.addInitScript(() => localStorage.setItem('stickylab.welcome.v1', 'dismissed'))
  const page = await ctx.newPage()
  await page.goto(`http://localhost:${port}/`)
  await page.getByRole('button', { name: 'Send request' }).first().waitFor()
  await page.evaluate(() => {
    const api = window.stickylab.current
    api.send({ type: 'lab.call', method: 'addClient', args: ['bob'] })
    api.send({ type: 'lab.call', method: 'modifyTargetGroupAttributes', args: ['web', { 'stickiness.enabled': 'true' }] })
    api.send({ type: 'lab.call', method: 'request', args: ['alice'] })
    api.send({ type: 'lab.call', method: 'request', args: ['bob', { crossSite: true, credentials: 'include' }] })
  })
  await page.waitForTimeout(2500)
  await page.screenshot({ path: `/tmp/shot-${w}.png` })
  await ctx.close()
}
await browser.close(); process.kill(-server.pid)
