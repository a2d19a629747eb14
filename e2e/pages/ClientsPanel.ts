// Page object for the Clients panel: one Locator per control, scoped to a client's group where needed.
import type { Locator, Page } from '@playwright/test'
import { showTab } from './phoneTabs'

export class ClientsPanel {
  readonly root: Locator
  readonly nameInput: Locator
  readonly addButton: Locator
  readonly error: Locator
  readonly memoryStore: Locator
  readonly externalStore: Locator

  constructor(readonly page: Page) {
    this.root = page.getByRole('region', { name: 'Clients', exact: true })
    this.nameInput = this.root.getByLabel('Client name')
    this.addButton = this.root.getByRole('button', { name: 'Add client' })
    this.error = this.root.getByRole('alert')
    const store = this.root.getByRole('group', { name: 'Session store' })
    this.memoryStore = store.getByRole('radio', { name: 'In instance memory' })
    this.externalStore = store.getByRole('radio', { name: 'External store (ElastiCache)' })
  }

  /** Opens the Setup tab that holds this panel (beside the stage, or on a phone). */
  async show(): Promise<this> {
    await showTab(this.page, 'Setup')
    return this
  }

  client(id: string): ClientCard {
    return new ClientCard(this.page.getByRole('group', { name: `Client ${id}` }), id, this.page)
  }

  async add(name: string): Promise<void> {
    await this.nameInput.fill(name)
    await this.addButton.click()
  }
}

export class ClientCard {
  readonly send: Locator
  readonly addToCart: Locator
  readonly remove: Locator
  readonly cookies: Locator
  readonly cors: Locator
  readonly credentials: Locator
  readonly userAgent: Locator
  readonly autoRefresh: Locator
  readonly cart: Locator
  readonly cartLost: Locator

  constructor(
    readonly root: Locator,
    readonly id: string,
    page: Page,
  ) {
    // A learner sends from the browser on the stage, whichever dock tab is open; the panel's settings are in Setup.
    const browser = stageBrowser(page, id)
    this.send = browser.getByRole('button', { name: 'Send request' })
    this.addToCart = browser.getByRole('button', { name: 'Add to cart' })
    this.remove = root.getByRole('button', { name: `Remove ${id}` })
    this.cookies = root.getByRole('switch', { name: 'Cookies enabled' })
    this.cors = root.getByRole('switch', { name: 'Cross-site request' })
    this.credentials = root.getByRole('combobox', { name: 'Credentials' })
    this.userAgent = root.getByRole('combobox', { name: 'User agent' })
    this.autoRefresh = root.getByRole('combobox', { name: 'Auto-refresh' })
    this.cart = root.getByTestId(`cart-${id}`)
    this.cartLost = root.getByTestId(`cart-lost-${id}`)
  }
}

/** A browser's card on the stage (its Send request, Add to cart, Stream requests and cookie chips). */
export function stageBrowser(page: Page, id: string): Locator {
  return page.getByTestId('stage').getByRole('group', { name: `${id} browser` })
}
