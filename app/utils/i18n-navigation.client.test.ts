// A navigation's route renders only once its namespaces are loaded, fetched beside its loader's data,
// and the map of which route uses which (imported after hydration, not before) is read for it.
import type { i18n as I18n } from 'i18next'
import { expect, test, vi } from 'vitest'
import { loadRouteMessages } from './i18n-navigation.client.ts'

type Loader = (callLoader: () => Promise<unknown>) => Promise<void>

function instrumented(routeId: string, i18n: Pick<I18n, 'language' | 'hasResourceBundle' | 'loadNamespaces'>) {
	let loader: Loader | undefined
	loadRouteMessages(i18n as I18n).route!({
		id: routeId,
		instrument: (handlers: { loader?: Loader }) => void (loader = handlers.loader),
	} as never)
	return loader
}

test("a route's loader finishes only when its data and its missing namespaces have both come", async () => {
	const asked: string[][] = []
	let finishNamespaces!: () => void
	const i18n = {
		language: 'cy',
		hasResourceBundle: (_: string, ns: string) => ns === 'catalogue',
		loadNamespaces: (namespaces: string | readonly string[]) => {
			asked.push([namespaces].flat())
			return new Promise<void>((resolve) => (finishNamespaces = resolve))
		},
	}
	// The home page uses `catalogue` (already here), `home`, `news` and `previews`.
	const loader = instrumented('routes/_index', i18n)!
	let dataAsked = false
	let finished = false
	const done = loader(async () => void (dataAsked = true)).then(() => (finished = true))
	await vi.waitFor(() => expect(asked).toEqual([['home', 'news', 'previews']]), { timeout: 10_000 })
	expect(dataAsked).toBe(true)
	expect(finished).toBe(false)
	finishNamespaces()
	await done
	expect(finished).toBe(true)
})

test('the root is left as it is: its namespaces are in every page', () => {
	expect(
		instrumented('root', { language: 'en', hasResourceBundle: () => false, loadNamespaces: () => Promise.resolve() }),
	).toBeUndefined()
})
