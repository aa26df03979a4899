import type { APIRequestContext } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { PAGES } from './pages.ts'
import { apiLogInWithDemoTotp } from './totp.ts'

// Every page says what it is in a meta description (search results and shared links show it),
// and no two pages say the same. Pages are read as HTML, as a search engine or a link preview
// would read them, signed in as each kind of user in turn.

async function signedIn(request: APIRequestContext, email: string) {
	// The trainer and admin use two-step sign-in: the helper answers /login/verify too.
	await apiLogInWithDemoTotp(request, email, new URL(test.info().project.use.baseURL!).origin)
}

function descriptionOf(html: string) {
	const tags = [...html.matchAll(/<meta\s+name="description"\s+content="([^"]*)"/g)].map((m) => m[1]!)
	return tags
}

test('every page has one meta description, and no two pages share one', async ({ playwright }) => {
	test.setTimeout(120_000)
	const seen = new Map<string, string>()
	for (const [email, paths] of Object.entries(PAGES)) {
		const request = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL })
		if (email) await signedIn(request, email)
		for (const path of paths) {
			const response = await request.get(path)
			expect(response.status(), path).toBeLessThan(path === '/no-such-page' ? 500 : 400)
			const descriptions = descriptionOf(await response.text())
			expect(descriptions, `${path} has exactly one meta description`).toHaveLength(1)
			const description = descriptions[0]!
			expect(description.length, `${path}'s description says something`).toBeGreaterThan(30)
			expect(seen.get(description), `${path} has the same description as ${seen.get(description)}`).toBeUndefined()
			seen.set(description, path)
		}
		await request.dispose()
	}
})
