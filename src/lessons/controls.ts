// The one list of lab controls a lesson step may name in `highlight`: each control's accessible name,
// ARIA role and panel. Tests check every highlight against it, and the e2e suite checks it against the page.

export interface KnownControl {
  /** The accessible name, exactly as a screen reader announces it. */
  name: string
  role:
    | 'button'
    | 'radio'
    | 'radiogroup'
    | 'switch'
    | 'checkbox'
    | 'combobox'
    | 'textbox'
    | 'spinbutton'
    | 'group'
    | 'region'
  panel:
    | 'Clients'
    | 'Cookies'
    | 'Time'
    | 'Instances'
    | 'Target group settings'
    | 'Listener and rules'
    | 'Load balancer'
    | 'Stickiness policies'
  /** When the control is on the page only in some states. */
  when?: string
}

export const KNOWN_CONTROLS: readonly KnownControl[] = [
  // Panels, usable as a scope ("Target group settings > Target group").
  { name: 'Clients', role: 'region', panel: 'Clients' },
  { name: 'Cookies', role: 'region', panel: 'Cookies' },
  { name: 'Instances', role: 'region', panel: 'Instances' },
  { name: 'Target group settings', role: 'region', panel: 'Target group settings' },
  { name: 'Listener and rules', role: 'region', panel: 'Listener and rules' },
  // Clients
  { name: 'Client name', role: 'textbox', panel: 'Clients' },
  { name: 'Add client', role: 'button', panel: 'Clients' },
  { name: 'Session store', role: 'group', panel: 'Clients' },
  { name: 'In instance memory', role: 'radio', panel: 'Clients' },
  { name: 'External store (ElastiCache)', role: 'radio', panel: 'Clients' },
  { name: 'Send request', role: 'button', panel: 'Clients' },
  { name: 'Add to cart', role: 'button', panel: 'Clients' },
  { name: 'Cookies enabled', role: 'switch', panel: 'Clients' },
  { name: 'Cross-site request', role: 'switch', panel: 'Clients' },
  {
    name: 'Credentials',
    role: 'combobox',
    panel: 'Clients',
    when: 'the client’s CORS switch is on',
  },
  { name: 'User agent', role: 'combobox', panel: 'Clients' },
  { name: 'Client kind', role: 'combobox', panel: 'Clients' },
  {
    name: 'Preflight (JSON / custom header)',
    role: 'switch',
    panel: 'Clients',
    when: 'the client’s CORS switch is on (ALB)',
  },
  // Cookies
  { name: 'X-ray', role: 'switch', panel: 'Cookies' },
  { name: 'Clear all', role: 'button', panel: 'Cookies' },
  { name: 'Delete AWSALB', role: 'button', panel: 'Cookies', when: 'the browser holds AWSALB' },
  {
    name: 'Delete AWSALBCORS',
    role: 'button',
    panel: 'Cookies',
    when: 'the browser holds AWSALBCORS',
  },
  {
    name: 'Delete SESSIONID',
    role: 'button',
    panel: 'Cookies',
    when: 'the browser holds SESSIONID',
  },
  { name: 'Value of AWSALB', role: 'textbox', panel: 'Cookies', when: 'the browser holds AWSALB' },
  // Time
  { name: 'Advance the clock 30 seconds', role: 'button', panel: 'Time' },
  { name: 'Advance the clock 5 minutes', role: 'button', panel: 'Time' },
  { name: 'Advance the clock 1 day', role: 'button', panel: 'Time' },
  // Instances
  { name: 'Stop instance', role: 'button', panel: 'Instances', when: 'the instance is running' },
  { name: 'Start instance', role: 'button', panel: 'Instances', when: 'the instance is stopped' },
  {
    name: 'Fail health checks',
    role: 'button',
    panel: 'Instances',
    when: 'the instance passes its health checks',
  },
  {
    name: 'Pass health checks',
    role: 'button',
    panel: 'Instances',
    when: 'the instance fails its health checks',
  },
  { name: 'Deregister', role: 'button', panel: 'Instances', when: 'the instance is registered' },
  { name: 'Add instance', role: 'button', panel: 'Instances' },
  { name: 'Availability Zone', role: 'combobox', panel: 'Instances' },
  // Target group settings
  { name: 'Target group', role: 'combobox', panel: 'Target group settings' },
  { name: 'Stickiness', role: 'radiogroup', panel: 'Target group settings' },
  { name: 'Off', role: 'radio', panel: 'Target group settings' },
  { name: 'Duration-based (lb_cookie)', role: 'radio', panel: 'Target group settings' },
  { name: 'Application-based (app_cookie)', role: 'radio', panel: 'Target group settings' },
  {
    name: 'Stickiness duration (seconds)',
    role: 'spinbutton',
    panel: 'Target group settings',
    when: 'a stickiness type is chosen',
  },
  {
    name: 'Duration presets',
    role: 'group',
    panel: 'Target group settings',
    when: 'a stickiness type is chosen',
  },
  {
    name: '1 min',
    role: 'button',
    panel: 'Target group settings',
    when: 'a stickiness type is chosen',
  },
  {
    name: '1 day',
    role: 'button',
    panel: 'Target group settings',
    when: 'a stickiness type is chosen',
  },
  {
    name: 'App cookie name',
    role: 'textbox',
    panel: 'Target group settings',
    when: 'Application-based (app_cookie) is chosen',
  },
  { name: 'Load balancing algorithm', role: 'combobox', panel: 'Target group settings' },
  { name: 'Apply', role: 'button', panel: 'Target group settings' },
  // Listener and rules
  { name: 'Listener protocol', role: 'radiogroup', panel: 'Listener and rules' },
  { name: 'HTTP', role: 'radio', panel: 'Listener and rules' },
  { name: 'HTTPS', role: 'radio', panel: 'Listener and rules' },
  { name: 'Weighted forward (blue/green)', role: 'switch', panel: 'Listener and rules' },
  {
    name: 'Weight for web',
    role: 'spinbutton',
    panel: 'Listener and rules',
    when: 'weighted forward is on',
  },
  {
    name: 'Weight for green',
    role: 'spinbutton',
    panel: 'Listener and rules',
    when: 'weighted forward is on',
  },
  {
    name: 'Target group stickiness',
    role: 'checkbox',
    panel: 'Listener and rules',
    when: 'weighted forward is on',
  },
  {
    name: 'Apply rule',
    role: 'button',
    panel: 'Listener and rules',
    when: 'weighted forward is on',
  },
  // Load balancer types (issue #9). Controls that exist only under one type say so in `when`, starting
  // with "the load balancer type is", so the ALB page check skips them (e2e/loadBalancerTypes.spec.ts checks them).
  { name: 'Load balancer type', role: 'radiogroup', panel: 'Load balancer' },
  { name: 'Application (ALB)', role: 'radio', panel: 'Load balancer' },
  { name: 'Network (NLB)', role: 'radio', panel: 'Load balancer' },
  { name: 'Classic (CLB)', role: 'radio', panel: 'Load balancer' },
  { name: 'Gateway (GWLB)', role: 'radio', panel: 'Load balancer' },
  // Source IPs and flows matter only where they route: under NLB and GWLB (ALB and CLB ignore the address).
  {
    name: 'Source IP',
    role: 'textbox',
    panel: 'Clients',
    when: 'the load balancer type is Network or Gateway',
  },
  {
    name: 'Set source IP',
    role: 'button',
    panel: 'Clients',
    when: 'the load balancer type is Network or Gateway',
  },
  {
    name: 'Protocol',
    role: 'radiogroup',
    panel: 'Clients',
    when: 'the load balancer type is Gateway, or Network with a TCP_UDP target group',
  },
  {
    name: 'Destination IP',
    role: 'textbox',
    panel: 'Clients',
    when: 'the load balancer type is Gateway',
  },
  {
    name: 'Set destination',
    role: 'button',
    panel: 'Clients',
    when: 'the load balancer type is Gateway',
  },
  {
    name: 'New connection',
    role: 'button',
    panel: 'Clients',
    when: 'the load balancer type is Network or Gateway',
  },
  {
    name: 'Source IP (source_ip)',
    role: 'radio',
    panel: 'Target group settings',
    when: 'the load balancer type is Network',
  },
  {
    name: '2-tuple (source_ip_dest_ip)',
    role: 'radio',
    panel: 'Target group settings',
    when: 'the load balancer type is Gateway',
  },
  {
    name: 'Stickiness policies',
    role: 'region',
    panel: 'Stickiness policies',
    when: 'the load balancer type is Classic',
  },
  {
    name: 'Duration-based (LBCookieStickinessPolicy)',
    role: 'radio',
    panel: 'Stickiness policies',
    when: 'the load balancer type is Classic',
  },
  {
    name: 'Policy name',
    role: 'textbox',
    panel: 'Stickiness policies',
    when: 'the load balancer type is Classic and a policy type is chosen',
  },
  {
    name: 'Cookie expiration period (seconds)',
    role: 'spinbutton',
    panel: 'Stickiness policies',
    when: 'the load balancer type is Classic and Duration-based is chosen',
  },
  // Listener and rules → CloudFront in front (issue 19)
  { name: 'Origin request policy: cookies', role: 'radiogroup', panel: 'Listener and rules' },
  { name: 'Forward no cookies (none)', role: 'radio', panel: 'Listener and rules' },
  { name: 'Forward only named cookies (whitelist)', role: 'radio', panel: 'Listener and rules' },
  { name: 'Forward all cookies (all)', role: 'radio', panel: 'Listener and rules' },
  { name: 'Apply CloudFront', role: 'button', panel: 'Listener and rules' },
]

/** Scopes that name one instance or one browser: "i-2", "Client alice". */
const DYNAMIC_SCOPES = [/^i-\d+$/, /^Client [A-Za-z0-9_-]+$/]

/** Splits "i-2 > Stop instance" into its scope and control name. */
export function splitHighlight(highlight: string): { scope: string | null; name: string } {
  const at = highlight.lastIndexOf(' > ')
  return at < 0
    ? { scope: null, name: highlight }
    : { scope: highlight.slice(0, at), name: highlight.slice(at + 3) }
}

/** Whether a highlight names a known control (and, if scoped, a known scope). */
export function isKnownHighlight(highlight: string): boolean {
  const { scope, name } = splitHighlight(highlight)
  const known = (n: string) => KNOWN_CONTROLS.some((c) => c.name === n)
  const dynamic = (n: string) => DYNAMIC_SCOPES.some((re) => re.test(n))
  // A whole instance or browser group ("i-1") may be highlighted on its own.
  if (scope === null && dynamic(name)) return true
  if (!known(name)) return false
  return scope === null || known(scope) || dynamic(scope)
}
