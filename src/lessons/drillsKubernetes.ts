// Exam drills for issue 19 items 1 and 3: Kubernetes target types behind the AWS Load Balancer Controller, and
// Socket.IO long polling behind an ALB. Appended to DRILLS in drills.ts.
import type { Drill } from './schema'

export const KUBERNETES_DRILLS: readonly Drill[] = [
  {
    id: 'eks-target-type-instance',
    question:
      'An EKS service is exposed through the AWS Load Balancer Controller with alb.ingress.kubernetes.io/target-type: instance and stickiness.enabled=true. Sessions live in pod memory. Users keep the AWSALB cookie but their sessions still jump between pods. What fixes this?',
    options: [
      { id: 'a', text: 'Raise stickiness.lb_cookie.duration_seconds to 604800.' },
      {
        id: 'b',
        text: 'Set alb.ingress.kubernetes.io/target-type: ip so the pods are the ALB’s targets.',
      },
      { id: 'c', text: 'Switch the algorithm to least_outstanding_requests.' },
      { id: 'd', text: 'Enable cross-zone load balancing on the target group.' },
    ],
    correct: ['b'],
    explanation:
      'With target type instance the ALB’s targets are the nodes (NodePort), so the AWSALB binding pins a node; kube-proxy on that node then forwards each request to any of the Service’s pods. With target type ip the controller registers the pods’ IPs, so the binding reaches the pod. The duration, the algorithm and cross-zone balancing all act before kube-proxy and cannot pin a pod.',
    refs: ['§2', '§1'],
    scenario: 'kubernetes-instance',
    tryIt:
      'Press Add to cart on alice’s card a few times: each request is a sticky hit on one node, yet the dot continues to different pods and a cart is lost. In Setup → Kubernetes choose target-type: ip and repeat with a new browser: every request reaches one pod.',
  },
  {
    id: 'socketio-session-id-unknown',
    question:
      'A Socket.IO app runs on three instances behind an Application Load Balancer with stickiness off. Browsers log “xhr poll error” and the instances answer HTTP 400 {"code":1,"message":"Session ID unknown"}. Which changes fix it? (Choose two.)',
    options: [
      { id: 'a', text: 'Enable duration-based stickiness on the target group.' },
      {
        id: 'b',
        text: "Configure the client with transports: ['websocket'] so it skips long polling.",
      },
      { id: 'c', text: 'Lower the health check interval so failed instances leave sooner.' },
      { id: 'd', text: 'Add a listener rule that forwards /socket.io/ to the same target group.' },
    ],
    correct: ['a', 'b'],
    explanation:
      'Engine.IO keeps each session in the memory of the process that answered the handshake; a polling request the load balancer sends elsewhere gets 400 Session ID unknown. Cookie stickiness keeps the handshake and polls on one target (socket.io’s “Using multiple nodes”: sticky sessions are required with polling). A WebSocket-only client makes one upgrade request, and the target that answers 101 keeps the connection for its lifetime, so it needs no stickiness. Health checks and path rules do not choose the same target twice.',
    refs: ['§10', '§11'],
    scenario: 'socketio',
    tryIt:
      "In Setup → Socket.IO client press Connect Socket.IO: a poll gets 400, marked on the card. Turn on duration-based stickiness and connect again: the upgrade is answered 101. Turn stickiness off and connect with ['websocket'] only: it works too.",
  },
]
