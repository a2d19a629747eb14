import { describe, expect, it } from 'vitest'
import { INTEGER, listOf, parseOptions, STRING, STRINGS, structure, BOOLEAN } from './cliArgs'
import { parseShorthand, type CliValue } from './shorthand'

/** Maps as plain data, to compare. */
function plain(value: CliValue): unknown {
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [k, plain(v)]))
  if (Array.isArray(value)) return value.map(plain)
  return value
}

function shorthand(text: string): unknown {
  const r = parseShorthand(text)
  if (!r.ok) throw new Error(r.message)
  return plain(r.value)
}

describe('AWS CLI shorthand syntax', () => {
  it('reads key=value pairs', () => {
    expect(shorthand('Key=stickiness.enabled,Value=true')).toEqual({
      Key: 'stickiness.enabled',
      Value: 'true',
    })
    expect(shorthand('Key=a,Value=')).toEqual({ Key: 'a', Value: '' })
    expect(shorthand('Value=a=b')).toEqual({ Value: 'a=b' })
  })

  it('reads a comma-separated list after a key, up to the next key', () => {
    expect(shorthand('Name=x,Values=y,z')).toEqual({ Name: 'x', Values: ['y', 'z'] })
    expect(shorthand('Values=y,z,Name=x')).toEqual({ Values: ['y', 'z'], Name: 'x' })
  })

  it('reads explicit lists and nested structures, as --default-actions documents them', () => {
    expect(
      shorthand(
        'Type=forward,ForwardConfig={TargetGroups=[{TargetGroupArn=arn:a,Weight=1},{TargetGroupArn=arn:b,Weight=2}],TargetGroupStickinessConfig={Enabled=true,DurationSeconds=60}}',
      ),
    ).toEqual({
      Type: 'forward',
      ForwardConfig: {
        TargetGroups: [
          { TargetGroupArn: 'arn:a', Weight: '1' },
          { TargetGroupArn: 'arn:b', Weight: '2' },
        ],
        TargetGroupStickinessConfig: { Enabled: 'true', DurationSeconds: '60' },
      },
    })
    expect(shorthand('Values=[a,b],Empty=[],E={}')).toEqual({
      Values: ['a', 'b'],
      Empty: [],
      E: {},
    })
  })

  it('reads quoted values and escaped commas', () => {
    expect(shorthand(`Key=a,Value='x,y'`)).toEqual({ Key: 'a', Value: 'x,y' })
    expect(shorthand(`Value="{}"`)).toEqual({ Value: '{}' })
    expect(shorthand('Value=x\\,y')).toEqual({ Value: 'x,y' })
  })

  it('keeps __proto__ an ordinary key', () => {
    const r = parseShorthand('__proto__=x,constructor=y')
    expect(r.ok && [...r.value.keys()]).toEqual(['__proto__', 'constructor'])
    expect(({} as Record<string, unknown>).x).toBeUndefined()
  })

  it('answers malformed input in AWS CLI’s words, with a caret', () => {
    expect(parseShorthand('Key')).toEqual({
      ok: false,
      message: "Expected: '=', received: 'EOF' for input:\nKey\n   ^",
    })
    expect(parseShorthand('A={B=1').ok).toBe(false)
    expect(parseShorthand(`A='x`).ok).toBe(false)
    expect(parseShorthand('A=' + '['.repeat(50)).ok).toBe(false)
  })
})

describe('parseOptions', () => {
  const specs = [
    { name: '--target-group-arn', shape: STRING, required: true },
    {
      name: '--attributes',
      shape: listOf(
        structure([
          ['Key', STRING],
          ['Value', STRING],
        ]),
      ),
    },
    { name: '--port', shape: INTEGER },
    { name: '--names', shape: STRINGS },
    {
      name: '--config',
      shape: structure(
        [
          ['Enabled', BOOLEAN],
          ['Count', INTEGER],
        ],
        ['Enabled'],
      ),
    },
  ]

  it('reads --name value, --name=value, lists up to the next option, shorthand and JSON', () => {
    const r = parseOptions(
      [
        '--target-group-arn=arn',
        '--attributes',
        'Key=a,Value=b',
        'Key=c,Value=d',
        '--port',
        '80',
        '--names',
        'x',
        'y',
        '--config',
        'Enabled=true,Count=3',
      ],
      specs,
    )
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.values.get('--target-group-arn')).toBe('arn')
    expect(JSON.stringify(r.values.get('--attributes'))).toBe(
      '[{"Key":"a","Value":"b"},{"Key":"c","Value":"d"}]',
    )
    expect(r.values.get('--port')).toBe(80)
    expect(r.values.get('--names')).toEqual(['x', 'y'])
    expect(JSON.stringify(r.values.get('--config'))).toBe('{"Enabled":true,"Count":3}')
    const json = parseOptions(
      ['--target-group-arn', 'a', '--attributes', '[{"Key":"a","Value":"b"}]', '--names', '[]'],
      specs,
    )
    expect(json.ok && JSON.stringify(json.values.get('--attributes'))).toBe(
      '[{"Key":"a","Value":"b"}]',
    )
    expect(json.ok && json.values.get('--names')).toEqual([])
  })

  it('answers missing and unknown options as the CLI does', () => {
    expect(parseOptions(['--port', '80'], specs)).toEqual({
      ok: false,
      kind: 'usage',
      message: 'the following arguments are required: --target-group-arn',
    })
    expect(parseOptions(['--target-group-arn', 'a', '--bogus', 'x'], specs)).toEqual({
      ok: false,
      kind: 'usage',
      message: 'Unknown options: --bogus, x',
    })
    expect(parseOptions(['--target-group-arn'], specs)).toMatchObject({
      ok: false,
      message: 'argument --target-group-arn: expected one argument',
    })
  })

  it('checks values against the parameter’s shape with botocore’s messages', () => {
    const msg = (words: string[]) => {
      const r = parseOptions(['--target-group-arn', 'a', ...words], specs)
      return r.ok ? '' : r.message
    }
    expect(msg(['--attributes', 'Key=a,Valu=b'])).toBe(
      'Parameter validation failed:\nUnknown parameter in Attributes[0]: "Valu", must be one of: Key, Value',
    )
    expect(msg(['--config', 'Count=1'])).toBe(
      'Parameter validation failed:\nMissing required parameter in Config: "Enabled"',
    )
    expect(msg(['--config', '{"Enabled":"yes"}'])).toContain(
      "Invalid type for parameter Config.Enabled, value: yes, type: <class 'str'>, valid types: <class 'bool'>",
    )
    expect(msg(['--port', 'eighty'])).toBe(
      "Error parsing parameter '--port': invalid literal for int() with base 10: 'eighty'",
    )
    expect(msg(['--port', '99999999999999999999999'])).toContain('Invalid range for parameter Port')
    expect(msg(['--attributes', '[{"Key":'])).toContain(
      "Error parsing parameter '--attributes': Invalid JSON:",
    )
    expect(msg(['--attributes', 'Key'])).toContain(
      "Error parsing parameter '--attributes': Expected: '='",
    )
    expect(msg(['--attributes', '{"__proto__":{"Key":"x"}}'])).toContain(
      'Invalid type for parameter Attributes',
    )
  })
})
