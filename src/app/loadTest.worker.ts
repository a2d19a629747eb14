// The load test off the main thread: runs the core's startLoadTest on a copy of the lab's world in slices and
// posts progress after each, so the page stays responsive. Cancelling terminates the worker (loadTestRunner.ts).
import { startLoadTest, type LoadTestOptions, type LoadTestResult, type World } from '../sim'

export type LoadTestRequest = { world: World; options: LoadTestOptions }
export type LoadTestMessage =
  | { type: 'progress'; result: LoadTestResult }
  | { type: 'done'; result: LoadTestResult }
  | { type: 'error'; message: string }

/** Requests per slice: small enough for ~20 progress updates a second, large enough to cost nothing. */
const SLICE = 25_000

self.onmessage = (event: MessageEvent<LoadTestRequest>) => {
  const post = (m: LoadTestMessage) => self.postMessage(m)
  try {
    const run = startLoadTest(event.data.world, event.data.options)
    let result = run.result()
    while (!result.done) {
      result = run.run(SLICE)
      post({ type: result.done ? 'done' : 'progress', result })
    }
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) })
  }
}
