import { expect, test } from './fixtures.ts'
import { logInWithDemoTotp } from './totp.ts'

test('a trainer writes and publishes a post; a visitor finds it under its sector, reads it, and it is accessible', async ({
	page,
	browser,
	a11y,
}) => {
	test.setTimeout(180_000)
	const stamp = Date.now().toString(36)
	const title = `Restorative circles on the youth justice team ${stamp}`
	await page.goto('/login')
	await logInWithDemoTotp(page, 'trainer@circle.example')

	await page.goto('/studio/news/new')
	await a11y()
	// Bad input first: the message beside the field, and what was typed kept.
	await page.getByLabel('Summary').fill('Too short')
	await page.getByRole('button', { name: 'Save draft' }).click()
	await expect(page.getByText('Enter a title').first()).toBeVisible()
	await expect(page.getByLabel('Summary')).toHaveValue('Too short')

	await page.getByLabel('Title').fill(title)
	await page
		.getByLabel('Summary')
		.fill('How a youth offending team opened every planning meeting with a circle, and who started speaking.')
	await page
		.getByLabel('Post', { exact: true })
		.fill('## Why a circle\n\nEveryone speaks once before anyone speaks twice.\n\n<script>window.pwned = true</script>')
	await page.getByRole('checkbox', { name: 'Criminal justice settings' }).check()
	await page.getByRole('button', { name: 'Save draft' }).click()
	await expect(page).toHaveURL(/\/studio\/news\/[^/?]+\?created=1$/)
	await expect(page.getByRole('status').filter({ hasText: 'The draft is saved' })).toBeVisible()
	await expect(page.getByLabel('Web address')).toHaveValue(`restorative-circles-on-the-youth-justice-team-${stamp}`)
	const editUrl = page.url().replace(/\?.*$/, '')

	// The draft is not public yet.
	const visitor = await browser.newContext()
	const visitorPage = await visitor.newPage()
	const slug = `restorative-circles-on-the-youth-justice-team-${stamp}`
	const draftResponse = await visitorPage.goto(`/news/${slug}`)
	expect(draftResponse?.status()).toBe(404)

	await page.getByRole('link', { name: 'Preview' }).click()
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
	await a11y()
	await page.goto(editUrl)
	await page.getByRole('button', { name: 'Publish', exact: true }).click()
	await expect(page.getByRole('status').filter({ hasText: 'The post is published.' })).toBeVisible()
	await a11y()

	// A visitor filters /news by the sector, with links alone, and opens the post.
	await visitorPage.goto('/news')
	await expect(visitorPage.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute(
		'href',
		/^https?:\/\/.+\/news\/feed\.xml$/,
	)
	await visitorPage.getByRole('link', { name: 'Criminal justice settings', exact: true }).click()
	await expect(visitorPage).toHaveURL(/\/news\?sector=criminal-justice$/)
	await expect(visitorPage.getByRole('link', { name: title })).toBeVisible()
	await a11y(visitorPage)
	await visitorPage.getByRole('link', { name: title }).click()
	await expect(visitorPage).toHaveURL(new RegExp(`/news/${slug}$`))
	await expect(visitorPage.getByRole('heading', { level: 1, name: title })).toBeVisible()
	await expect(visitorPage.getByRole('heading', { level: 2, name: 'Why a circle' })).toBeVisible()
	expect(await visitorPage.evaluate(() => (window as unknown as { pwned?: boolean }).pwned)).toBeUndefined()
	await expect(visitorPage.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article')
	await expect(visitorPage.locator('meta[property="og:title"]')).toHaveAttribute('content', title)
	await expect(visitorPage.locator('link[rel="canonical"]')).toHaveAttribute(
		'href',
		new RegExp(`^https?://.+/news/${slug}$`),
	)
	await a11y(visitorPage)

	// And in the feed.
	const feed = await visitorPage.request.get('/news/feed.xml')
	expect(feed.headers()['content-type']).toContain('application/atom+xml')
	expect(await feed.text()).toContain(`/news/${slug}`)
	await visitor.close()
})
