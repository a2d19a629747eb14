import { describe, expect, it } from 'vitest'
import { MAX_LINE_LENGTH, tokenizeLine } from './tokenizeLine'

const words = (line: string) => {
  const r = tokenizeLine(line)
  if (!r.ok) throw new Error(r.message)
  return r.words
}

describe('tokenizeLine', () => {
  it('splits on blanks and keeps quoted text whole', () => {
    expect(words('aws  elbv2\tdescribe-target-groups ')).toEqual([
      'aws',
      'elbv2',
      'describe-target-groups',
    ])
    expect(words(`--attributes 'Key=a b,Value=c' "x y"`)).toEqual([
      '--attributes',
      'Key=a b,Value=c',
      'x y',
    ])
    expect(words(`a'b'"c"d`)).toEqual(['abcd'])
    expect(words(`''`)).toEqual([''])
  })

  it('reads single quotes literally and lets a backslash escape only " \\ $ ` inside double quotes', () => {
    expect(words(`'a\\b$X'`)).toEqual(['a\\b$X'])
    expect(words(`"a\\"b\\\\c\\$d\\e"`)).toEqual(['a"b\\c$d\\e'])
    expect(words(`a\\ b \\'c`)).toEqual(['a b', "'c"])
  })

  it('joins lines continued with a backslash, as pasted from AWS docs', () => {
    expect(words('aws elbv2 modify-listener \\\n  --listener-arn x \\\r\n  --port 80')).toEqual([
      'aws',
      'elbv2',
      'modify-listener',
      '--listener-arn',
      'x',
      '--port',
      '80',
    ])
  })

  it('leaves $VARS and $(…) alone: the console runs no shell', () => {
    expect(words('"$TG_ARN" $(date)')).toEqual(['$TG_ARN', '$(date)'])
  })

  it('refuses unbalanced quotes, a trailing backslash and over-long lines with a readable message', () => {
    expect(tokenizeLine(`aws 'abc`)).toEqual({
      ok: false,
      message: expect.stringContaining('single quote'),
    })
    expect(tokenizeLine(`aws "abc`)).toEqual({
      ok: false,
      message: expect.stringContaining('double quote'),
    })
    expect(tokenizeLine(`aws \\`)).toEqual({
      ok: false,
      message: expect.stringContaining('backslash'),
    })
    const long = tokenizeLine('a'.repeat(MAX_LINE_LENGTH + 1))
    expect(long.ok).toBe(false)
    expect(tokenizeLine('a '.repeat(1001)).ok).toBe(false)
  })
})
