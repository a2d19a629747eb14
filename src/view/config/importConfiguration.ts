// Pasted text → an imported configuration: finds the format (Terraform HCL or JSON, CloudFormation YAML/JSON or
// a `cdk synth` template, Kubernetes manifests, aws elbv2 describe output), parses it with the tool's own parser
// loaded on demand (HashiCorp's HCL parser, the `yaml` package), and reads it. Anything that cannot be read becomes
// an ImportError with one readable sentence; nothing here touches a lab.
import { parseAllDocuments } from 'yaml'
import type * as HclParser from './hclParser'
import { readCloudFormation } from './importCloudFormation'
import { isDescribeOutput, readDescribeOutput } from './importDescribe'
import { readKubernetes } from './importKubernetes'
import { readTerraform } from './importTerraform'
import { ImportError, isRecord, own, type ImportedConfiguration } from './importTypes'

/** The longest paste read (a real load balancer's configuration is a few kilobytes). */
export const MAX_IMPORT_CHARACTERS = 200_000

const HCL_START =
  /^\s*(?:#[^\n]*\n\s*|\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*(resource|variable|provider|terraform|data|locals|output|module)\s*["{a-z_]/

/** CloudFormation's short-form intrinsic functions (`!Ref X`), read as their full form (`{ Ref: X }`). */
const CFN_FUNCTIONS = [
  'Ref',
  'GetAtt',
  'Sub',
  'Join',
  'Select',
  'Split',
  'If',
  'Equals',
  'And',
  'Or',
  'Not',
  'FindInMap',
  'ImportValue',
  'GetAZs',
  'Base64',
  'Cidr',
  'Condition',
] as const

// yaml is static: the exports use it too, so it is in this panel's chunk already (HCL's parser is the large one).
function yamlTags() {
  const tags = CFN_FUNCTIONS.flatMap((fn) => {
    const key = fn === 'Ref' || fn === 'Condition' ? fn : `Fn::${fn}`
    const wrap = (value: unknown) =>
      Object.fromEntries([
        [key, fn === 'GetAtt' && typeof value === 'string' ? value.split('.') : value],
      ])
    return [
      { tag: `!${fn}`, resolve: (value: string) => wrap(value) },
      {
        tag: `!${fn}`,
        collection: 'seq' as const,
        resolve: (value: unknown) => wrap((value as { toJSON(): unknown }).toJSON()),
      },
      {
        tag: `!${fn}`,
        collection: 'map' as const,
        resolve: (value: unknown) => wrap((value as { toJSON(): unknown }).toJSON()),
      },
    ]
  })
  return tags
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new ImportError(
      `This is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    )
  }
}

type HclParserModule = typeof HclParser

async function parseHcl(text: string): Promise<unknown> {
  let parser: HclParserModule
  try {
    parser = await import('./hclParser')
  } catch {
    throw new ImportError(
      'The Terraform parser could not be loaded (it is fetched the first time a Terraform paste is imported: are you offline?). Nothing was read.',
    )
  }
  let result: unknown
  try {
    result = parser.parseHclToObject(text)
  } catch {
    result = null
  }
  const [parsed, error] = Array.isArray(result) ? result : [null, true]
  if (error !== null && error !== undefined)
    throw new ImportError(
      "This is not valid Terraform (HCL) syntax: HashiCorp's HCL parser could not read it. Check for an unclosed block or string, or a block written on one line with several arguments.",
    )
  return parsed
}

async function parseYaml(text: string): Promise<unknown[]> {
  const docs = parseAllDocuments(text, { customTags: yamlTags(), uniqueKeys: true })
  const list = Array.isArray(docs) ? docs : [docs]
  const values: unknown[] = []
  for (const doc of list) {
    const error = doc.errors[0]
    if (error !== undefined)
      throw new ImportError(`This is not valid YAML: ${error.message.split('\n')[0]}`)
    try {
      values.push(doc.toJS({ maxAliasCount: 100 }))
    } catch (e) {
      throw new ImportError(
        `This YAML cannot be read: ${e instanceof Error ? e.message : String(e)}`,
      )
    }
  }
  return values.filter((v) => v !== null && v !== undefined)
}

function isTemplate(value: unknown): boolean {
  return (
    isRecord(value) &&
    (own(value, 'Resources') !== undefined || own(value, 'AWSTemplateFormatVersion') !== undefined)
  )
}

function isTerraformJson(value: unknown): boolean {
  return isRecord(value) && own(value, 'resource') !== undefined
}

const NOT_RECOGNISED =
  'The lab does not recognise this configuration. Paste Terraform (HCL or JSON), a CloudFormation template (YAML or JSON, or the output of cdk synth), Kubernetes Ingress and Service manifests, or the JSON output of aws elbv2 describe-target-group-attributes, describe-target-groups or describe-listeners.'

/**
 * Reads pasted configuration. `defaultGroup` receives describe-target-group-attributes output, which names no group.
 * Throws ImportError with a readable message for anything it cannot use.
 */
export async function readConfiguration(
  text: string,
  defaultGroup: string,
): Promise<ImportedConfiguration> {
  if (typeof text !== 'string' || text.trim() === '')
    throw new ImportError('Paste a configuration first.')
  if (text.length > MAX_IMPORT_CHARACTERS)
    throw new ImportError(
      `This paste is ${text.length.toLocaleString('en-US')} characters long; the lab reads at most ${MAX_IMPORT_CHARACTERS.toLocaleString('en-US')} (one load balancer's configuration is a few thousand).`,
    )
  const trimmed = text.trimStart()
  try {
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
      const value = parseJson(text)
      if (isTemplate(value))
        return readCloudFormation(
          value,
          isCdk(value) ? 'AWS CDK template (cdk synth)' : 'CloudFormation template (JSON)',
        )
      if (isDescribeOutput(value)) return readDescribeOutput(value, defaultGroup)
      if (isTerraformJson(value)) return { ...readTerraform(value), format: 'Terraform (JSON)' }
      throw new ImportError(NOT_RECOGNISED)
    }
    if (HCL_START.test(text)) return readTerraform(await parseHcl(text))
    const docs = await parseYaml(text)
    if (docs.length === 1 && isTemplate(docs[0]))
      return readCloudFormation(docs[0], 'CloudFormation template (YAML)')
    if (
      docs.length > 0 &&
      docs.every(
        (d) => isRecord(d) && own(d, 'apiVersion') !== undefined && own(d, 'kind') !== undefined,
      )
    )
      return readKubernetes(docs)
    throw new ImportError(NOT_RECOGNISED)
  } catch (error) {
    if (error instanceof ImportError) throw error
    // A parser's own failure on hostile input (deep nesting, a stack overflow): still one sentence.
    throw new ImportError(
      `The configuration could not be read: ${error instanceof Error ? error.message : String(error)}`,
    )
  }
}

/** `cdk synth` marks its templates with CDK metadata and a BootstrapVersion parameter. */
function isCdk(value: unknown): boolean {
  if (!isRecord(value)) return false
  const params = own(value, 'Parameters')
  const resources = own(value, 'Resources')
  return (
    (isRecord(params) && own(params, 'BootstrapVersion') !== undefined) ||
    (isRecord(resources) && own(resources, 'CDKMetadata') !== undefined)
  )
}
