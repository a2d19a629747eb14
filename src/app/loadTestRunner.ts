// Starts a load test in a Web Worker (loadTest.worker.ts) and hands its progress to the Load test panel.
// Cancelling terminates the worker at once: nothing it computed is kept, and the learner's lab was never touched.
import type { LoadTestRunner } from '../ui/panels/LoadTestPanel'
import type { LoadTestMessage, LoadTestRequest } from './loadTest.worker'

export const runLoadTestInWorker: LoadTestRunner = (world, options, onProgress) => {
  const worker = new Worker(new URL('./loadTest.worker.ts', import.meta.url), { type: 'module' })
  let settled = false
  let cancelRun = () => {}
  const done = new Promise<Parameters<typeof onProgress>[0] | null>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<LoadTestMessage>) => {
      const m = event.data
      if (m.type === 'progress') onProgress(m.result)
      else {
        settled = true
        worker.terminate()
        if (m.type === 'done') resolve(m.result)
        else reject(new Error(m.message))
      }
    }
    worker.onerror = (event) => {
      settled = true
      worker.terminate()
      reject(new Error(event.message || 'the load-test worker failed to start'))
    }
    const request: LoadTestRequest = { world, options }
    worker.postMessage(request)
    cancelRun = () => {
      if (settled) return
      settled = true
      worker.terminate()
      resolve(null)
    }
  })
  return { done, cancel: () => cancelRun() }
}
