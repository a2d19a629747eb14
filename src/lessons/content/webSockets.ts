// Lesson data: a WebSocket is pinned to the target that accepted the upgrade; plain requests are not.
import type { Lesson } from '../schema'

export const webSockets: Lesson = {
  id: 'websockets',
  title: 'WebSockets: sticky by connection',
  summary:
    'After 101 Switching Protocols, messages stay on one connection without cookies. Plain requests do not.',
  scenario: 'default',
  covers: ['004-13'],
  steps: [
    {
      id: 'open',
      title: 'Open a WebSocket',
      prose: [
        'A WebSocket starts as an ordinary HTTP request asking to upgrade. The load balancer routes it like any request; the target that answers 101 Switching Protocols then owns the connection.',
        'Stickiness is off in this lab. The lab has no WebSocket buttons, so “Show me” opens the connection for you.',
      ],
      task: 'Press “Show me” to open a WebSocket from alice.',
      controls: 'Show me (this lab has no WebSocket buttons)',
      highlight: [],
      goals: [{ id: 'webSocket', params: { client: 'alice', open: true } }],
      hints: ['“Show me” is below this step’s text.'],
      solution: [{ type: 'lab.call', method: 'openWebSocket', args: ['alice'] }],
      success:
        'i-1 answered 101 Switching Protocols. The picture counts the open connection on its card.',
    },
    {
      id: 'messages',
      title: 'Messages and a plain request',
      prose: ['Send messages over the connection, then a normal page request.'],
      prediction: {
        question:
          'The WebSocket is on i-1 and stickiness is off. Will alice’s next normal HTTP request be held to i-1 by the WebSocket?',
        choices: [
          { value: 'yes', label: 'Yes: it follows the WebSocket to i-1' },
          { value: 'no', label: 'No: the algorithm routes it on its own' },
        ],
        observe: {
          kind: 'request',
          which: 'first',
          client: 'alice',
          requestKind: 'http',
          field: 'sticky',
        },
      },
      task: 'Press “Show me” to send three WebSocket messages, then press “Send request” on alice’s card.',
      controls: 'Show me for the messages; Clients → alice → Send request',
      highlight: ['Client alice > Send request'],
      goals: [
        { id: 'webSocket', params: { client: 'alice', open: true, minMessages: 3 } },
        { id: 'requestsSince', params: { client: 'alice', requestKind: 'http', min: 1 } },
      ],
      hints: ['“Show me” sends the messages and the request together if you prefer.'],
      solution: [
        { type: 'lab.call', method: 'sendWebSocketMessage', args: ['alice'] },
        { type: 'lab.call', method: 'sendWebSocketMessage', args: ['alice'] },
        { type: 'lab.call', method: 'sendWebSocketMessage', args: ['alice'] },
        { type: 'lab.call', method: 'request', args: ['alice'] },
      ],
      success:
        'The messages all travelled over the connection to i-1 without any cookie. The normal request was routed on its own by round robin. WebSockets are sticky by connection; other requests still need cookie stickiness if the app needs it.',
      corrects: [
        {
          claim: '004-2',
          myth: 'Stickiness guarantees that all connections go to the same target.',
          fact: 'A WebSocket stays on the target that accepted it because it is one long connection. Separate HTTP requests are routed one by one, and cookie stickiness ends on expiry, failure or deregistration.',
        },
      ],
    },
    {
      id: 'reconnect',
      title: 'When the target goes away',
      prose: [
        'Stop i-1. Its connections die with it, its target becomes unused at once, and the client must reconnect.',
      ],
      prediction: {
        question: 'i-1 is stopped. Will alice’s new WebSocket go to another instance?',
        choices: [
          { value: 'yes', label: 'Yes: the upgrade is routed afresh, like any new request' },
          { value: 'no', label: 'No: the browser reconnects to i-1' },
        ],
        observe: {
          kind: 'goal',
          goals: [{ id: 'webSocket', params: { client: 'alice', open: true, notTarget: 'i-1' } }],
          yes: 'The new upgrade was routed afresh and another instance answered 101.',
          no: 'alice has no open WebSocket on another instance.',
        },
      },
      task: 'Stop i-1, then press “Show me” to reconnect.',
      controls: 'Instances → i-1 → Stop instance; Show me to reconnect',
      highlight: ['i-1 > Stop instance'],
      goals: [
        { id: 'targetHealth', params: { targetGroup: 'web', target: 'i-1', state: 'unused' } },
        { id: 'webSocket', params: { client: 'alice', open: true, notTarget: 'i-1' } },
      ],
      hints: ['The stop makes i-1’s target unused at once. Then “Show me” reconnects.'],
      solution: [
        { type: 'lab.call', method: 'stopInstance', args: ['i-1'] },
        { type: 'lab.call', method: 'openWebSocket', args: ['alice'] },
      ],
      success:
        'The new upgrade request was routed like any new request and a healthy instance accepted it. (ALB health checks never use WebSockets: they probe the HTTP health-check path.)',
    },
  ],
  takeaways: [
    'The WebSocket upgrade is an ordinary request; the target that answers 101 keeps the connection, and messages never consult cookies.',
    'Other HTTP requests from the same page are still routed one by one.',
    'When the target dies, the connection dies; the client reconnects and may land elsewhere.',
  ],
}
