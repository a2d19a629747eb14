// Filtering and ordering the inspector's request rows.
import { asClientId, asTargetId } from '../sim/model/ids'
import { describe, expect, it } from 'vitest'
import { filterChoices, NO_TARGET, requestRows, type RecordForRow } from './requestList'

const rec = (
  id: number,
  clientId: string,
  targetId: string | null,
  decision: RecordForRow['decision'],
  sticky = false,
): RecordForRow => ({
  id,
  at: id,
  clientId: asClientId(clientId),
  targetId: targetId === null ? null : asTargetId(targetId),
  status: targetId === null ? 503 : 200,
  sticky,
  decision,
})
const history = [
  rec(1, 'alice', 'i-1', 'sticky-miss-no-cookie'),
  rec(2, 'alice', 'i-1', 'sticky-hit', true),
  rec(3, 'bob', 'i-2', 'sticky-miss-no-cookie'),
  rec(4, 'bob', null, 'no-targets-503'),
]
const all = { client: '', target: '', decision: '' }

describe('requestRows', () => {
  it('lists newest first and honours the limit', () => {
    expect(requestRows(history, all, 10).map((r) => r.id)).toEqual([4, 3, 2, 1])
    expect(requestRows(history, all, 2).map((r) => r.id)).toEqual([4, 3])
  })
  it('filters by client, instance (or none) and decision together', () => {
    expect(requestRows(history, { ...all, client: 'alice' }, 10).map((r) => r.id)).toEqual([2, 1])
    expect(requestRows(history, { ...all, target: 'i-2' }, 10).map((r) => r.id)).toEqual([3])
    expect(requestRows(history, { ...all, target: NO_TARGET }, 10).map((r) => r.id)).toEqual([4])
    expect(
      requestRows(history, { ...all, decision: 'sticky-miss-no-cookie' }, 10).map((r) => r.id),
    ).toEqual([3, 1])
    expect(
      requestRows(history, { client: 'alice', target: 'i-1', decision: 'sticky-hit' }, 10).map(
        (r) => r.id,
      ),
    ).toEqual([2])
  })
})

describe('filterChoices', () => {
  it('merges known and seen names, sorted naturally', () => {
    expect(filterChoices(['i-10', 'i-2'], ['i-1', 'i-2'])).toEqual(['i-1', 'i-2', 'i-10'])
  })
})
