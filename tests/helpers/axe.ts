import { createRequire } from 'node:module'
import { readFile } from 'node:fs/promises'
import type { Page } from 'playwright'
import type { AxeResults, Result } from 'axe-core'

/** WCAG 2.2 level A and AA, as axe-core tags them. */
export const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

/**
 * Best-practice rules the portal holds itself to as well: one main landmark, all content
 * in landmarks, a level-one heading, no skipped heading levels.
 */
const STRUCTURE_RULES = ['landmark-one-main', 'region', 'page-has-heading-one', 'heading-order']

let axeSource: Promise<string> | undefined

function sourceOfAxe() {
  axeSource ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
  return axeSource
}

/** axe-core's WCAG 2.2 AA violations on the page as it is now. */
export async function axeViolations(page: Page): Promise<Result[]> {
  const loaded = await page.evaluate(() => 'axe' in globalThis)
  // Evaluated through the DevTools protocol: the page's CSP (nonces only) stays as it is.
  if (!loaded) await page.evaluate(await sourceOfAxe())
  const results: AxeResults = await page.evaluate(
    ([tags, rules]) =>
      // In the page (the project's TypeScript has no DOM library).
      (globalThis as any).axe.run((globalThis as any).document, {
        runOnly: { type: 'tag', values: tags },
        rules: Object.fromEntries(rules.map((rule) => [rule, { enabled: true }])),
        resultTypes: ['violations'],
        // No fetching of stylesheets again (only the experimental orientation rule needs it).
        preload: false,
      }),
    [WCAG_22_AA, STRUCTURE_RULES] as const
  )
  return results.violations
}

/** One line per failing element: rule, impact, selector and what to fix. */
export function describeViolations(where: string, violations: Result[]) {
  return violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${where}: [${violation.id}, ${violation.impact}] ${node.target.join(' ')} — ${violation.help}` +
        (node.failureSummary ? `\n    ${node.failureSummary.replace(/\n/g, '\n    ')}` : '')
    )
  )
}
