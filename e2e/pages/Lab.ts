// Page object for what every config test needs besides the panels: the picture's labels, sending
// requests from a client, and driving the virtual clock through the page's lab actor.
import type { Locator, Page } from '@playwright/test'
import { stageBrowser } from './ClientsPanel'
import { afterResponse } from './labDriver'

export class Lab {
  constructor(readonly page: Page) {}

  /** The picture's title of a target group, e.g. "Target group web · lb_cookie · 20 s". */
  targetGroupTitle(name: string): Locator {
    return this.page.getByTestId(`topology.tg.${name}`).locator('text.tg-title')
  }

  targetGroupBox(name: string): Locator {
    return this.page.getByTestId(`topology.tg.${name}`)
  }

  get albListener(): Locator {
    return this.page.getByTestId('topology.alb').locator('text.alb-listener')
  }

  get albRule(): Locator {
    return this.page.getByTestId('topology.alb').locator('text.alb-rule')
  }

  /** The instance card in the picture. */
  card(id: string): Locator {
    return this.page.getByTestId(`topology.target.${id}`)
  }

  sendButton(client = 'alice'): Locator {
    return stageBrowser(this.page, client).getByRole('button', { name: 'Send request' })
  }

  /**
   * Sends `times` requests, each seen through to its response (the stage reveals an outcome on arrival and the
   * cookies on return, so a paused clock is moved on that far, as a learner would watch it).
   */
  async send(times: number, client = 'alice'): Promise<void> {
    for (let i = 0; i < times; i++) {
      await this.sendButton(client).click()
      await afterResponse(this.page)
    }
  }

  /** Stops the real-time clock so that only explicit jumps move virtual time. */
  async pause(): Promise<void> {
    await this.page.evaluate(() => window.stickylab.current.send({ type: 'sim.pause' }))
  }

  async advance(seconds: number): Promise<void> {
    await this.page.evaluate(
      (s) => window.stickylab.current.send({ type: 'sim.advance', seconds: s }),
      seconds,
    )
  }
}
