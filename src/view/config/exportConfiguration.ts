// The export formats and their renderers, in the order the Console tab's Your ALB as code offers them.
import { renderCdk } from './cdkExport'
import { renderCliScript } from './cliExport'
import { renderCloudFormation } from './cloudFormationExport'
import { renderKubernetes } from './kubernetesExport'
import type { LabConfiguration } from './labConfiguration'
import { renderTerraform } from './terraformExport'

export const EXPORT_FORMATS = [
  { id: 'terraform', label: 'Terraform', fileName: 'stickylab.tf', mime: 'text/plain' },
  {
    id: 'cloudformation',
    label: 'CloudFormation (YAML)',
    fileName: 'stickylab.yaml',
    mime: 'application/yaml',
  },
  { id: 'cdk', label: 'AWS CDK (TypeScript)', fileName: 'stickylab.ts', mime: 'text/plain' },
  {
    id: 'kubernetes',
    label: 'Kubernetes (AWS Load Balancer Controller)',
    fileName: 'stickylab-ingress.yaml',
    mime: 'application/yaml',
  },
  { id: 'cli', label: 'AWS CLI script', fileName: 'stickylab.sh', mime: 'text/x-shellscript' },
] as const

export type ExportFormat = (typeof EXPORT_FORMATS)[number]['id']

/** Why a lab cannot be exported, or null: every format here describes an Application Load Balancer. */
export function exportRefusal(c: LabConfiguration): string | null {
  if (c.loadBalancerType === 'application') return null
  return 'These formats cover Application Load Balancers only. Switch the lab to an Application Load Balancer (Setup tab) to export it.'
}

export function renderConfiguration(format: ExportFormat, c: LabConfiguration): string {
  switch (format) {
    case 'terraform':
      return renderTerraform(c)
    case 'cloudformation':
      return renderCloudFormation(c)
    case 'cdk':
      return renderCdk(c)
    case 'kubernetes':
      return renderKubernetes(c)
    case 'cli':
      return renderCliScript(c)
  }
}
