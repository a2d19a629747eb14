// Gzip size of the JavaScript a built page loads before first paint: the entry script and its
// modulepreloads. Used by `npm run bench` (bundle.initialJsGzipKb) and runnable on its own:
// `node scripts/initialJs.mjs [dist]` prints the figure, so a change can be checked against the budget
// without running the whole benchmark.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { fileURLToPath } from 'node:url'

/** Kilobytes (one decimal) of gzip level 9 over the initial scripts of the build in `dir`. */
export function initialJsGzipKb(dir) {
  const html = readFileSync(join(dir, 'index.html'), 'utf8')
  const srcs = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ].map((m) => m[1])
  let bytes = 0
  for (const src of new Set(srcs)) {
    const file = join(dir, src.replace(/^\.?\//, ''))
    if (existsSync(file)) bytes += gzipSync(readFileSync(file), { level: 9 }).length
  }
  return Math.round((bytes / 1024) * 10) / 10
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? 'dist'
  console.log(`bundle.initialJsGzipKb ${initialJsGzipKb(dir)} kB (budget ≤ 130) in ${dir}`)
}
