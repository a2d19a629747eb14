// Reads Kubernetes manifests for the AWS Load Balancer Controller: Services and Ingresses with
// `alb.ingress.kubernetes.io/*` annotations. Each Service the Ingress sends traffic to is a target group named after
// the Service; a Service's annotations take priority over the Ingress's, as with the controller. The forward action
// comes from an `actions.<name>` annotation used by a backend, or from the single Service backend.
import { ALB_ANNOTATION, HEALTH_ANNOTATIONS } from './kubernetesExport'
import {
  booleanValue,
  ImportError,
  isRecord,
  own,
  shown,
  wholeNumber,
  type ImportedConfiguration,
  type ImportedGroup,
  type ImportedListener,
  type PlanLine,
} from './importTypes'

type Annotations = Map<string, string>

function annotationsOf(doc: Record<string, unknown>): Annotations {
  const metadata = own(doc, 'metadata')
  const raw = isRecord(metadata) ? own(metadata, 'annotations') : undefined
  const out: Annotations = new Map()
  if (!isRecord(raw)) return out
  for (const key of Object.keys(raw)) {
    const value = own(raw, key)
    if (typeof value === 'string') out.set(key, value)
    else if (typeof value === 'number' || typeof value === 'boolean') out.set(key, String(value))
  }
  return out
}

function nameOf(doc: Record<string, unknown>): string | null {
  const metadata = own(doc, 'metadata')
  const name = isRecord(metadata) ? own(metadata, 'name') : undefined
  return typeof name === 'string' ? name : null
}

/** `k1=v1,k2=v2` (the controller's stringMap) as pairs, in order. */
function stringMap(value: string): [string, string][] {
  return value
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => {
      const i = p.indexOf('=')
      return i < 0 ? [p, ''] : [p.slice(0, i).trim(), p.slice(i + 1).trim()]
    })
}

/** The group for a Service: the Ingress's annotations, then the Service's over them. */
function readGroup(
  name: string,
  item: string,
  layers: Annotations[],
  port: number | undefined,
  lines: PlanLine[],
): ImportedGroup {
  const g: ImportedGroup = { name, item, attributes: [], healthCheck: {}, fixedHealth: [] }
  if (port !== undefined) g.port = port
  const merged: Annotations = new Map()
  for (const layer of layers) for (const [k, v] of layer) merged.set(k, v)
  const attrs = merged.get(`${ALB_ANNOTATION}target-group-attributes`)
  if (attrs !== undefined) g.attributes.push(...stringMap(attrs))
  const protocol = merged.get(`${ALB_ANNOTATION}backend-protocol`)
  if (protocol !== undefined) g.protocol = protocol
  for (const [annotation, field] of HEALTH_ANNOTATIONS) {
    const value = merged.get(`${ALB_ANNOTATION}${annotation}`)
    if (value === undefined) continue
    if (
      field === 'HealthCheckProtocol' ||
      field === 'HealthCheckPort' ||
      field === 'HealthCheckPath'
    ) {
      g.fixedHealth.push({ field, value })
      continue
    }
    const n = wholeNumber(value)
    if (n === null)
      lines.push({
        kind: 'ignored',
        item,
        text: `${annotation} ${shown(value)}: not a whole number`,
      })
    else g.healthCheck[field] = n
  }
  const codes = merged.get(`${ALB_ANNOTATION}success-codes`)
  if (codes !== undefined) g.fixedHealth.push({ field: 'Matcher', value: codes })
  const targetType = merged.get(`${ALB_ANNOTATION}target-type`)
  if (targetType !== undefined && targetType !== 'instance')
    lines.push({
      kind: 'ignored',
      item,
      text: `target-type ${targetType}: the lab registers EC2 instances (the controller would register pod IPs)`,
    })
  return g
}

interface Backend {
  service: string
  port?: number
}

function backendsOf(spec: unknown): Backend[] {
  const out: Backend[] = []
  const add = (b: unknown) => {
    const service = isRecord(b) ? own(b, 'service') : undefined
    const name = isRecord(service) ? own(service, 'name') : undefined
    if (typeof name !== 'string') return
    const port = isRecord(service) ? own(service, 'port') : undefined
    const number = isRecord(port) ? wholeNumber(own(port, 'number')) : null
    out.push(number === null ? { service: name } : { service: name, port: number })
  }
  if (!isRecord(spec)) return out
  add(own(spec, 'defaultBackend'))
  const rules = own(spec, 'rules')
  for (const rule of Array.isArray(rules) ? rules.filter(isRecord) : []) {
    const http = own(rule, 'http')
    const paths = isRecord(http) ? own(http, 'paths') : undefined
    for (const p of Array.isArray(paths) ? paths.filter(isRecord) : []) add(own(p, 'backend'))
  }
  return out
}

type Forward = NonNullable<ImportedListener['forward']>

function readAction(json: string, item: string, lines: PlanLine[]): Forward | null {
  let action: unknown
  try {
    action = JSON.parse(json)
  } catch {
    lines.push({ kind: 'ignored', item, text: 'the actions annotation is not valid JSON' })
    return null
  }
  const config = isRecord(action) ? own(action, 'forwardConfig') : undefined
  if (!isRecord(action) || own(action, 'type') !== 'forward' || !isRecord(config)) {
    lines.push({
      kind: 'ignored',
      item,
      text: 'the action is not a forward action with a forwardConfig',
    })
    return null
  }
  const tgs = own(config, 'targetGroups')
  const groups: { name: string; weight: number }[] = []
  for (const t of Array.isArray(tgs) ? tgs.filter(isRecord) : []) {
    const name = own(t, 'serviceName')
    const weight = own(t, 'weight') === undefined ? 1 : wholeNumber(own(t, 'weight'))
    if (typeof name !== 'string')
      lines.push({
        kind: 'ignored',
        item,
        text: `${shown(t)}: only serviceName entries map to the lab's groups`,
      })
    else if (weight === null)
      lines.push({
        kind: 'ignored',
        item,
        text: `weight ${shown(own(t, 'weight'))}: not a whole number`,
      })
    else groups.push({ name, weight })
  }
  const s = own(config, 'targetGroupStickinessConfig')
  const enabled = isRecord(s) ? (booleanValue(own(s, 'enabled')) ?? false) : false
  const duration = isRecord(s) ? wholeNumber(own(s, 'durationSeconds')) : null
  return {
    targetGroups: groups,
    stickiness: duration === null ? { enabled } : { enabled, durationSeconds: duration },
  }
}

/** Parsed YAML documents as an imported configuration. */
export function readKubernetes(docs: readonly unknown[]): ImportedConfiguration {
  const lines: PlanLine[] = []
  const services = new Map<
    string,
    { doc: Record<string, unknown>; annotations: Annotations; port?: number }
  >()
  const ingresses: Record<string, unknown>[] = []
  for (const doc of docs.filter(isRecord)) {
    const kind = own(doc, 'kind')
    const name = nameOf(doc) ?? '(unnamed)'
    if (kind === 'Service') {
      const spec = own(doc, 'spec')
      const ports = isRecord(spec) ? own(spec, 'ports') : undefined
      const first =
        Array.isArray(ports) && isRecord(ports[0]) ? wholeNumber(own(ports[0], 'port')) : null
      const annotations = annotationsOf(doc)
      if (
        [...annotations.keys()].some((k) =>
          k.startsWith('service.beta.kubernetes.io/aws-load-balancer'),
        )
      )
        lines.push({
          kind: 'ignored',
          item: `Service ${name}`,
          text: 'Network Load Balancer annotations: this import covers Application Load Balancers',
        })
      services.set(name, { doc, annotations, ...(first === null ? {} : { port: first }) })
    } else if (kind === 'Ingress') ingresses.push(doc)
    else
      lines.push({
        kind: 'ignored',
        item: `${shown(kind)} ${name}`,
        text: 'not part of the load balancer configuration',
      })
  }
  if (ingresses.length === 0 && services.size === 0)
    throw new ImportError('These manifests have no Ingress or Service.')
  const groups: ImportedGroup[] = []
  let listener: ImportedListener | undefined
  const ingress = ingresses[0]
  if (ingresses.length > 1)
    lines.push({
      kind: 'ignored',
      item: `Ingress ${nameOf(ingresses[1]!) ?? ''}`,
      text: 'a second Ingress: the lab has one load balancer',
    })
  const ingressAnnotations =
    ingress === undefined ? new Map<string, string>() : annotationsOf(ingress)
  const item = ingress === undefined ? '' : `Ingress ${nameOf(ingress) ?? '(unnamed)'}`
  const used: string[] = []
  if (ingress !== undefined) {
    listener = { item }
    const ports = ingressAnnotations.get(`${ALB_ANNOTATION}listen-ports`)
    if (ports !== undefined) {
      let parsed: unknown
      try {
        parsed = JSON.parse(ports)
      } catch {
        parsed = null
      }
      const first = Array.isArray(parsed) && isRecord(parsed[0]) ? parsed[0] : null
      const protocol = first === null ? undefined : Object.keys(first)[0]
      const port =
        first === null || protocol === undefined ? null : wholeNumber(own(first, protocol))
      if (protocol === undefined || port === null)
        lines.push({
          kind: 'ignored',
          item,
          text: `listen-ports ${shown(ports)}: not [{"HTTPS": 443}]-style JSON`,
        })
      else {
        listener.protocol = protocol
        listener.port = port
      }
    }
    for (const b of backendsOf(own(ingress, 'spec'))) {
      const action = ingressAnnotations.get(`${ALB_ANNOTATION}actions.${b.service}`)
      if (action !== undefined) {
        const forward = readAction(action, item, lines)
        if (forward !== null) {
          if (listener.forward === undefined) listener.forward = forward
          used.push(...forward.targetGroups.map((g) => g.name))
        }
      } else {
        used.push(b.service)
        if (listener.forward === undefined)
          listener.forward = {
            targetGroups: [{ name: b.service, weight: 1 }],
            stickiness: { enabled: false, durationSeconds: 3600 },
          }
      }
    }
  }
  for (const name of new Set([...services.keys(), ...used])) {
    const service = services.get(name)
    groups.push(
      readGroup(
        name,
        `Service ${name}`,
        service === undefined ? [ingressAnnotations] : [ingressAnnotations, service.annotations],
        service?.port,
        lines,
      ),
    )
  }
  if (groups.length > 0)
    lines.push({
      kind: 'ignored',
      item: 'targets',
      text: 'the controller registers pods or nodes itself: registered targets are left as they are in the lab',
    })
  return { format: 'Kubernetes manifests', groups, ...(listener ? { listener } : {}), lines }
}
