import vm from 'node:vm'
import { describe, expect, test } from 'vitest'
import { compactManifest, loadScriptsAfterFirstPaint as rewrite } from './scripts-after-first-paint.server.ts'

/** The shell rewritten as the server sends it: UTF-8 bytes in, UTF-8 bytes out. */
function loadScriptsAfterFirstPaint(html: string) {
	return rewrite(Buffer.from(html)).toString('utf8')
}

// The shape React Router 7 and React 19 give a production shell: preloads hoisted into the head,
// the bootstrap module at the end of the body.
const shell = [
	'<!DOCTYPE html><html lang="en-GB"><head><meta charSet="utf-8"/><title>Circle</title>',
	'<link rel="modulepreload" href="/assets/entry.client-A.js" nonce="n0nce=="/>',
	'<link rel="modulepreload" href="/assets/root-B.js" nonce="n0nce=="/>',
	'<style id="circle-styles">body{display:flex}</style></head><body><main>Hello</main>',
	'<script nonce="n0nce==">window.__reactRouterContext = {};</script>',
	'<script nonce="n0nce==" type="module" async="">;\nimport * as route0 from "/assets/root-B.js";\n',
	'window.__reactRouterRouteModules = {"root":route0};\n\nimport("/assets/entry.client-A.js");</script>',
	'</body></html>',
].join('')

describe('loadScriptsAfterFirstPaint', () => {
	test('takes the preloads out of the head and holds the bootstrap module until after a paint', () => {
		const html = loadScriptsAfterFirstPaint(shell)
		const head = html.slice(0, html.indexOf('</head>'))
		expect(head).not.toContain('modulepreload')
		expect(head).toContain('<style id="circle-styles">')
		expect(html).not.toContain('type="module"')
		expect(html).toContain('<main>Hello</main>')
		expect(html).toContain('<script nonce="n0nce==">window.__reactRouterContext = {};</script>')

		// Run the held script against a small fake of the browser: nothing before a frame, then the
		// same preloads and the same module, with the nonce, in the head.
		const script = /<script nonce="n0nce==">(\(function \(hrefs, code\)[^]*?)<\/script>/.exec(html)?.[1]
		expect(script).toBeDefined()
		const added: Array<Record<string, string>> = []
		const frames: Array<() => void> = []
		const timers: Array<() => void> = []
		const document = {
			currentScript: { nonce: 'n0nce==' },
			readyState: 'interactive',
			visibilityState: 'visible',
			createElement: () => ({}),
			head: { appendChild: (element: Record<string, string>) => added.push(element) },
			addEventListener: () => {},
		}
		vm.runInNewContext(script!, {
			document,
			requestAnimationFrame: (f: () => void) => frames.push(f),
			setTimeout: (f: () => void) => timers.push(f),
		})
		expect(added).toEqual([])
		frames.shift()!()
		expect(added).toEqual([])
		timers.shift()!()
		expect(added).toEqual([
			{ rel: 'modulepreload', href: '/assets/entry.client-A.js' },
			{ rel: 'modulepreload', href: '/assets/root-B.js' },
			{
				type: 'module',
				nonce: 'n0nce==',
				textContent:
					';\nimport * as route0 from "/assets/root-B.js";\nwindow.__reactRouterRouteModules = {"root":route0};\n\nimport("/assets/entry.client-A.js");',
			},
		])
	})

	test('the held module text is escaped: nothing in it can open a comment or end the script', () => {
		const html = loadScriptsAfterFirstPaint(
			shell.replace('route0};', 'route0}; const a = "<!--", b = "</sc" + "ript>";'),
		)
		const held = html.slice(html.indexOf('(function (hrefs, code)'))
		expect(held.slice(0, held.indexOf('</script>'))).not.toMatch(/<!--|<\/sc/)
		expect(held).toContain('\\u003c!--')
	})

	test('a shell not shaped as expected is sent unchanged', () => {
		const noBootstrap = shell.replace('type="module" async=""', 'type="module"')
		expect(loadScriptsAfterFirstPaint(noBootstrap)).toBe(noBootstrap)
		const noPreloads = shell.replace(/<link rel="modulepreload"[^>]*>/g, '')
		expect(loadScriptsAfterFirstPaint(noPreloads)).toBe(noPreloads)
		const bodyOnly = shell.slice(shell.indexOf('<body>'))
		expect(loadScriptsAfterFirstPaint(bodyOnly)).toBe(bodyOnly)
	})

	test('a shell with text outside ASCII keeps every byte of it; an unshaped one is the same buffer', () => {
		const welsh = shell
			.replace('<title>Circle</title>', '<title>Cylch – “ŵ ŷ” 😀</title>')
			.replace('<main>Hello</main>', '<main>Helô, byd – ŵ</main>')
			.replace('route0};', 'route0}; const s = "ŷ – ✓";')
		const html = loadScriptsAfterFirstPaint(welsh)
		expect(html).toContain('<title>Cylch – “ŵ ŷ” 😀</title>')
		expect(html).toContain('<main>Helô, byd – ŵ</main>')
		expect(html).not.toContain('modulepreload" href')
		expect(html).toContain(JSON.stringify('const s = "ŷ – ✓";').slice(1, -1))
		expect(html.endsWith('</body></html>')).toBe(true)

		const unshaped = Buffer.from(welsh.replace('type="module" async=""', 'type="module"'))
		expect(rewrite(unshaped)).toBe(unshaped)
	})

	test('only the head is searched for preloads: one in the body, or a head whose last tag never closes, is left as it is', () => {
		const inBody = shell.replace('<main>Hello</main>', '<main><link rel="modulepreload" href="/assets/body-C.js"/>Hello</main>')
		const html = loadScriptsAfterFirstPaint(inBody)
		expect(html).toContain('<main><link rel="modulepreload" href="/assets/body-C.js"/>Hello</main>')
		expect(html).not.toContain('body-C.js"]')
		expect(html).toContain('["/assets/entry.client-A.js","/assets/root-B.js"]')

		// A preload whose `>` is only found after `</head>` ends the search: nothing is taken out.
		const unclosed = shell.replace('</style></head>', '</style><link rel="modulepreload" href="/assets/late-D.js"</head>')
		const kept = loadScriptsAfterFirstPaint(unclosed)
		expect(kept).toContain('<link rel="modulepreload" href="/assets/late-D.js"</head>')
		expect(kept).toContain('["/assets/entry.client-A.js","/assets/root-B.js"]')
	})

	test("a module script whose tag is not the bootstrap's shape is passed over", () => {
		// `type="module" async=""` after something that is not `<script` or `<script nonce="…"`.
		const decoy = shell.replace('<main>Hello</main>', '<main>x" type="module" async="">Hello</main>')
		const html = loadScriptsAfterFirstPaint(decoy)
		expect(html).toContain('<main>x" type="module" async="">Hello</main>')
		expect(html).not.toContain('<script nonce="n0nce==" type="module"')
	})

	test("the bootstrap's partial manifest is held without its indentation, and says the same", () => {
		// As React Router writes it: JSON.stringify(manifest, null, 2), between the route imports and
		// the route modules. A string in it keeps its spaces and its escaped newline.
		const manifest = {
			entry: { module: '/assets/entry.client-A.js', imports: ['/assets/chunk-X.js'] },
			routes: {
				root: { id: 'root', path: '', hasLoader: true, module: '/assets/root-B.js', imports: [] },
				'routes/a': { id: 'routes/a', parentId: 'root', path: 'a b', module: '/assets/a-C.js', css: ['x\n y'] },
			},
			url: '/assets/manifest-D.js',
			version: 'D',
		}
		const pretty = JSON.stringify(manifest, null, 2)
		const withManifest = shell.replace(
			'window.__reactRouterRouteModules',
			`window.__reactRouterManifest = ${pretty};\n  window.__reactRouterRouteModules`,
		)
		const html = loadScriptsAfterFirstPaint(withManifest)
		const code = JSON.parse(/, ("(?:[^"\\]|\\.)*")\)<\/script>/.exec(html)![1]!) as string
		const held = /window\.__reactRouterManifest = (.*);\n {2}window\.__reactRouterRouteModules/.exec(code)?.[1]
		expect(held).toBe(JSON.stringify(manifest))
		expect(JSON.parse(held!)).toEqual(manifest)
		expect(held!.length).toBeLessThan(pretty.length)
		// Everything else in the module is as React Router wrote it.
		expect(code.replace(held!, pretty)).toBe(
			/type="module" async="">([^]*?)<\/script>/.exec(withManifest)![1],
		)
	})

	test('a manifest that is not where React Router writes it, or not JSON, is left as it is', () => {
		const code = 'import * as route0 from "/r.js";\n  window.__reactRouterManifest = {\n  "a": 1\n};\n  window.__reactRouterRouteModules = {};'
		expect(compactManifest(code)).toBe(
			'import * as route0 from "/r.js";\n  window.__reactRouterManifest = {"a":1};\n  window.__reactRouterRouteModules = {};',
		)
		const notJson = code.replace('"a": 1', 'a: 1')
		expect(compactManifest(notJson)).toBe(notJson)
		const noModules = code.replace('window.__reactRouterRouteModules', 'window.other')
		expect(compactManifest(noModules)).toBe(noModules)
		const noManifest = 'import("/assets/entry.client-A.js");'
		expect(compactManifest(noManifest)).toBe(noManifest)
	})
})
