// Lesson data (issue 19, item 3): Socket.IO's long polling needs every request on the process that holds the session
// until the WebSocket upgrade; the upgrade is pinned by its connection, so transports: ['websocket'] needs no stickiness.
import type { Lesson } from '../schema'

export const socketIoPolling: Lesson = {
  id: 'socketio-polling',
  title: 'Socket.IO: long polling needs stickiness, the WebSocket does not',
  summary:
    '“xhr poll error”, HTTP 400 Session ID unknown: the Engine.IO handshake and polls must reach one process until the upgrade.',
  scenario: 'socketio',
  covers: [],
  steps: [
    {
      id: 'fail',
      title: 'Polling without stickiness',
      prose: [
        'A Socket.IO client starts with Engine.IO long polling: a handshake that makes a session (sid) in one server process’s memory, then polling requests carrying that sid, then the upgrade to a WebSocket. Each is an ordinary HTTP request that the ALB routes on its own.',
        'Stickiness is off and the algorithm is round robin.',
      ],
      task: 'In Setup → Socket.IO client, press “Connect Socket.IO”.',
      controls: 'Setup → Socket.IO client → Connect Socket.IO',
      highlight: [],
      goals: [
        {
          id: 'requestsSince',
          params: { client: 'alice', pathPrefix: '/socket.io/', status: 400 },
        },
      ],
      hints: ['The Socket.IO panel is in the Setup tab, under the load balancer type.'],
      solution: [{ type: 'lab.call', method: 'connectSocketIo', args: ['alice', { polls: 3 }] }],
      success:
        'The first poll went to another instance, which does not know the session: 400 {"code":1,"message":"Session ID unknown"}, marked on its card. The real client reports an xhr poll error and reconnects, again and again.',
    },
    {
      id: 'sticky',
      title: 'Stickiness keeps the polls together',
      prose: [
        'socket.io’s guide “Using multiple nodes” says it plainly: with polling, sticky sessions are required.',
      ],
      task: 'Turn on duration-based stickiness for web, then press “Connect Socket.IO” again.',
      controls:
        'Stickiness: Duration-based (lb_cookie) on the target group; Setup → Socket.IO client → Connect Socket.IO',
      highlight: ['Duration-based (lb_cookie)'],
      goals: [
        {
          id: 'attributeEquals',
          params: { targetGroup: 'web', key: 'stickiness.enabled', value: 'true' },
        },
        { id: 'webSocket', params: { client: 'alice', open: true } },
      ],
      hints: [
        'The handshake’s response sets AWSALB; every poll and the upgrade carry it back to the same instance.',
      ],
      solution: [
        {
          type: 'lab.call',
          method: 'modifyTargetGroupAttributes',
          args: ['web', { 'stickiness.enabled': 'true' }],
        },
        { type: 'lab.call', method: 'connectSocketIo', args: ['alice', { polls: 3 }] },
      ],
      success:
        'Handshake, polls and upgrade all reached one instance, which answered 101 Switching Protocols. From now on the WebSocket stays on it for its lifetime, whatever the cookies say.',
    },
    {
      id: 'websocket-only',
      title: 'A plain WebSocket needs no stickiness',
      prose: [
        "With transports: ['websocket'] the client skips polling: its only HTTP request is the upgrade, and the target that answers 101 keeps the connection.",
      ],
      prediction: {
        question: 'Stickiness off again: will a WebSocket-only Socket.IO connection succeed?',
        choices: [
          { value: 'yes', label: 'Yes: the upgrade is one request, pinned by its connection' },
          { value: 'no', label: 'No: Socket.IO always needs sticky sessions' },
        ],
        observe: {
          kind: 'goal',
          goals: [{ id: 'webSocket', params: { client: 'alice', open: true } }],
          yes: 'The target answered 101 and the connection stays on it; nothing needed stickiness.',
          no: 'alice has no open WebSocket.',
        },
      },
      task: "Turn stickiness Off, choose “['websocket'] only” in the Socket.IO panel and press “Connect Socket.IO”.",
      controls:
        "Stickiness: Off; Setup → Socket.IO client → ['websocket'] only → Connect Socket.IO",
      highlight: ['Off'],
      goals: [
        {
          id: 'attributeEquals',
          params: { targetGroup: 'web', key: 'stickiness.enabled', value: 'false' },
        },
        {
          id: 'requestsSince',
          params: { client: 'alice', requestKind: 'websocket-upgrade', status: 101 },
        },
      ],
      hints: ['Without polling there is no session id that another instance could fail to know.'],
      solution: [
        {
          type: 'lab.call',
          method: 'modifyTargetGroupAttributes',
          args: ['web', { 'stickiness.enabled': 'false' }],
        },
        {
          type: 'lab.call',
          method: 'connectSocketIo',
          args: ['alice', { transports: 'websocket' }],
        },
      ],
      success:
        'One upgrade request, answered 101, and the connection is pinned: a plain WebSocket is sticky by connection and needs no stickiness setting.',
    },
  ],
  takeaways: [
    'Engine.IO keeps each session in one process’s memory: handshake and long polls must reach it (400 Session ID unknown otherwise).',
    "Cookie stickiness (or transports: ['websocket']) fixes it; after 101 the connection itself is sticky.",
    'On Kubernetes the process is a pod: with target-type instance even a sticky ALB can send a poll to the wrong pod.',
  ],
}
