// Page object for the HTTP inspector: filters, request rows and the details of the chosen request.
import type { Locator, Page } from '@playwright/test'
import { showTab } from './phoneTabs'

export class InspectorPanel {
  readonly root: Locator
  readonly latestDecision: Locator
  readonly byClient: Locator
  readonly byInstance: Locator
  readonly byDecision: Locator
  readonly rows: Locator
  readonly targets: Locator
  readonly details: Locator
  readonly rawRequest: Locator
  readonly rawResponse: Locator
  readonly detailDecision: Locator
  readonly detailExplanation: Locator

  constructor(readonly page: Page) {
    this.root = page.getByRole('region', { name: 'HTTP inspector' })
    this.latestDecision = page.getByTestId('latest-decision')
    this.byClient = this.root.getByRole('combobox', { name: 'Filter by client' })
    this.byInstance = this.root.getByRole('combobox', { name: 'Filter by instance' })
    this.byDecision = this.root.getByRole('combobox', { name: 'Filter by decision' })
    this.rows = this.root.getByTestId('request-row')
    this.targets = this.root.getByTestId('request-target')
    this.details = this.root.getByTestId('request-details')
    this.rawRequest = this.root.getByTestId('raw-request')
    this.rawResponse = this.root.getByTestId('raw-response')
    this.detailDecision = this.root.getByTestId('detail-decision')
    this.detailExplanation = this.root.getByTestId('detail-explanation')
  }

  /** Opens the Requests tab that holds this panel (beside the stage, or on a phone). */
  async show(): Promise<this> {
    await showTab(this.page, 'Requests')
    return this
  }

  /** The select button of request #id. */
  request(id: number): Locator {
    return this.root.getByRole('button', { name: `Inspect request #${id}`, exact: true })
  }

  /** Text of one column (0-based) for every visible row, newest first. */
  async column(index: number): Promise<string[]> {
    return this.rows.evaluateAll(
      (trs, i) => trs.map((tr) => tr.children[i]?.textContent?.trim() ?? ''),
      index,
    )
  }
}
