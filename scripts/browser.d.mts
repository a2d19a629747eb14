export const CHROMIUM_ARGS: string[]
export interface ResolvedBrowser {
  kind: 'env' | 'playwright' | 'system' | 'none' | 'error'
  executablePath?: string
  channel?: string
  description: string
}
export function resolveBrowser(): ResolvedBrowser
export function launchOptionsFor(browser: ResolvedBrowser): { args: string[]; executablePath?: string }
