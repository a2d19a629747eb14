// The Load test panel wired to its Web Worker runner; App.tsx loads this module lazily (its own chunk).
import { LoadTestPanel } from '../ui/panels/LoadTestPanel'
import { runLoadTestInWorker } from './loadTestRunner'

export default function LoadTestSlot() {
  return <LoadTestPanel run={runLoadTestInWorker} />
}
