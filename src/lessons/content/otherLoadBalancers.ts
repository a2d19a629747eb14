// Lesson data: ALB cookies versus NLB source-IP stickiness, GWLB flow stickiness and CLB's AWSELB,
// with two browsers behind one NAT.
import type { Lesson } from '../schema'

export const otherLoadBalancers: Lesson = {
  id: 'other-load-balancers',
  title: 'Cookies, source IPs and the other load balancers',
  summary: 'Two browsers behind one NAT on an ALB, then how NLB, GWLB and CLB do stickiness.',
  scenario: 'sticky-fresh',
  covers: ['002-1', '002-2', '002-3', '002-4', '001-2', '004-5'],
  steps: [
    {
      id: 'same-nat',
      title: 'Two browsers, one public IP',
      prose: [
        'An ALB works at the HTTP layer: it can route by path (/api, /home) or host name, and it sticks by cookie.',
        'alice and bob work in the same office and reach the internet through one NAT gateway: the load balancer sees one source IP for both. Stickiness (lb_cookie) is on.',
      ],
      prediction: {
        question:
          'alice sends a request first, then bob. Will bob’s first request be sticky to alice’s instance, since they share one IP?',
        choices: [
          { value: 'yes', label: 'Yes: same source IP, same instance' },
          { value: 'no', label: 'No: bob has no cookie yet, so the algorithm chooses' },
        ],
        observe: { kind: 'request', which: 'first', client: 'bob', field: 'sticky' },
      },
      task: 'Add a client named bob. Send a request from alice, then one from bob.',
      controls: 'Clients → Client name, Add client; Send request on each card',
      highlight: ['Client name', 'Add client', 'Send request'],
      goals: [
        { id: 'clientExists', params: { client: 'bob' } },
        { id: 'requestsSince', params: { client: 'alice', min: 1 } },
        { id: 'requestsSince', params: { client: 'bob', min: 1 } },
      ],
      hints: ['Type bob in “Client name” and press “Add client”.'],
      solution: [
        { type: 'lab.call', method: 'addClient', args: ['bob'] },
        { type: 'lab.call', method: 'request', args: ['alice'] },
        { type: 'lab.call', method: 'request', args: ['bob'] },
      ],
      success:
        'alice and bob were placed separately, each with an AWSALB of their own. An ALB never looks at the source IP for stickiness.',
    },
    {
      id: 'each-own',
      title: 'Each browser keeps its own binding',
      prose: ['Keep both browsing.'],
      task: 'Send two more requests from each of alice and bob.',
      controls: 'Clients → Send request on each card',
      highlight: ['Send request'],
      goals: [
        {
          id: 'requestsSince',
          params: { client: 'alice', min: 2, allSticky: true, sameTarget: true },
        },
        {
          id: 'requestsSince',
          params: { client: 'bob', min: 2, allSticky: true, sameTarget: true },
        },
      ],
      hints: ['Both should show “sticky”, on different instances.'],
      solution: [
        { type: 'lab.call', method: 'request', args: ['alice'] },
        { type: 'lab.call', method: 'request', args: ['bob'] },
        { type: 'lab.call', method: 'request', args: ['alice'] },
        { type: 'lab.call', method: 'request', args: ['bob'] },
      ],
      success:
        'Each browser stays on its own instance. The cookie, not the network address, identifies the client.',
    },
    {
      id: 'other-types',
      title: 'The other load balancers',
      prose: [
        'Network Load Balancer: `stickiness.type=source_ip` on TCP, UDP and TCP_UDP target groups (not TLS). Everyone behind one NAT lands on one target, and the NLB may reset stickiness when target health changes or targets are registered or deregistered.',
        'Gateway Load Balancer: flows stick by 5-tuple by default (3-tuple for ICMP, which has no ports); `source_ip_dest_ip_proto` (3-tuple) or `source_ip_dest_ip` (2-tuple) widen it.',
        'Classic Load Balancer: `AWSELB` (plus AWSELBCORS). Its duration-based cookie is not refreshed: an absolute timeout enforced only by the browser. Its application-controlled mode follows the app cookie’s lifetime.',
      ],
      prediction: {
        question: 'An NLB with stickiness serves 500 users behind one corporate NAT. What happens?',
        choices: [
          { value: 'spread', label: 'They are spread evenly, one cookie each' },
          { value: 'one-target', label: 'They all land on the same target' },
          { value: 'unsupported', label: 'NLBs do not support stickiness' },
          { value: 'awsnlb', label: 'The NLB sets an AWSNLB cookie for each user' },
        ],
        observe: {
          kind: 'fixed',
          value: 'one-target',
          because:
            'NLB stickiness is source_ip: one NAT address means one target, so one target carries all 500 users.',
        },
      },
      task: 'Answer the question.',
      controls: 'This step is a question; no lab controls are needed.',
      highlight: [],
      goals: [{ id: 'always', params: {} }],
      hints: ['NLBs work below HTTP: they never see cookies.'],
      solution: [],
      success:
        'The exam contrasts these mechanisms often: cookies on ALB and CLB, source IP on NLB, flow tuples on GWLB.',
      corrects: [
        {
          claim: '001-1',
          myth: 'AWS offers three load balancers: Classic (ELB), Network (NLB) and Application (ALB).',
          fact: 'There are four: Application, Network, Gateway and Classic. “Elastic Load Balancing” (ELB) is the family name, not the Classic Load Balancer’s.',
        },
        {
          claim: '004-3',
          myth: 'Sticky sessions require that you use the application load balancer and have a healthy instance in each AZ.',
          fact: 'AWS lists an HTTP/HTTPS load balancer and at least one healthy instance per AZ for ALB stickiness, but the Classic Load Balancer also offers cookie stickiness, NLB offers source-IP stickiness and GWLB flow stickiness.',
        },
      ],
    },
  ],
  takeaways: [
    'ALB and CLB stick by cookie, so users behind one NAT are still spread out; NLB sticks by source IP, GWLB by flow tuple.',
    'ALB: AWSALB/AWSALBCORS or AWSALBAPP-n, refreshed on every response. CLB: AWSELB, duration-based cookies are not refreshed.',
  ],
}
