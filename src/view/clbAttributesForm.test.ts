import { describe, expect, it } from 'vitest'
import { createLab } from '../sim'
import {
  attributesFromDraft,
  draftFromAttributes,
  fieldForClbAttributesError,
} from './clbAttributesForm'

const current = () =>
  createLab({ seed: 1, loadBalancerType: 'classic' }).describeClassicLoadBalancerAttributes()!

describe('the Classic attributes form', () => {
  it('starts from the lab and sends nothing when nothing changed', () => {
    const view = current()
    const draft = draftFromAttributes(view)
    expect(draft).toMatchObject({
      draining: true,
      drainingTimeout: '300',
      idleTimeout: '60',
      crossZone: true,
      accessLog: false,
    })
    expect(attributesFromDraft(draft, view)).toEqual({})
  })

  it('sends only the structures that changed, numbers as numbers and other text as typed', () => {
    const view = current()
    const draft = { ...draftFromAttributes(view), drainingTimeout: '30', idleTimeout: 'abc' }
    expect(attributesFromDraft(draft, view)).toEqual({
      ConnectionDraining: { Enabled: true, Timeout: 30 },
      ConnectionSettings: { IdleTimeout: 'abc' },
    })
    const logs = {
      ...draftFromAttributes(view),
      accessLog: true,
      bucket: ' logs ',
      emitInterval: '5' as const,
    }
    expect(attributesFromDraft(logs, view)).toEqual({
      AccessLog: { Enabled: true, S3BucketName: 'logs', EmitInterval: 5 },
    })
  })

  it('an error goes beside the field its AWS parameter names', () => {
    expect(fieldForClbAttributesError('ConnectionDraining.Timeout')).toBe('drainingTimeout')
    expect(fieldForClbAttributesError('AccessLog.S3BucketName')).toBe('bucket')
    expect(fieldForClbAttributesError('toString')).toBe('form')
    expect(fieldForClbAttributesError(undefined)).toBe('form')
  })

  it('what the form sends, the lab accepts (the draft of a lab round-trips)', () => {
    const lab = createLab({ seed: 1, loadBalancerType: 'classic' })
    const view = lab.describeClassicLoadBalancerAttributes()!
    const draft = {
      ...draftFromAttributes(view),
      draining: false,
      crossZone: false,
      idleTimeout: '120',
    }
    expect(lab.modifyClassicLoadBalancerAttributes(attributesFromDraft(draft, view))).toEqual({
      ok: true,
    })
    expect(draftFromAttributes(lab.describeClassicLoadBalancerAttributes()!)).toEqual(draft)
  })
})
