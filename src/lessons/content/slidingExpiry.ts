// Lesson data: the stickiness duration is a sliding idle window, and the cookie's 7-day Expires is not it.
import type { Lesson } from '../schema'

export const slidingExpiry: Lesson = {
  id: 'sliding-expiry',
  title: 'Sliding expiry and the 7-day Expires',
  summary:
    'The duration is an idle timeout reset by every response. The cookie’s Expires says 7 days whatever you set.',
  scenario: 'sticky',
  covers: ['004-7', '004-8', '004-10', '001-5'],
  steps: [
    {
      id: 'set-duration',
      title: 'Set a 1-minute duration',
      prose: [
        'alice is bound to i-1 with duration-based stickiness. The duration, `stickiness.lb_cookie.duration_seconds`, can be 1 s to 604800 s (7 days); the default is 86400 s (1 day).',
      ],
      task: 'Set the stickiness duration on the stage to 60 s: type 60 and press Enter.',
      controls:
        'Target group settings → Stickiness duration (seconds) or the “1 min” preset, then Apply',
      highlight: ['Stickiness duration (seconds)'],
      goals: [
        {
          id: 'attributeEquals',
          params: { targetGroup: 'web', key: 'stickiness.lb_cookie.duration_seconds', value: '60' },
        },
      ],
      hints: [
        'The duration field appears under the Stickiness choices while a stickiness type is selected.',
      ],
      solution: [
        {
          type: 'lab.call',
          method: 'modifyTargetGroupAttributes',
          args: ['web', { 'stickiness.lb_cookie.duration_seconds': '60' }],
        },
      ],
      success: 'The stickiness duration is now 60 s.',
    },
    {
      id: 'expires',
      title: 'Read the Expires column',
      prose: [
        'Send a request so the load balancer issues a fresh AWSALB, then open its chip on alice’s browser to read its Expires date.',
      ],
      prediction: {
        question: 'With a 60 s duration, when will the browser’s AWSALB expire?',
        choices: [
          { value: '60', label: 'In 60 seconds' },
          { value: '86400', label: 'In 1 day' },
          { value: '604800', label: 'In 7 days' },
        ],
        observe: {
          kind: 'cookieExpiresIn',
          client: 'alice',
          name: 'AWSALB',
          candidates: [60, 86_400, 604_800],
        },
      },
      task: 'Send a request and read the Expires column of AWSALB.',
      controls: 'Clients → alice → Send request; Cookies panel, Expires column',
      highlight: ['Client alice > Send request', 'Cookies'],
      goals: [
        { id: 'requestsSince', params: { client: 'alice', min: 1 } },
        {
          id: 'cookiePresent',
          params: { client: 'alice', name: 'AWSALB', minLifetimeSeconds: 600_000 },
        },
      ],
      hints: [
        'The lab’s virtual clock starts on 1 January 2025; compare the Expires date with the clock.',
      ],
      solution: [{ type: 'lab.call', method: 'request', args: ['alice'] }],
      success:
        'The cookie’s Expires is always 7 days after the response, whatever the duration. The browser keeps the cookie for 7 days; the load balancer enforces the 60 s from data inside the encrypted value.',
      corrects: [
        {
          claim: '004-15',
          myth: 'The cookie expiration value is 7 days and cannot be modified.',
          fact: 'Only the visible Expires is fixed at 7 days. The stickiness duration that actually ends the binding is configurable from 1 s to 7 days (default 1 day).',
        },
      ],
    },
    {
      id: 'sliding',
      title: 'Keep coming back',
      prose: [
        'Now browse slowly: one request every 30 s, three times. That is 90 s in total, longer than the 60 s duration.',
      ],
      prediction: {
        question: 'After 90 s of slow browsing, will alice’s last request still be sticky?',
        choices: [
          { value: 'yes', label: 'Yes' },
          { value: 'no', label: 'No, 60 s have passed since the binding began' },
        ],
        observe: { kind: 'request', which: 'last', client: 'alice', field: 'sticky' },
      },
      task: 'Three times: jump the clock 30 s, then send a request.',
      controls: 'Time → +30 s; Clients → alice → Send request',
      highlight: ['Advance the clock 30 seconds', 'Client alice > Send request'],
      goals: [
        {
          id: 'requestsSince',
          params: {
            client: 'alice',
            min: 3,
            allSticky: true,
            sameTarget: true,
            minSpanSeconds: 60,
          },
        },
      ],
      hints: [
        'Keep each gap under 60 s. If a request was not sticky, send three more, 30 s apart.',
      ],
      solution: [
        { type: 'sim.advance', seconds: 30 },
        { type: 'lab.call', method: 'request', args: ['alice'] },
        { type: 'sim.advance', seconds: 30 },
        { type: 'lab.call', method: 'request', args: ['alice'] },
        { type: 'sim.advance', seconds: 30 },
        { type: 'lab.call', method: 'request', args: ['alice'] },
      ],
      success:
        'Still sticky: every response reset the 60 s window. The duration is an idle timeout that slides forward with each request, not a fixed session length.',
    },
    {
      id: 'idle',
      title: 'Go idle',
      prose: ['Now leave alice idle for 5 minutes, much longer than the 60 s duration.'],
      prediction: {
        question: 'After 5 idle minutes, will alice’s browser still send AWSALB?',
        choices: [
          { value: 'AWSALB', label: 'Yes, AWSALB is still sent' },
          { value: 'none', label: 'No, the browser has dropped it' },
        ],
        observe: {
          kind: 'request',
          which: 'first',
          client: 'alice',
          field: 'sentCookies',
          among: ['AWSALB'],
        },
      },
      task: 'Jump the clock 5 minutes, then send a request.',
      controls: 'Time → +5 min; Clients → alice → Send request',
      highlight: ['Advance the clock 5 minutes', 'Client alice > Send request'],
      goals: [
        { id: 'requestsSince', params: { client: 'alice', decision: 'sticky-miss-expired' } },
      ],
      hints: ['Any idle gap longer than 60 s will do; “+5 min” is the quickest.'],
      solution: [
        { type: 'sim.advance', seconds: 300 },
        { type: 'lab.call', method: 'request', args: ['alice'] },
      ],
      success:
        'The browser still sent AWSALB, but more than 60 s had passed since the last response, so the load balancer ignored it (sticky-miss-expired). Round robin picked a target and a fresh AWSALB was issued.',
      corrects: [
        {
          claim: '001-3',
          myth: 'Once a user connects to one backend instance, all future requests from them go to the same instance.',
          fact: 'Only while the binding is valid: it ends when the idle time exceeds the duration, when the target is unhealthy or deregistered, or when the cookie is lost.',
        },
      ],
    },
  ],
  takeaways: [
    'The lb_cookie duration (1 s to 7 days, default 1 day) is an idle timeout: every response resets it.',
    'AWSALB’s Expires is always 7 days after the response. It is not the stickiness duration.',
    'A stale AWSALB still reaches the load balancer, which ignores it and issues a new one.',
  ],
}
