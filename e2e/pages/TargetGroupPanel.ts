// Page object for the "Target group settings" panel: its fields by accessible name and AWS's errors.
import type { Locator, Page } from '@playwright/test'
import { showTab } from './phoneTabs'

export class TargetGroupPanel {
  readonly root: Locator
  readonly targetGroup: Locator
  readonly stickiness: Locator
  readonly duration: Locator
  readonly presets: Locator
  readonly cookieName: Locator
  readonly algorithm: Locator
  readonly anomalyMitigation: Locator
  readonly crossZone: Locator
  readonly deregistrationDelay: Locator
  readonly slowStart: Locator
  readonly interval: Locator
  readonly timeout: Locator
  readonly healthyThreshold: Locator
  readonly unhealthyThreshold: Locator
  readonly apply: Locator
  readonly status: Locator
  readonly cli: Locator

  constructor(readonly page: Page) {
    this.root = page.getByRole('region', { name: 'Target group settings' })
    this.targetGroup = this.root.getByRole('combobox', { name: 'Target group' })
    this.stickiness = this.root.getByRole('radiogroup', { name: 'Stickiness' })
    this.duration = this.root.getByRole('spinbutton', { name: 'Stickiness duration (seconds)' })
    this.presets = this.root.getByRole('group', { name: 'Duration presets' })
    this.cookieName = this.root.getByRole('textbox', { name: 'App cookie name' })
    this.algorithm = this.root.getByRole('combobox', { name: 'Load balancing algorithm' })
    this.anomalyMitigation = this.root.getByRole('checkbox', { name: 'Anomaly mitigation' })
    this.crossZone = this.root.getByRole('combobox', { name: 'Cross-zone load balancing' })
    this.deregistrationDelay = this.root.getByRole('spinbutton', {
      name: 'Deregistration delay (seconds)',
    })
    this.slowStart = this.root.getByRole('spinbutton', { name: 'Slow start duration (seconds)' })
    this.interval = this.root.getByRole('spinbutton', { name: 'Interval (seconds)' })
    this.timeout = this.root.getByRole('spinbutton', { name: 'Timeout (seconds)' })
    this.healthyThreshold = this.root.getByRole('spinbutton', {
      name: 'Healthy threshold',
      exact: true,
    })
    this.unhealthyThreshold = this.root.getByRole('spinbutton', { name: 'Unhealthy threshold' })
    this.apply = this.root.getByRole('button', { name: 'Apply', exact: true })
    this.status = this.root.getByRole('status')
    this.cli = this.root.getByTestId('cli-command')
  }

  /** Opens the Setup tab that holds this panel (beside the stage, or on a phone). */
  async show(): Promise<this> {
    await showTab(this.page, 'Setup')
    return this
  }

  stickinessChoice(
    name: 'Off' | 'Duration-based (lb_cookie)' | 'Application-based (app_cookie)',
  ): Locator {
    return this.stickiness.getByRole('radio', { name, exact: true })
  }

  preset(label: string): Locator {
    return this.presets.getByRole('button', { name: label, exact: true })
  }

  /** The AWS error shown beside a field: inside the field's own wrapper (the .cfg-field or fieldset). */
  errorBeside(field: Locator): Locator {
    return field
      .locator(
        'xpath=ancestor-or-self::*[contains(concat(" ", @class, " "), " cfg-field ") or self::fieldset][1]',
      )
      .getByRole('alert')
  }

  /** The error shown at the top of the form (when it concerns no single field). */
  get formError(): Locator {
    return this.root.locator('form > [role="alert"]')
  }

  get anyError(): Locator {
    return this.root.getByRole('alert')
  }
}
