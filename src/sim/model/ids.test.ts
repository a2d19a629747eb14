// Branded ids are a compile-time guarantee with no run-time trace: the public API still takes plain strings, returns
// ids that read as strings, and a string is an id only where the core has checked it.
import { describe, expect, expectTypeOf, it } from 'vitest'
import { createLab } from '../index'
import type { ClientId, TargetGroupName, TargetId } from './ids'
import { asTargetId } from './ids'

describe('branded ids', () => {
  it('are kept apart by the compiler, and are plain strings at run time', () => {
    expectTypeOf<TargetId>().toExtend<string>()
    expectTypeOf<string>().not.toExtend<TargetId>()
    expectTypeOf<ClientId>().not.toExtend<TargetId>()
    expectTypeOf<TargetGroupName>().not.toExtend<ClientId>()
    expect(asTargetId('i-1')).toBe('i-1')
  })

  it('the public API takes string literals and answers with ids', () => {
    const lab = createLab({ seed: 1 })
    lab.addClient('alice')
    expect(lab.registerTargets('web', ['i-1'])).toEqual({ ok: true })
    const id = lab.launchInstance()
    expectTypeOf(id).toEqualTypeOf<TargetId>()
    expectTypeOf(lab.targetGroups()[0]!.name).toEqualTypeOf<TargetGroupName>()
    expectTypeOf(lab.clients()[0]!.id).toEqualTypeOf<ClientId>()
    const plain: string = id
    expect(JSON.stringify(lab.instances().map((i) => i.id))).toBe('["i-1","i-2","i-3","i-4"]')
    expect(plain).toBe('i-4')
  })
})
