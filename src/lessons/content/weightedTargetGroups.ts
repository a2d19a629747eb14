// Lesson data: weighted forward actions, target group stickiness (AWSALBTG), both layers at once,
// a blue/green shift, and why application-based stickiness does not work with weighted target groups.
import type { Lesson } from '../schema'

export const weightedTargetGroups: Lesson = {
  id: 'weighted-target-groups',
  title: 'Weighted target groups, AWSALBTG and blue/green',
  summary:
    'Split traffic by weight, bind browsers to a target group, shift blue to green, and see what sticks.',
  scenario: 'default',
  covers: ['004-6'],
  steps: [
    {
      id: 'add-green',
      title: 'Add a green target group',
      prose: [
        'A listener rule can forward to up to 5 target groups, each with a weight from 0 to 999. Requests are shared in proportion: weights 1 and 1 give half each.',
        'Here `web` is the current (blue) version and `green` the new one.',
      ],
      task: 'In Listener and rules, switch on “Weighted forward (blue/green)”, then jump the clock 30 s so green’s instances pass their first health check.',
      controls: 'Listener and rules → Weighted forward (blue/green); Time → +30 s',
      highlight: ['Weighted forward (blue/green)', 'Advance the clock 30 seconds'],
      goals: [
        { id: 'forwardWeighted', params: { minGroups: 2 } },
        { id: 'targetCount', params: { targetGroup: 'green', state: 'healthy', min: 3 } },
      ],
      hints: [
        'The switch creates green with three new instances (i-4, i-5, i-6) and forwards to web and green at weight 1 each.',
      ],
      solution: [
        { type: 'lab.call', method: 'createTargetGroup', args: ['green', { targets: 3 }] },
        {
          type: 'lab.call',
          method: 'setForward',
          args: [
            {
              targetGroups: [
                { name: 'web', weight: 1 },
                { name: 'green', weight: 1 },
              ],
              stickiness: { enabled: false, durationSeconds: 3600 },
            },
          ],
        },
        { type: 'sim.advance', seconds: 30 },
      ],
      success: 'The rule forwards to web and green, weight 1 each.',
    },
    {
      id: 'bounce',
      title: 'Requests bounce between versions',
      prose: ['No stickiness of any kind is on yet.'],
      prediction: {
        question: 'Will alice’s requests stay in one target group?',
        choices: [
          { value: 'yes', label: 'Yes' },
          { value: 'no', label: 'No, they go to both' },
        ],
        observe: {
          kind: 'goal',
          goals: [{ id: 'requestsSince', params: { client: 'alice', sameTargetGroup: true } }],
          yes: 'All of alice’s requests went to one target group.',
          no: 'alice’s requests went to both target groups: each one was weighed on its own.',
        },
      },
      task: 'Send requests from alice until both web and green have served her (four are usually enough).',
      controls: 'Clients → alice → Send request',
      highlight: ['Client alice > Send request'],
      goals: [
        { id: 'requestsSince', params: { client: 'alice', min: 2, distinctTargetGroups: 2 } },
      ],
      hints: [
        'The weights pick a group at random for each request, so keep sending until both appear.',
      ],
      solution: [
        { type: 'lab.call', method: 'request', args: ['alice'] },
        { type: 'lab.call', method: 'request', args: ['alice'] },
        { type: 'lab.call', method: 'request', args: ['alice'] },
        { type: 'lab.call', method: 'request', args: ['alice'] },
      ],
      success:
        'A user switching between two versions of an app mid-session is exactly what a blue/green rollout must avoid.',
    },
    {
      id: 'group-stickiness',
      title: 'Start the rollout with target group stickiness',
      prose: [
        'Start a blue/green rollout: all new traffic to web (weight 1), none to green (weight 0), and target group stickiness on the rule so a browser stays with the group it first reached. Its duration runs from 1 s to 7 days; the console suggests 1 hour.',
      ],
      prediction: {
        question: 'Which cookie will bind alice to her target group?',
        choices: [
          { value: 'AWSALB', label: 'AWSALB' },
          { value: 'AWSALBTG', label: 'AWSALBTG' },
          { value: 'AWSALBAPP-0', label: 'AWSALBAPP-0' },
        ],
        observe: { kind: 'cookies', client: 'alice', among: ['AWSALB', 'AWSALBTG', 'AWSALBAPP-0'] },
      },
      task: 'Set “Weight for green” to 0, tick “Target group stickiness”, press “Apply rule”, then send two requests from alice.',
      controls:
        'Listener and rules → Weight for green, Target group stickiness, Apply rule; Clients → alice → Send request',
      highlight: [
        'Weight for green',
        'Target group stickiness',
        'Apply rule',
        'Client alice > Send request',
      ],
      goals: [
        {
          id: 'forwardWeighted',
          params: { groupStickiness: true, weights: { green: 0 }, positive: ['web'] },
        },
        { id: 'requestsSince', params: { client: 'alice', min: 2, allTargetGroup: 'web' } },
        { id: 'cookiePresent', params: { client: 'alice', name: 'AWSALBTG' } },
      ],
      hints: [
        'Leave web at weight 1. The checkbox and weights only take effect when you press “Apply rule”.',
      ],
      solution: [
        {
          type: 'lab.call',
          method: 'setForward',
          args: [
            {
              targetGroups: [
                { name: 'web', weight: 1 },
                { name: 'green', weight: 0 },
              ],
              stickiness: { enabled: true, durationSeconds: 3600 },
            },
          ],
        },
        { type: 'lab.call', method: 'request', args: ['alice'] },
        { type: 'lab.call', method: 'request', args: ['alice'] },
      ],
      success:
        'AWSALBTG (and AWSALBTGCORS for cross-site requests) now names web. A request that matches this rule and carries it goes to web; a request without it is routed by the weights.',
    },
    {
      id: 'two-layers',
      title: 'Both layers at once',
      prose: [
        'Target group stickiness picks the group. Inside the group, target stickiness picks the instance. Turn on duration-based stickiness for web.',
        'AWS requires target group stickiness on a weighted rule before any of its groups can use sticky sessions, which is why you turned it on first.',
      ],
      task: 'In Target group settings (target group web), choose “Duration-based (lb_cookie)”, press Apply, then send two requests from alice.',
      controls:
        'Target group settings → Duration-based (lb_cookie), Apply; Clients → alice → Send request',
      highlight: [
        'Target group settings > Target group',
        'Duration-based (lb_cookie)',
        'Target group settings > Apply',
        'Client alice > Send request',
      ],
      goals: [
        {
          id: 'attributeEquals',
          params: { targetGroup: 'web', key: 'stickiness.enabled', value: 'true' },
        },
        {
          id: 'attributeEquals',
          params: { targetGroup: 'web', key: 'stickiness.type', value: 'lb_cookie' },
        },
        { id: 'requestsSince', params: { client: 'alice', min: 2, decision: 'sticky-hit' } },
      ],
      hints: ['The first request after Apply sets AWSALB; the second one is sticky.'],
      solution: [
        {
          type: 'lab.call',
          method: 'modifyTargetGroupAttributes',
          args: ['web', { 'stickiness.enabled': 'true', 'stickiness.type': 'lb_cookie' }],
        },
        { type: 'lab.call', method: 'request', args: ['alice'] },
        { type: 'lab.call', method: 'request', args: ['alice'] },
      ],
      success:
        'alice now holds AWSALBTG (which group) and AWSALB (which instance in it). Duration-based stickiness works fine behind a weighted rule.',
      corrects: [
        {
          claim: '002-10',
          myth: 'No stickiness for weighted groups: not supported in ALB when using weighted target groups.',
          fact: 'Duration-based target stickiness works with weighted target groups, and target group stickiness (AWSALBTG) keeps a client on one group. Only application-based stickiness does not work with weighted target groups.',
        },
      ],
    },
    {
      id: 'shift',
      title: 'Shift all traffic to green',
      prose: ['Green looks good. Set web’s weight to 0 and green’s to 1.'],
      prediction: {
        question: 'With web at weight 0, where will alice’s next request go?',
        choices: [
          { value: 'web', label: 'web (blue)' },
          { value: 'green', label: 'green' },
        ],
        observe: { kind: 'request', which: 'first', client: 'alice', field: 'targetGroup' },
      },
      task: 'Set “Weight for web” to 0 and “Weight for green” to 1, press “Apply rule”, then send a request from alice.',
      controls:
        'Listener and rules → Weight for web, Weight for green, Apply rule; Clients → alice → Send request',
      highlight: [
        'Weight for web',
        'Weight for green',
        'Apply rule',
        'Client alice > Send request',
      ],
      goals: [
        { id: 'forwardWeighted', params: { weights: { web: 0 }, positive: ['green'] } },
        { id: 'requestsSince', params: { client: 'alice', min: 1 } },
      ],
      hints: ['Both weights change in the same rule; press “Apply rule” once.'],
      solution: [
        {
          type: 'lab.call',
          method: 'setForward',
          args: [
            {
              targetGroups: [
                { name: 'web', weight: 0 },
                { name: 'green', weight: 1 },
              ],
              stickiness: { enabled: true, durationSeconds: 3600 },
            },
          ],
        },
        { type: 'lab.call', method: 'request', args: ['alice'] },
      ],
      success:
        'A request carrying AWSALBTG goes to the group in the cookie while the binding is valid, even at weight 0. (AWS does not spell out the weight-0 case; the simulator applies the documented rule.) Sticky users move to green only when their target group stickiness lapses, so shorten its duration before a cut-over.',
    },
    {
      id: 'new-visitor',
      title: 'A new visitor',
      prose: ['bob has never visited, so he has no AWSALBTG.'],
      prediction: {
        question: 'Where will bob’s first request go?',
        choices: [
          { value: 'web', label: 'web (blue)' },
          { value: 'green', label: 'green' },
        ],
        observe: { kind: 'request', which: 'first', client: 'bob', field: 'targetGroup' },
      },
      task: 'Add a client named bob and send a request from him.',
      controls: 'Clients → Client name, Add client; bob → Send request',
      highlight: ['Client name', 'Add client', 'Client bob > Send request'],
      goals: [{ id: 'requestsSince', params: { client: 'bob', targetGroup: 'green' } }],
      hints: ['Type bob in “Client name” and press “Add client”. His card appears under alice’s.'],
      solution: [
        { type: 'lab.call', method: 'addClient', args: ['bob'] },
        { type: 'lab.call', method: 'request', args: ['bob'] },
      ],
      success:
        'Without AWSALBTG, the weights decide: green. New users reach green at once; bound users follow as their bindings lapse.',
    },
    {
      id: 'app-cookie-weighted',
      title: 'Application-based stickiness does not work here',
      prose: [
        'Switch web to application-based stickiness on SESSIONID, still behind the weighted rule.',
      ],
      prediction: {
        question: 'Will alice’s requests stay on one instance of web?',
        choices: [
          { value: 'yes', label: 'Yes, AWSALBAPP holds her' },
          { value: 'no', label: 'No' },
        ],
        observe: {
          kind: 'goal',
          goals: [{ id: 'requestsSince', params: { client: 'alice', min: 2, sameTarget: true } }],
          yes: 'alice stayed on one instance.',
          no: 'alice moved between web’s instances: the ALB did not apply application-based stickiness.',
        },
      },
      task: 'In Target group settings choose “Application-based (app_cookie)” with App cookie name SESSIONID, press Apply, then send two requests from alice.',
      controls:
        'Target group settings → Application-based (app_cookie), App cookie name, Apply; Clients → alice → Send request',
      highlight: [
        'Application-based (app_cookie)',
        'App cookie name',
        'Target group settings > Apply',
        'Client alice > Send request',
      ],
      goals: [
        {
          id: 'attributeEquals',
          params: { targetGroup: 'web', key: 'stickiness.type', value: 'app_cookie' },
        },
        {
          id: 'requestsSince',
          params: { client: 'alice', min: 2, decision: 'app-cookie-ignored-weighted' },
        },
      ],
      hints: ['AWSALBTG still sends alice to web; watch the decision inside web.'],
      solution: [
        {
          type: 'lab.call',
          method: 'modifyTargetGroupAttributes',
          args: [
            'web',
            { 'stickiness.type': 'app_cookie', 'stickiness.app_cookie.cookie_name': 'SESSIONID' },
          ],
        },
        { type: 'lab.call', method: 'request', args: ['alice'] },
        { type: 'lab.call', method: 'request', args: ['alice'] },
      ],
      success:
        'AWS documents that application-based stickiness does not work with weighted target groups, so inside web each request was routed by the algorithm (decision app-cookie-ignored-weighted). Behind a weighted rule, use duration-based stickiness.',
    },
  ],
  takeaways: [
    'A weighted forward splits requests by weight (0–999 per group, up to 5 groups) and weighs each request independently.',
    'Target group stickiness on the rule (AWSALBTG, 1 s to 7 days) keeps a browser on one group; AWS requires it when a group in the rule has sticky sessions.',
    'Duration-based target stickiness works behind a weighted rule; application-based does not.',
    'In blue/green, bound users stay on blue until their target group stickiness lapses; new users follow the weights.',
  ],
}
