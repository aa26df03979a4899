import fs from 'node:fs'
import { createRequire } from 'node:module'
import { test as base, expect, type Page } from '@playwright/test'

const require = createRequire(import.meta.url)
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

type AxeViolation = { id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }

/** Runs axe-core on the page for WCAG 2.2 A and AA and fails with a readable list of violations. */
export async function expectAccessible(page: Page) {
	await page.addScriptTag({ content: axeSource })
	const violations = await page.evaluate(async () => {
		const axe = (
			window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: unknown[] }> } }
		).axe
		const result = await axe.run(document, {
			runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
		})
		return result.violations
	})
	const summary = (violations as AxeViolation[]).map(
		(v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
	)
	expect(summary, `accessibility violations on ${page.url()}`).toEqual([])
}

export function uniqueEmail(prefix = 'learner') {
	return `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`
}

export const test = base.extend<{ a11y: (page?: Page) => Promise<void> }>({
	a11y: async ({ page }, provide) => {
		await provide((p = page) => expectAccessible(p))
	},
})
export { expect }
