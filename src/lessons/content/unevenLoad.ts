// Lesson data: stickiness overrides the algorithm, so a new instance stays idle; rebalancing by a short
// duration; the ALB's real algorithms (no "least connections").
import type { Lesson } from '../schema'

export const unevenLoad: Lesson = {
  id: 'uneven-load',
  title: 'Uneven load, rebalancing and the algorithms',
  summary:
    'A new instance gets no sticky shoppers. Rebalance them, and meet the ALB’s three algorithms.',
  scenario: 'six-shoppers',
  covers: ['000-3', '002-6'],
  steps: [
    {
      id: 'scale-out',
      title: 'Scale out',
      prose: [
        'Six shoppers are bound by AWSALB (1 day): two on each of i-1, i-2 and i-3. Traffic grows, so you add an instance.',
        'A newly registered target must pass one health check before it receives traffic.',
      ],
      task: 'In the Instances panel press “Add instance”, then jump the clock 30 s so i-4 passes its first health check.',
      controls: 'Instances → Add instance; Time → +30 s',
      highlight: ['Add instance', 'Advance the clock 30 seconds'],
      goals: [{ id: 'targetCount', params: { targetGroup: 'web', state: 'healthy', min: 4 } }],
      hints: ['Any Availability Zone will do. The new instance starts in the “initial” state.'],
      solution: [
        { type: 'lab.call', method: 'launchInstance', args: [{ az: 'us-east-1a' }] },
        { type: 'lab.call', method: 'registerTargets', args: ['web', ['i-4']] },
        { type: 'sim.advance', seconds: 30 },
      ],
      success: 'i-4 is healthy and registered in web.',
    },
    {
      id: 'idle-newcomer',
      title: 'Who uses the new instance?',
      prose: ['The six shoppers keep browsing.'],
      prediction: {
        question: 'Each shopper sends one more request. Will i-4 serve any of them?',
        choices: [
          { value: 'yes', label: 'Yes, round robin gives it a share' },
          { value: 'no', label: 'No' },
        ],
        observe: {
          kind: 'goal',
          goals: [{ id: 'requestsSince', params: { target: 'i-4' } }],
          yes: 'i-4 served at least one of them.',
          no: 'i-4 served none of them: every shopper carried a valid AWSALB naming another instance.',
        },
      },
      task: 'Send one request from each of the six clients.',
      controls: 'Clients → Send request on each card',
      highlight: ['Send request'],
      goals: [{ id: 'requestsSince', params: { min: 6, distinctClients: 6, allSticky: true } }],
      hints: [
        'Each browser on the stage (alice, bob, carol, dave, erin and frank) has its own “Send request” button.',
      ],
      solution: [
        { type: 'lab.call', method: 'request', args: ['alice'] },
        { type: 'lab.call', method: 'request', args: ['bob'] },
        { type: 'lab.call', method: 'request', args: ['carol'] },
        { type: 'lab.call', method: 'request', args: ['dave'] },
        { type: 'lab.call', method: 'request', args: ['erin'] },
        { type: 'lab.call', method: 'request', args: ['frank'] },
      ],
      success:
        'Stickiness overrides the algorithm after the first pick, so existing shoppers stay where they are and only new shoppers can reach i-4. That is the uneven load the seed articles warn about. Slow start would not help: it only shapes the algorithm’s first picks.',
      corrects: [
        {
          claim: '002-8',
          myth: 'Stickiness causes uneven load, especially behind NATs or proxies where many users share one IP.',
          fact: 'The shared-IP problem belongs to NLB source-IP stickiness. An ALB binds each browser by its own cookie, so users behind one NAT are still spread out; ALB imbalance comes from long-lived bindings instead.',
        },
      ],
    },
    {
      id: 'rebalance',
      title: 'Rebalance on purpose',
      prose: [
        'AWS suggests a manual rebalance: set the duration very low for a moment so that bindings lapse, then restore it. With application-based stickiness the app can also expire its own cookie.',
      ],
      prediction: {
        question: 'With a 1 s duration and a 30 s pause, will i-4 get some of the shoppers?',
        choices: [
          { value: 'yes', label: 'Yes' },
          { value: 'no', label: 'No' },
        ],
        observe: {
          kind: 'goal',
          goals: [{ id: 'requestsSince', params: { target: 'i-4' } }],
          yes: 'i-4 took some of the shoppers: their bindings lapsed, so round robin placed them again.',
          no: 'i-4 still served nobody.',
        },
      },
      task: 'Set the stickiness duration on the stage to 1 s (type it, press Enter), jump the clock 30 s, then send one request from each client.',
      controls:
        'Target group settings → Stickiness duration (seconds), Apply; Time → +30 s; Clients → Send request',
      highlight: ['Stickiness duration (seconds)', 'Advance the clock 30 seconds', 'Send request'],
      goals: [
        {
          id: 'attributeEquals',
          params: { targetGroup: 'web', key: 'stickiness.lb_cookie.duration_seconds', value: '1' },
        },
        { id: 'requestsSince', params: { decision: 'sticky-miss-expired', target: 'i-4' } },
      ],
      hints: [
        'Type 1 in the duration field (there is no preset for it). Any request after the 30 s jump counts as expired.',
      ],
      solution: [
        {
          type: 'lab.call',
          method: 'modifyTargetGroupAttributes',
          args: ['web', { 'stickiness.lb_cookie.duration_seconds': '1' }],
        },
        { type: 'sim.advance', seconds: 30 },
        { type: 'lab.call', method: 'request', args: ['alice'] },
        { type: 'lab.call', method: 'request', args: ['bob'] },
        { type: 'lab.call', method: 'request', args: ['carol'] },
        { type: 'lab.call', method: 'request', args: ['dave'] },
        { type: 'lab.call', method: 'request', args: ['erin'] },
        { type: 'lab.call', method: 'request', args: ['frank'] },
      ],
      success:
        'Their bindings expired, so round robin placed every shopper again and i-4 got its share. It is a blunt tool: with carts in memory, every shopper who moved lost the cart.',
    },
    {
      id: 'restore',
      title: 'Restore the duration',
      prose: ['A 1 s duration is no stickiness at all for real users. Put it back.'],
      task: 'Set the stickiness duration on the stage back to 1 day: type 86400 and press Enter.',
      controls: 'Target group settings → “1 day” preset, then Apply',
      highlight: ['Stickiness duration (seconds)'],
      goals: [
        {
          id: 'attributeEquals',
          params: {
            targetGroup: 'web',
            key: 'stickiness.lb_cookie.duration_seconds',
            value: '86400',
          },
        },
      ],
      hints: ['The “1 day” preset sets 86400.'],
      solution: [
        {
          type: 'lab.call',
          method: 'modifyTargetGroupAttributes',
          args: ['web', { 'stickiness.lb_cookie.duration_seconds': '86400' }],
        },
      ],
      success: 'Back to the default 1-day duration.',
    },
    {
      id: 'algorithm',
      title: 'The ALB’s algorithms',
      prose: [
        'An ALB routes requests with one of three algorithms: round robin (the default), least outstanding requests, or weighted random. The algorithm makes only the first pick and any replacement pick; stickiness decides the rest.',
        'Weighted random cannot be combined with stickiness (AWS rejects it), and slow start cannot be combined with least outstanding requests.',
      ],
      task: 'Set Load balancing algorithm to “Least outstanding requests” and press Apply.',
      controls: 'Target group settings → Load balancing algorithm, then Apply',
      highlight: ['Load balancing algorithm', 'Target group settings > Apply'],
      goals: [
        {
          id: 'attributeEquals',
          params: {
            targetGroup: 'web',
            key: 'load_balancing.algorithm.type',
            value: 'least_outstanding_requests',
          },
        },
      ],
      hints: [
        'Try “Weighted random” first if you like: Apply shows the error AWS returns while stickiness is on.',
      ],
      solution: [
        {
          type: 'lab.call',
          method: 'modifyTargetGroupAttributes',
          args: ['web', { 'load_balancing.algorithm.type': 'least_outstanding_requests' }],
        },
      ],
      success:
        'Least outstanding requests sends each new (non-sticky) request to the target with the fewest requests in flight. Sticky requests still go to their bound target.',
      corrects: [
        {
          claim: '004-1',
          myth: 'The ALB distributes connections using round robin or least connections.',
          fact: 'ALB algorithms are round_robin, least_outstanding_requests and weighted_random. There is no “least connections”; the ALB balances requests, not connections.',
        },
      ],
    },
  ],
  takeaways: [
    'Stickiness overrides the algorithm after the first pick, so new instances receive only new clients.',
    'To rebalance, briefly lower the duration (or have the app expire its cookie), accepting that moved sessions lose in-memory state.',
    'ALB algorithms: round robin, least outstanding requests, weighted random. No least connections; weighted random cannot be used with stickiness.',
  ],
}
