// Page object for the "Instances" panel: one group per instance (named by its id) and the scale-out form.
import type { Locator, Page } from '@playwright/test'
import { showTab } from './phoneTabs'

export class InstancesPanel {
  readonly root: Locator
  readonly targetGroup: Locator
  readonly az: Locator
  readonly addInstance: Locator
  readonly status: Locator

  constructor(readonly page: Page) {
    this.root = page.getByRole('region', { name: 'Instances' })
    this.targetGroup = this.root.getByRole('combobox', { name: 'Target group' })
    this.az = this.root.getByRole('combobox', { name: 'Availability Zone' })
    this.addInstance = this.root.getByRole('button', { name: 'Add instance' })
    this.status = this.root.getByRole('status')
  }

  /** Opens the Setup tab that holds this panel (beside the stage, or on a phone). */
  async show(): Promise<this> {
    await showTab(this.page, 'Setup')
    return this
  }

  instance(id: string): Locator {
    return this.root.getByRole('group', { name: id, exact: true })
  }

  button(id: string, name: string): Locator {
    return this.instance(id).getByRole('button', { name, exact: true })
  }

  health(id: string): Locator {
    return this.root.getByTestId(`health-${id}`)
  }

  state(id: string): Locator {
    return this.root.getByTestId(`state-${id}`)
  }

  served(id: string): Locator {
    return this.root.getByTestId(`served-${id}`)
  }

  carts(id: string): Locator {
    return this.root.getByTestId(`carts-${id}`)
  }
}
