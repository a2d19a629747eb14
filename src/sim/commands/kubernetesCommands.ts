// Kubernetes commands (issue 19, item 1): run the app as a Kubernetes Service and choose the AWS Load Balancer
// Controller's target type. lab.ts spreads them into the Lab and guards them like every call.
import type { Lab } from '../model/api'
import type { World } from '../model/world'
import { throwRefusal } from '../rules/errors'
import { configureKubernetes, kubernetesProblem } from '../rules/kubernetes'

type KubernetesCommands = Pick<Lab, 'configureKubernetes'>

export function kubernetesCommands(world: World): KubernetesCommands {
  return {
    configureKubernetes(options) {
      throwRefusal(kubernetesProblem(world, options))
      configureKubernetes(world, options.targetType)
    },
  }
}
