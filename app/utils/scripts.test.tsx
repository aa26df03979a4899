import { type ComponentType } from 'react'
import { renderToString } from 'react-dom/server'
import {
	createStaticHandler,
	createStaticRouter,
	type EntryContext,
	Link,
	Outlet,
	type RouteObject,
	Scripts as RouterScripts,
	ServerRouter,
	StaticRouterProvider,
	UNSAFE_FrameworkContext as FrameworkContext,
	useMatches,
	useParams,
} from 'react-router'
import { describe, expect, test } from 'vitest'
import { parentPaths, Scripts, withMatchedRoutesOnly } from './scripts.tsx'

// A route table with what Circle's has: layouts with and without paths, index routes, parameters,
// an optional segment and splats.
type Shape = { id: string; path?: string; index?: true; children?: Shape[] }
const shape: Shape = {
	id: 'root',
	path: '',
	children: [
		{ id: 'routes/_index', index: true },
		{
			id: 'routes/learn',
			path: 'learn',
			children: [
				{ id: 'routes/learn._index', index: true },
				{
					id: 'routes/learn.$courseSlug',
					path: ':courseSlug',
					children: [
						{ id: 'routes/learn.$courseSlug._index', index: true },
						{ id: 'routes/learn.$courseSlug.$lessonId', path: ':lessonId' },
					],
				},
			],
		},
		{ id: 'routes/_app', children: [{ id: 'routes/_app.dashboard', path: 'dashboard' }] },
		{ id: 'routes/courses.$slug', path: 'courses/:slug?' },
		{ id: 'routes/org.$orgSlug.$', path: 'org/:orgSlug/*' },
		{ id: 'routes/$', path: '*' },
	],
}

function routesFor(node: Shape, parentId: string | undefined, ScriptsComponent: ComponentType): RouteObject {
	const route = {
		id: node.id,
		...(node.index ? { index: true as const } : { path: node.path }),
		Component:
			node.id === 'root'
				? () => (
						<>
							<Outlet />
							<ScriptsComponent />
						</>
					)
				: () => <Outlet />,
		...(node.children ? { children: node.children.map((child) => routesFor(child, node.id, ScriptsComponent)) } : {}),
	}
	return route as RouteObject
}

function manifestRoutes(node: Shape, parentId?: string): Array<[string, Record<string, unknown>]> {
	return [
		[
			node.id,
			{
				id: node.id,
				parentId,
				path: node.path,
				index: node.index,
				module: `/assets/${node.id}.js`,
				imports: [`/assets/chunk-${node.id}.js`],
				hasLoader: false,
				hasAction: false,
				hasClientLoader: false,
				hasClientAction: false,
				hasClientMiddleware: false,
				hasErrorBoundary: false,
			},
		],
		...(node.children ?? []).flatMap((child) => manifestRoutes(child, node.id)),
	]
}

const manifest = {
	entry: { module: '/assets/entry.client.js', imports: ['/assets/react.js'] },
	routes: Object.fromEntries(manifestRoutes(shape)),
	url: '/assets/manifest.js',
	version: 'test',
}

async function render(path: string, ScriptsComponent: ComponentType) {
	const routes = [routesFor(shape, undefined, ScriptsComponent)]
	const handler = createStaticHandler(routes)
	const context = await handler.query(new Request(`http://localhost${path}`))
	if (context instanceof Response) throw new Error(`${path} answered ${context.status}`)
	const router = createStaticRouter(handler.dataRoutes, context)
	const framework = {
		manifest,
		routeModules: {},
		serverHandoffString: '{}',
		future: {},
		ssr: true,
		isSpaMode: false,
		routeDiscovery: { mode: 'lazy', manifestPath: '/__manifest' },
	} as unknown as React.ContextType<typeof FrameworkContext>
	return renderToString(
		<FrameworkContext.Provider value={framework}>
			<StaticRouterProvider router={router} context={context} hydrate={false} />
		</FrameworkContext.Provider>,
	)
}

const paths = [
	'/',
	'/learn',
	'/learn/course-a',
	'/learn/course-a/lesson-1',
	'/learn/course-b/lesson-2/',
	'/dashboard',
	'/courses',
	'/courses/a',
	'/org/acme/reports/2026',
	'/no/such/page',
	'/learn/caf%C3%A9/%E2%9C%93',
]

describe('Scripts', () => {
	test.each(paths)(
		'writes what React Router’s own <Scripts> writes for %s, first time and remembered',
		async (path) => {
			const expected = await render(path, () => <RouterScripts nonce="n0nce" />)
			expect(expected).toContain('window.__reactRouterManifest')
			expect(await render(path, () => <Scripts nonce="n0nce" />)).toBe(expected)
			expect(await render(path, () => <Scripts nonce="n0nce" />)).toBe(expected)
		},
	)

	test('a lesson page’s manifest holds the routes of its parent paths', async () => {
		const html = await render('/learn/course-a/lesson-1', () => <Scripts />)
		const manifestJson = /window\.__reactRouterManifest = ([^]*?);\n/.exec(html)?.[1]
		const ids = Object.keys((JSON.parse(manifestJson!) as { routes: object }).routes)
		expect(ids).toEqual([
			'root',
			'routes/learn',
			'routes/learn.$courseSlug',
			'routes/learn.$courseSlug.$lessonId',
			'routes/_index',
			'routes/learn.$courseSlug._index',
			'routes/learn._index',
		])
	})

	test('parent paths', () => {
		expect(parentPaths('/')).toEqual(['/'])
		expect(parentPaths('/learn')).toEqual(['/'])
		expect(parentPaths('/learn/a/b')).toEqual(['/', '/learn/a', '/learn'])
	})
})

/** A route's page: what it reads from the router, links resolved against it, its child route. */
function RoutePage({ id, ScriptsComponent }: { id: string; ScriptsComponent: ComponentType }) {
	const matches = useMatches()
	const params = useParams()
	return (
		<section data-route={id}>
			<p>{matches.map((match) => `${match.id} ${match.pathname}`).join(', ')}</p>
			<p>{JSON.stringify(params)}</p>
			<Link to="..">up</Link> <Link to="lesson-9">relative</Link> <Link to="/learn">absolute</Link>
			<Outlet />
			{id === 'root' ? <ScriptsComponent /> : null}
		</section>
	)
}

// What the server render is given (app/entry.server.tsx): React Router's <ServerRouter> with the
// request's context, each route a module whose component is a RoutePage.
async function entryContext(path: string, ScriptsComponent: ComponentType): Promise<EntryContext> {
	const routeModules: Record<string, { default: ComponentType }> = {}
	const visit = (node: Shape) => {
		routeModules[node.id] = { default: () => <RoutePage id={node.id} ScriptsComponent={ScriptsComponent} /> }
		node.children?.forEach(visit)
	}
	visit(shape)
	const handler = createStaticHandler([routesFor(shape, undefined, () => null)])
	const context = await handler.query(new Request(`http://localhost${path}`))
	if (context instanceof Response) throw new Error(`${path} answered ${context.status}`)
	return {
		manifest,
		routeModules,
		staticHandlerContext: context,
		serverHandoffString: '{}',
		future: { v8_middleware: false, v8_passThroughRequests: false, v8_trailingSlashAwareDataRequests: false },
		ssr: true,
		isSpaMode: false,
		routeDiscovery: { mode: 'lazy', manifestPath: '/__manifest' },
		renderMeta: {},
		// React Router precomputes the whole table's branches; without them it works them out.
		branches: undefined,
	} as unknown as EntryContext
}

describe('withMatchedRoutesOnly', () => {
	test.each(paths)('<ServerRouter> renders %s as with the whole manifest', async (path) => {
		const url = `http://localhost${path}`
		const expected = renderToString(
			<ServerRouter context={await entryContext(path, () => <RouterScripts nonce="n0nce" />)} url={url} />,
		)
		// Every page's partial manifest holds the routes of `/`, whatever the page.
		expect(expected).toContain('"routes/_index": {')
		const context = await entryContext(path, () => <Scripts nonce="n0nce" />)
		const narrowed = withMatchedRoutesOnly(context)
		expect(Object.keys(narrowed.manifest.routes)).toEqual(
			context.staticHandlerContext.matches.map((match) => match.route.id),
		)
		expect(renderToString(<ServerRouter context={narrowed} url={url} />)).toBe(expected)
	})
})
