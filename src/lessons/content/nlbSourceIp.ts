// Lesson data: a Network Load Balancer sticks by source IP, so the three browsers behind one office NAT
// share a target (uneven load), and a health change resets the sticky table and moves them together.
import type { Lesson } from '../schema'

const OFFICE = ['bob', 'carol', 'dave']
/** Where the office NAT's address lands when the earlier steps were done with "Show me" (seed 1); the
 *  goals do not depend on it, since a learner's own clicks may hash the address elsewhere. */
const SHOW_ME_TARGET = 'i-1'

export const nlbSourceIp: Lesson = {
  id: 'nlb-source-ip',
  title: 'Source-IP stickiness behind a NAT (NLB)',
  summary: 'An NLB hashes connections, sticks by source IP, puts a whole NAT on one target and resets on failure.',
  scenario: 'nlb-office',
  covers: ['002-1', '002-3', '000-3'],
  steps: [
    {
      id: 'flows',
      title: 'Connections, not cookies',
      prose: [
        'This is a Network Load Balancer with a TCP:80 listener. It works below HTTP: it never reads or sets a cookie.',
        'Without stickiness, it picks a target per flow, hashing the protocol, source IP and port, destination IP and port, and the TCP sequence number. Requests on one open connection stay on its target.',
      ],
      prediction: {
        question: 'bob opens three new TCP connections, one after the other. Do all three reach the same instance?',
        choices: [
          { value: 'yes', label: 'Yes, one client always reaches one instance' },
          { value: 'no', label: 'No, each new connection is hashed again' },
        ],
        observe: {
          kind: 'goal',
          goals: [{ id: 'requestsSince', params: { client: 'bob', min: 3, sameTarget: true } }],
          yes: 'All three happened to hash to the same instance this time.',
          no: 'The new connections reached different instances: each flow is hashed on its own.',
        },
      },
      task: 'Press “New connection” on bob’s card three times.',
      controls: 'Clients → bob → New connection',
      highlight: ['Client bob > New connection'],
      goals: [{ id: 'requestsSince', params: { client: 'bob', min: 3 } }],
      hints: ['“New connection” closes the client’s TCP connection and sends a request on a new one.'],
      solution: [
        { type: 'lab.call', method: 'request', args: ['bob', { newConnection: true }] },
        { type: 'lab.call', method: 'request', args: ['bob', { newConnection: true }] },
        { type: 'lab.call', method: 'request', args: ['bob', { newConnection: true }] },
      ],
      success:
        'Each new connection is a new flow with a new source port, so the hash can pick another target. The inspector shows each request’s flow.',
    },
    {
      id: 'source-ip',
      title: 'Turn on source_ip stickiness',
      prose: [
        'The only stickiness type an NLB target group offers is source_ip: the target is chosen by the client’s source IP address.',
        'bob, carol and dave work in one office and reach the internet through one NAT, 203.0.113.10. alice browses from home.',
      ],
      prediction: {
        question: 'With source_ip stickiness on, bob, carol and dave each send a request. Where do they go?',
        choices: [
          { value: 'yes', label: 'All three reach the same instance' },
          { value: 'no', label: 'They are spread over the instances' },
        ],
        observe: {
          kind: 'goal',
          goals: [{ id: 'requestsSince', params: { clients: OFFICE, min: 3, sameTarget: true } }],
          yes: 'All three reached one instance: the NLB sees one source IP, the NAT’s.',
          no: 'They were spread out.',
        },
      },
      task: 'In Target group settings choose Source IP and Apply. Then send one request from each of bob, carol and dave.',
      controls: 'Target group settings → Stickiness → Source IP (source_ip), Apply; Clients → Send request',
      highlight: ['Source IP (source_ip)', 'Target group settings > Apply', 'Client bob > Send request'],
      goals: [
        { id: 'attributeEquals', params: { targetGroup: 'web', key: 'stickiness.enabled', value: 'true' } },
        { id: 'attributeEquals', params: { targetGroup: 'web', key: 'stickiness.type', value: 'source_ip' } },
        { id: 'requestsSince', params: { client: 'bob', min: 1 } },
        { id: 'requestsSince', params: { client: 'carol', min: 1 } },
        { id: 'requestsSince', params: { client: 'dave', min: 1 } },
      ],
      hints: ['Send the requests after applying: requests sent before do not count.'],
      solution: [
        {
          type: 'lab.call',
          method: 'modifyTargetGroupAttributes',
          args: ['web', { 'stickiness.enabled': 'true', 'stickiness.type': 'source_ip' }],
        },
        { type: 'lab.call', method: 'request', args: ['bob', { newConnection: true }] },
        { type: 'lab.call', method: 'request', args: ['carol', { newConnection: true }] },
        { type: 'lab.call', method: 'request', args: ['dave', { newConnection: true }] },
      ],
      success: `The whole office is on one instance. With 500 people behind that NAT, one instance would carry all of them while the others idle: the uneven load AWS warns about.`,
      corrects: [
        {
          claim: '002-8',
          myth: 'Sticky sessions cause uneven load, “especially behind NATs or proxies where many users share 1 IP”.',
          fact: 'The NAT skew is real for NLB source-IP stickiness, shown here. ALB and CLB stick by cookie, one per browser, so users behind one NAT are still spread out.',
        },
      ],
    },
    {
      id: 'failure',
      title: 'The office’s instance fails',
      prose: [
        'AWS says an NLB may reset its sticky sessions when the health state of any target changes, or when targets are registered or deregistered. The simulator always resets them then (a simulator convention).',
      ],
      prediction: {
        question:
          'The office’s instance stops (its target becomes unused). Then bob, carol and dave send again. Where do they go?',
        choices: [
          { value: 'yes', label: 'Together, to one other instance' },
          { value: 'no', label: 'Spread over the remaining instances' },
        ],
        observe: {
          kind: 'goal',
          goals: [{ id: 'requestsSince', params: { clients: OFFICE, min: 3, sameTarget: true } }],
          yes: 'They moved together: the reset table maps the NAT address to one new target.',
          no: 'They were spread out.',
        },
      },
      task: 'Stop the instance the office is on (the instance cards on the stage show which one served bob, carol and dave), then send one request from each of bob, carol and dave.',
      controls: 'Instances → Stop instance; Clients → Send request',
      highlight: ['Instances', 'Client carol > Send request'],
      goals: [
        { id: 'targetCount', params: { targetGroup: 'web', state: 'unused', min: 1 } },
        { id: 'requestsSince', params: { clients: OFFICE, decision: 'source-ip-sticky-reset' } },
        { id: 'requestsSince', params: { client: 'bob', min: 1, status: 200 } },
        { id: 'requestsSince', params: { client: 'carol', min: 1, status: 200 } },
        { id: 'requestsSince', params: { client: 'dave', min: 1, status: 200 } },
      ],
      hints: [
        'A stopped instance’s target is unused at once (Target.InvalidState): no health check has to fail first.',
        'Send the requests after the stop: the first one finds the sticky table reset.',
      ],
      solution: [
        { type: 'lab.call', method: 'stopInstance', args: [SHOW_ME_TARGET] },
        { type: 'lab.call', method: 'request', args: ['bob', { newConnection: true }] },
        { type: 'lab.call', method: 'request', args: ['carol', { newConnection: true }] },
        { type: 'lab.call', method: 'request', args: ['dave', { newConnection: true }] },
      ],
      success:
        'The health change reset the sticky table; the NAT address was placed again, and the whole office moved as one. With source_ip stickiness, the unit of balancing is the address, not the user.',
    },
  ],
  takeaways: [
    'An NLB uses no cookies. Without stickiness each flow is hashed; with source_ip the client’s address picks the target.',
    'Everyone behind one NAT shares an address, so source_ip stickiness puts them all on one target: uneven load.',
    'A change in target health or registration may reset NLB stickiness; the simulator resets it every time.',
  ],
}
