// Entry for `npm run bench` (in-process part): runs the core, machine and memory benchmarks, writes bench/.inprocess.json.
import { writeFileSync } from 'node:fs'
import { it } from 'vitest'
import { runCoreBench } from './coreBench'
import { runMachineBench } from './machineBench'
import { runMemoryBench } from './memoryBench'

it('measures the core and the machine', async () => {
  const results = { ...(await runCoreBench()), ...runMachineBench(), ...(await runMemoryBench()) }
  writeFileSync('bench/.inprocess.json', JSON.stringify(results, null, 2))
})
