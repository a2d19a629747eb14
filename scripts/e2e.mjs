// Runs the Playwright suite in a real Chromium, obtaining one first if none is installed (never skips silently).
import { spawnSync } from 'node:child_process'
import { resolveBrowser } from './browser.mjs'

function run(cmd, args, timeoutSec) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', timeout: timeoutSec * 1000 })
  return r.status === 0
}

export function ensureBrowser() {
  let browser = resolveBrowser()
  if (browser.kind === 'error') throw new Error(browser.description)
  if (browser.kind !== 'none') return browser

  console.log('No Chromium found. Trying Playwright\'s own download (npx playwright install chromium)…')
  if (run('npx', ['playwright', 'install', 'chromium'], 180)) browser = resolveBrowser()
  if (browser.kind !== 'none') return browser

  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0
  if (isRoot && hasApt) {
    console.log('Playwright could not download a browser. Installing Debian\'s chromium with apt-get…')
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
    const lock = ['-o', 'DPkg::Lock::Timeout=300']
    spawnSync('apt-get', [...lock, 'update', '-q'], { stdio: 'inherit', env, timeout: 600_000 })
    spawnSync('apt-get', [...lock, 'install', '-y', '-q', 'chromium'], { stdio: 'inherit', env, timeout: 900_000 })
    browser = resolveBrowser()
    if (browser.kind !== 'none') return browser
  }
  throw new Error(
    [
      'The end-to-end tests need Chromium and none could be obtained.',
      'Do one of these, then run npm test again:',
      '  • Debian/Ubuntu: sudo apt-get install chromium',
      '  • anywhere with internet access: npx playwright install chromium',
      '  • or point STICKYLAB_BROWSER at a Chromium/Chrome executable.',
    ].join('\n'),
  )
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const browser = ensureBrowser()
    console.log(`e2e browser: ${browser.description}`)
  } catch (e) {
    console.error(String(e instanceof Error ? e.message : e))
    process.exit(1)
  }
  const extra = process.argv.slice(2)
  const ok = run('npx', ['playwright', 'test', ...extra], 1500)
  process.exit(ok ? 0 : 1)
}
