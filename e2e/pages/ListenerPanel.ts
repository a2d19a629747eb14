// Page object for the "Listener and rules" panel: protocol, the blue/green switch and the rule form.
import type { Locator, Page } from '@playwright/test'
import { showTab } from './phoneTabs'

export class ListenerPanel {
  readonly root: Locator
  readonly protocol: Locator
  readonly weighted: Locator
  readonly tgStickiness: Locator
  readonly tgStickinessDuration: Locator
  readonly applyRule: Locator
  readonly status: Locator
  readonly cli: Locator

  constructor(readonly page: Page) {
    this.root = page.getByRole('region', { name: 'Listener and rules' })
    this.protocol = this.root.getByRole('radiogroup', { name: 'Listener protocol' })
    this.weighted = this.root.getByRole('switch', { name: 'Weighted forward (blue/green)' })
    this.tgStickiness = this.root.getByRole('checkbox', {
      name: 'Target group stickiness',
      exact: true,
    })
    this.tgStickinessDuration = this.root.getByRole('spinbutton', {
      name: 'Target group stickiness duration (seconds)',
    })
    this.applyRule = this.root.getByRole('button', { name: 'Apply rule' })
    this.status = this.root.getByRole('status')
    this.cli = this.root.getByTestId('cli-command')
  }

  /** Opens the Setup tab that holds this panel (beside the stage, or on a phone). */
  async show(): Promise<this> {
    await showTab(this.page, 'Setup')
    return this
  }

  protocolChoice(name: 'HTTP' | 'HTTPS'): Locator {
    return this.protocol.getByRole('radio', { name, exact: true })
  }

  weight(targetGroup: string): Locator {
    return this.root.getByRole('spinbutton', { name: `Weight for ${targetGroup}` })
  }

  /** The AWS error shown beside a field (inside the field's own wrapper). */
  errorBeside(field: Locator): Locator {
    return field
      .locator('xpath=ancestor::*[contains(concat(" ", @class, " "), " cfg-field ")][1]')
      .getByRole('alert')
  }
}
