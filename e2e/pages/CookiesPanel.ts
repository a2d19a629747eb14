// Page object for the Cookies panel: the DevTools-like table and its controls.
import type { Locator, Page } from '@playwright/test'
import { showTab } from './phoneTabs'

/** Column order of the cookie table (the header row). */
export const COOKIE_COLUMNS = [
  'Name',
  'Value',
  'Domain',
  'Path',
  'Expires',
  'Size',
  'HttpOnly',
  'Secure',
  'SameSite',
] as const
export type CookieColumn = (typeof COOKIE_COLUMNS)[number]

export class CookiesPanel {
  readonly root: Locator
  readonly client: Locator
  readonly xray: Locator
  readonly clearAll: Locator
  readonly table: Locator
  readonly rows: Locator
  readonly verdict: Locator

  constructor(readonly page: Page) {
    this.root = page.getByRole('region', { name: 'Cookies', exact: true })
    this.client = this.root.getByRole('combobox', { name: 'Client' })
    this.xray = this.root.getByRole('switch', { name: 'X-ray' })
    this.clearAll = this.root.getByRole('button', { name: 'Clear all' })
    this.table = this.root.getByRole('table')
    this.rows = this.table.locator('tbody tr[data-testid^="cookie-row-"]')
    this.verdict = this.root.getByTestId('cookie-verdict')
  }

  /** Opens the Cookies tab that holds this panel (beside the stage, or on a phone). */
  async show(): Promise<this> {
    await showTab(this.page, 'Cookies')
    return this
  }

  row(name: string): Locator {
    return this.root.getByTestId(`cookie-row-${name}`)
  }

  /** One cell of a cookie's row (the Value column holds an input: read it with value()). */
  cell(name: string, column: CookieColumn): Locator {
    const i = COOKIE_COLUMNS.indexOf(column)
    return this.row(name).locator('th, td').nth(i)
  }

  valueInput(name: string): Locator {
    return this.root.getByRole('textbox', { name: `Value of ${name}`, exact: true })
  }

  deleteButton(name: string): Locator {
    return this.root.getByRole('button', { name: `Delete ${name}`, exact: true })
  }

  async names(): Promise<string[]> {
    return this.rows
      .locator('th')
      .evaluateAll((ths) => ths.map((th) => th.childNodes[0]?.textContent ?? ''))
  }
}
