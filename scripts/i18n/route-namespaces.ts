// Which message namespaces each route's component tree uses (ADR 0053), found by reading the source:
// the route's file and every file under app/ it imports, however deep (type-only imports and
// `.server` modules left out: they never reach the browser). The server inlines exactly these
// namespaces in the page's HTML, and the browser loads them before it renders a route it navigates to
// (app/utils/i18n-namespaces.client.ts). The map is built when Vite builds or tests the app
// (`virtual:i18n-route-namespaces`, see i18nRouteNamespaces below), so it cannot go stale.
//
// A namespace is used when a file calls useTranslation('ns') or useTranslation(['a', 'b']), names it
// as `ns: 'ns'` / `ns="ns"` (Trans, t's options), or holds a key written with its namespace
// ('learn:quiz.title', `studio:${…}`). `useTranslation()` means the default namespace, which every
// page has. Anything the reader cannot resolve (`useTranslation(variable)`) is an error, so a page
// can never use a namespace its route was not given.
import fs from 'node:fs'
import path from 'node:path'
import type { Plugin } from 'vite'

export type RouteNamespaces = Record<string, string[]>

const SOURCE = /\.(tsx?|jsx?)$/
const IMPORT =
	/(?:^|[\s;}])(?:import|export)\s+(type\s+)?(?:[^'"`;]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g
const USE_TRANSLATION = /useTranslation\(([^)]*)\)/g
const NS_OPTION = /\bns\s*[:=]\s*\{?\s*(\[[^\]]*\]|['"][^'"]*['"])/g
const GET_FIXED_T = /getFixedT\([^,)]*,\s*(['"][^'"]*['"]|\[[^\]]*\])/g
const STRING_LIST = /^\s*(?:\[\s*)?((?:['"][\w-]+['"]\s*,?\s*)+)\]?\s*$/

/** The namespaces (file names in modules/i18n/locales/en) every key must belong to. */
export function namespaceNames(root: string) {
	return fs
		.readdirSync(path.join(root, 'modules/i18n/locales/en'))
		.filter((file) => file.endsWith('.json'))
		.map((file) => file.slice(0, -'.json'.length))
}

function literals(list: string, file: string, what: string): string[] {
	const match = STRING_LIST.exec(list)
	if (!match)
		throw new Error(
			`${file}: ${what}(${list.trim()}) names its namespace in a way the i18n route map cannot read; write it as a string literal`,
		)
	return [...match[1]!.matchAll(/['"]([\w-]+)['"]/g)].map((m) => m[1]!)
}

/** The namespaces one file's own code names (not its imports'). */
export function namespacesInSource(
	source: string,
	file: string,
	known: readonly string[],
	defaultNamespace = 'common',
) {
	const found = new Set<string>()
	for (const [, args] of source.matchAll(USE_TRANSLATION)) {
		if (args!.trim() === '') found.add(defaultNamespace)
		else for (const ns of literals(args!.split(/,\s*\{/)[0]!, file, 'useTranslation')) found.add(ns)
	}
	for (const [, list] of source.matchAll(NS_OPTION)) for (const ns of literals(list!, file, 'ns')) found.add(ns)
	for (const [, list] of source.matchAll(GET_FIXED_T))
		for (const ns of literals(list!, file, 'getFixedT')) found.add(ns)
	const prefixed = new RegExp(`['"\`](${known.map((ns) => ns.replace(/-/g, '\\-')).join('|')}):[\\w$]`, 'g')
	for (const [, ns] of source.matchAll(prefixed)) found.add(ns!)
	for (const ns of found) {
		if (!known.includes(ns)) throw new Error(`${file}: the namespace "${ns}" has no file in modules/i18n/locales/en`)
	}
	return found
}

function resolveImport(root: string, from: string, specifier: string): string | null {
	let target: string
	if (specifier.startsWith('#app/')) target = path.join(root, 'app', specifier.slice('#app/'.length))
	else if (specifier.startsWith('./') || specifier.startsWith('../'))
		target = path.resolve(path.dirname(from), specifier)
	else return null
	// Only the app's own files: modules/ holds no interface text (its messages are English, ADR 0045).
	if (!target.startsWith(path.join(root, 'app') + path.sep)) return null
	if (/\.server\.[jt]sx?$/.test(target) || target.includes('.server/')) return null
	const candidates = SOURCE.test(target) ? [target] : [`${target}.ts`, `${target}.tsx`, path.join(target, 'index.ts')]
	return candidates.find((candidate) => fs.existsSync(candidate)) ?? null
}

/** Every route's namespaces, keyed by React Router's route id ('root', 'routes/learn.$courseSlug.$lessonId'). */
export function routeNamespaces(root: string, defaultNamespace = 'common'): RouteNamespaces {
	const known = namespaceNames(root)
	const own = new Map<string, Set<string>>()
	const imports = new Map<string, string[]>()
	function read(file: string) {
		if (own.has(file)) return
		const source = fs.readFileSync(file, 'utf8')
		own.set(file, namespacesInSource(source, path.relative(root, file), known, defaultNamespace))
		const next: string[] = []
		for (const [, typeOnly, specifier, dynamic] of source.matchAll(IMPORT)) {
			if (typeOnly) continue
			const resolved = resolveImport(root, file, (specifier ?? dynamic)!)
			if (resolved) next.push(resolved)
		}
		imports.set(file, next)
		for (const file of next) read(file)
	}
	function closure(file: string) {
		const seen = new Set<string>()
		const namespaces = new Set<string>()
		const stack = [file]
		while (stack.length > 0) {
			const current = stack.pop()!
			if (seen.has(current)) continue
			seen.add(current)
			read(current)
			for (const ns of own.get(current)!) namespaces.add(ns)
			stack.push(...imports.get(current)!)
		}
		return [...namespaces].sort()
	}

	const routesDir = path.join(root, 'app/routes')
	const map: RouteNamespaces = { root: closure(path.join(root, 'app/root.tsx')) }
	for (const entry of fs.readdirSync(routesDir, { withFileTypes: true })) {
		if (/\.test\.[jt]sx?$/.test(entry.name)) continue
		if (entry.isDirectory()) {
			const file = ['route.tsx', 'route.ts'].map((name) => path.join(routesDir, entry.name, name)).find(fs.existsSync)
			if (file) map[`routes/${entry.name}`] = closure(file)
		} else if (SOURCE.test(entry.name)) {
			map[`routes/${entry.name.replace(SOURCE, '')}`] = closure(path.join(routesDir, entry.name))
		}
	}
	return map
}

const VIRTUAL = 'virtual:i18n-route-namespaces'

/**
 * Vite plugin: `import routeNamespaces from 'virtual:i18n-route-namespaces'` is the map above, read
 * when the module is first built (each build, and on each change to an app file in development).
 */
export function i18nRouteNamespaces(root = process.cwd()): Plugin {
	return {
		name: 'circle-i18n-route-namespaces',
		resolveId(id) {
			return id === VIRTUAL ? `\0${VIRTUAL}` : undefined
		},
		load(id) {
			if (id !== `\0${VIRTUAL}`) return undefined
			// Every page has the root's namespaces, so the others list only what they add (a smaller map
			// for the browser's entry chunk).
			const map = routeNamespaces(root)
			const always = new Set(map.root)
			const compact = Object.fromEntries(
				Object.entries(map).map(([id, namespaces]) => [
					id,
					id === 'root' ? namespaces : namespaces.filter((ns) => !always.has(ns)),
				]),
			)
			return `export default ${JSON.stringify(compact)}`
		},
		handleHotUpdate({ server, file }) {
			if (!file.startsWith(path.join(root, 'app'))) return
			const module = server.moduleGraph.getModuleById(`\0${VIRTUAL}`)
			if (module) server.moduleGraph.invalidateModule(module)
		},
	}
}
