// Entry for `npm run bench` (in-process part): runs the core and machine benchmarks, writes bench/.inprocess.json.
import { writeFileSync } from 'node:fs'
import { it } from 'vitest'
import { runCoreBench } from './coreBench'
import { runMachineBench } from './machineBench'

it('measures the core and the machine', async () => {
  const results = { ...(await runCoreBench()), ...runMachineBench() }
  writeFileSync('bench/.inprocess.json', JSON.stringify(results, null, 2))
})
