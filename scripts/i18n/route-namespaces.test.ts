import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { namespaceNames, namespacesInSource, routeNamespaces } from './route-namespaces.ts'

const root = path.resolve(import.meta.dirname, '../..')
const known = namespaceNames(root)

describe('the namespaces a file names', () => {
	test('useTranslation, keys with their namespace, ns options and getFixedT', () => {
		const source = `
			const { t } = useTranslation('learn')
			const both = useTranslation(['studio', "org"], { keyPrefix: 'x' })
			const plain = useTranslation()
			const title = t('course-page:hero.title')
			const key = \`records:kinds.\${kind}\`
			<Trans ns="billing" i18nKey="checkout.total" />
			t('x', { ns: 'cpd' })
			i18n.getFixedT(language, 'emails')
		`
		expect([...namespacesInSource(source, 'fixture.tsx', known)].sort()).toEqual(
			['billing', 'common', 'course-page', 'cpd', 'emails', 'learn', 'org', 'records', 'studio'].sort(),
		)
	})

	test('a namespace it cannot read is an error, not a page without its messages', () => {
		expect(() => namespacesInSource('useTranslation(namespace)', 'fixture.tsx', known)).toThrow(/string literal/)
		expect(() => namespacesInSource("useTranslation('no-such-namespace')", 'fixture.tsx', known)).toThrow(
			/no file in modules\/i18n\/locales\/en/,
		)
	})

	test('a word followed by a colon that is no namespace is not one', () => {
		expect([...namespacesInSource("const label = 'Note: read this'", 'fixture.tsx', known)]).toEqual([])
	})
})

describe("the routes' namespaces", () => {
	const map = routeNamespaces(root)

	test('every route module has its entry, and the lesson page gets the learner journey', () => {
		const routes = fs
			.readdirSync(path.join(root, 'app/routes'))
			.filter((name) => !/\.test\.[jt]sx?$/.test(name))
			.map((name) => `routes/${name.replace(/\.(tsx?|jsx?)$/, '')}`)
		for (const id of routes) expect(map, id).toHaveProperty([id])
		expect(map.root).toEqual(expect.arrayContaining(['common', 'ui']))
		expect(map['routes/learn.$courseSlug.$lessonId']).toContain('learn')
		expect(map['routes/courses._index']).toContain('catalogue')
		// The lesson page does not carry the studio's or the organisation's messages.
		expect(map['routes/learn.$courseSlug.$lessonId']).not.toContain('studio')
		expect(map['routes/learn.$courseSlug.$lessonId']).not.toContain('org')
	})

	test("a namespace used only by a component a route imports (however deep) is the route's", () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'route-namespaces-'))
		try {
			fs.mkdirSync(path.join(dir, 'modules/i18n/locales/en'), { recursive: true })
			for (const ns of ['common', 'learn', 'studio', 'org']) {
				fs.writeFileSync(path.join(dir, `modules/i18n/locales/en/${ns}.json`), '{}')
			}
			fs.mkdirSync(path.join(dir, 'app/routes'), { recursive: true })
			fs.mkdirSync(path.join(dir, 'app/components'), { recursive: true })
			fs.writeFileSync(path.join(dir, 'app/root.tsx'), 'const { t } = useTranslation()\n')
			fs.writeFileSync(
				path.join(dir, 'app/routes/page.tsx'),
				"import { Outer } from '#app/components/outer.tsx'\nimport type { X } from '#app/components/typed.tsx'\nimport { load } from '#app/utils/data.server.ts'\n",
			)
			fs.writeFileSync(path.join(dir, 'app/components/outer.tsx'), "export * from './inner.tsx'\n")
			fs.writeFileSync(path.join(dir, 'app/components/inner.tsx'), "useTranslation('learn')\n")
			// Type-only imports and server modules never reach the browser.
			fs.writeFileSync(path.join(dir, 'app/components/typed.tsx'), "useTranslation('studio')\n")
			fs.mkdirSync(path.join(dir, 'app/utils'))
			fs.writeFileSync(path.join(dir, 'app/utils/data.server.ts'), "getFixedT(language, 'org')\n")
			expect(routeNamespaces(dir)).toEqual({ root: ['common'], 'routes/page': ['learn'] })
		} finally {
			fs.rmSync(dir, { recursive: true, force: true })
		}
	})
})
