import { chromium } from '@playwright/test'
import { spawn } from 'node:child_process'
import { launchOptionsFor, resolveBrowser } from './browser.mjs'
import { VIEWPORT, openApp } from './benchPage.mjs'
const port = 4733
const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], { stdio: 'ignore', detached: true })
await new Promise((r) => setTimeout(r, 4000))
const browser = await chromium.launch(launchOptionsFor(resolveBrowser()))
const ctx = await browser.newContext({ viewport: VIEWPORT })
const { page } = await openApp(ctx, `http://localhost:${port}/`)
const N = Number(process.env.N ?? 10000)
const r = await page.evaluate(async (n) => {
  const api = window.stickylab.current
  const t0 = performance.now()
  for (let i = 0; i < n; i++) api.send({ type: 'lab.call', method: 'addClient', args: ['c' + i] })
  const t1 = performance.now()
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
  const t2 = performance.now()
  for (let i = 0; i < n; i++) api.send({ type: 'lab.call', method: 'request', args: ['c' + i] })
  const t3 = performance.now()
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
  const t4 = performance.now()
  return { add: t1 - t0, drawAdd: t2 - t1, req: t3 - t2, drawReq: t4 - t3, nodes: document.querySelectorAll('*').length }
}, N)
console.log(JSON.stringify(r))
await page.screenshot({ path: '/tmp/many.png' })
await browser.close(); process.kill(-server.pid)
