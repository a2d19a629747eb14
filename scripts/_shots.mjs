import { chromium } from '@playwright/test'
import { spawn } from 'node:child_process'
const server = spawn('npx', ['vite', 'preview', '--port', '4798', '--strictPort'], { cwd: '/work/main', stdio: 'ignore', detached: true })
await new Promise((r) => setTimeout(r, 2500))
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
try {
  for (const [w, h] of [[1280, 800], [1920, 1080], [390, 844]]) {
    const ctx = await b.newContext({ viewport: { width: w, height: h } })
    const page = await ctx.newPage()
    await page.goto('http://localhost:4798/')
    await page.getByRole('button', { name: 'Send request' }).first().waitFor()
    await page.waitForTimeout(800)
    await page.screenshot({ path: `/tmp/screens/welcome-${w}.png` })
    await page.getByRole('button', { name: /^Explore/ }).first().click()
    await page.evaluate(() => {
      const api = window.stickylab.current
      const call = (method, ...args) => api.send({ type: 'lab.call', method, args })
      call('addClient', 'bob')
      call('addClient', 'curl-1', { kind: 'curl' })
      call('modifyTargetGroupAttributes', 'web', { 'stickiness.enabled': 'true', 'stickiness.type': 'lb_cookie' })
      call('setCdn', { enabled: true, cookies: 'whitelist', names: ['AWSALB'] })
      for (let i = 0; i < 3; i++) for (const c of ['alice', 'bob', 'curl-1']) call('request', c)
    })
    await page.waitForTimeout(2500)
    await page.screenshot({ path: `/tmp/screens/lab-${w}.png` })
    await ctx.close()
  }
} finally { await b.close(); process.kill(-server.pid) }
