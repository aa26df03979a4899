// A production page's JavaScript is requested after its first paint, not before it (ADR 0057).
//
// React Router's <Scripts> preloads the page's modules (25-28 files, ~160 KB gzip) with
// `<link rel="modulepreload">`, which React hoists to the top of the head, and starts hydration from an
// inline `<script type="module">` at the end of the body. A server-rendered page with its CSS inlined
// needs none of it to paint, but the browser fetches it all while it is still parsing the HTML, at
// High priority: on a slow connection it shares the line with the document, and Lighthouse's
// simulation counts every script that finished before the paint it saw as holding that paint back
// (the first paint 3.2 s instead of ~1 s on a slow phone).
//
// loadScriptsAfterFirstPaint rewrites the shell as it is sent: the preloads leave the head and the
// bootstrap becomes a classic script (with the request's nonce) that, once the document is parsed
// and a frame has been painted, adds the same preloads and the same module script to the head.
// Every module is still requested at once, in parallel; hydration starts a frame and the fetch later
// than before. If the shell does not look as expected (React Router changed its output), it is sent
// unchanged and the page loads as React Router made it.
//
// The bootstrap's partial manifest (`window.__reactRouterManifest = {…}`, the page's routes and their
// parents', see scripts.tsx) is written by React Router with `JSON.stringify(manifest, null, 2)`: on a
// lesson page ~2,000 bytes of its ~6,700 are newlines and indentation, sent again inside the held
// script's string. compactManifest writes the same JSON without them.

// Searched for in the shell's bytes: the shell is ~120 KB (the inlined stylesheet and messages), and
// decoding it to a string and encoding the result again cost more than React's render of a small page.
const HEAD_END = Buffer.from('</head>')
const MODULE_PRELOAD = Buffer.from('<link rel="modulepreload"')
const SCRIPT_START = Buffer.from('<script')
const NONCE_START = Buffer.from(' nonce="')
const BOOTSTRAP_END_OF_TAG = Buffer.from(' type="module" async="">')
const SCRIPT_END = Buffer.from('</script>')
const GREATER_THAN = 0x3e
const QUOTE = 0x22

/**
 * Runs in the browser, as the text of an inline classic script: `hrefs` are the preloads taken out of
 * the head, `code` the bootstrap module's text. A hidden tab paints no frames, so it starts at once.
 */
const AFTER_FIRST_PAINT = `(function (hrefs, code) {
	var nonce = document.currentScript && document.currentScript.nonce
	var started = false
	function start() {
		if (started) return
		started = true
		hrefs.forEach(function (href) {
			var link = document.createElement('link')
			link.rel = 'modulepreload'
			link.href = href
			document.head.appendChild(link)
		})
		var script = document.createElement('script')
		script.type = 'module'
		if (nonce) script.nonce = nonce
		script.textContent = code
		document.head.appendChild(script)
	}
	function afterPaint() {
		if (document.visibilityState === 'hidden') return start()
		requestAnimationFrame(function () { setTimeout(start, 0) })
	}
	if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', afterPaint)
	else afterPaint()
})`

const MANIFEST_START = 'window.__reactRouterManifest = '
const MANIFEST_NEXT = 'window.__reactRouterRouteModules = '

/**
 * The bootstrap module's text with its partial manifest's JSON written without whitespace: the same
 * value (JSON.parse gives the same object). Unchanged when the manifest is not found where React
 * Router writes it (between `window.__reactRouterManifest = ` and the `;` before
 * `window.__reactRouterRouteModules = `) or is not JSON.
 */
export function compactManifest(code: string): string {
	const start = code.indexOf(MANIFEST_START)
	if (start < 0) return code
	const jsonStart = start + MANIFEST_START.length
	const next = code.indexOf(MANIFEST_NEXT, jsonStart)
	const jsonEnd = next < 0 ? -1 : code.lastIndexOf(';', next)
	if (jsonEnd < jsonStart) return code
	let manifest: unknown
	try {
		manifest = JSON.parse(code.slice(jsonStart, jsonEnd))
	} catch {
		return code
	}
	return code.slice(0, jsonStart) + JSON.stringify(manifest) + code.slice(jsonEnd)
}

/** JSON that is safe inside a `<script>` element: no `</script>` or `<!--` can end it early. */
function scriptSafe(value: unknown) {
	return JSON.stringify(value)
		.replace(/</g, '\\u003c')
		.replace(/\u2028/g, '\\u2028')
		.replace(/\u2029/g, '\\u2029')
}

/**
 * Where the first bootstrap module script starts in the shell (`<script`, an optional ` nonce="…"`,
 * then ` type="module" async="">`), where its text starts and ends, and its nonce attribute; null
 * when there is none.
 */
function findBootstrap(shell: Buffer) {
	for (let at = shell.indexOf(BOOTSTRAP_END_OF_TAG); at >= 0; at = shell.indexOf(BOOTSTRAP_END_OF_TAG, at + 1)) {
		let start = at - SCRIPT_START.length
		if (shell[at - 1] === QUOTE) {
			// `<script nonce="…"`: the nonce's value holds no quote.
			const nonceAt = shell.lastIndexOf(NONCE_START, at - 1)
			if (nonceAt < 0 || shell.indexOf(QUOTE, nonceAt + NONCE_START.length) !== at - 1) continue
			start = nonceAt - SCRIPT_START.length
		}
		if (start < 0 || !shell.subarray(start, start + SCRIPT_START.length).equals(SCRIPT_START)) continue
		const codeStart = at + BOOTSTRAP_END_OF_TAG.length
		const codeEnd = shell.indexOf(SCRIPT_END, codeStart)
		if (codeEnd < 0) return null
		return {
			start,
			end: codeEnd + SCRIPT_END.length,
			nonce: shell.toString('utf8', start + SCRIPT_START.length, at),
			code: shell.toString('utf8', codeStart, codeEnd),
		}
	}
	return null
}

/** The page's shell (UTF-8) with its JavaScript held until after the first paint (see above). */
export function loadScriptsAfterFirstPaint(shell: Buffer): Buffer {
	const headEnd = shell.indexOf(HEAD_END)
	const bootstrap = findBootstrap(shell)
	if (headEnd < 0 || !bootstrap || bootstrap.start < headEnd) return shell
	// The head without its preloads, in pieces of the shell itself; the hrefs the preloads named.
	// Searched for in the head only: after the last preload, a search of the whole shell would read
	// the other ~60 KB (the body) for nothing, every page.
	const head = shell.subarray(0, headEnd)
	const pieces: Buffer[] = []
	const hrefs: string[] = []
	let from = 0
	for (let at = head.indexOf(MODULE_PRELOAD); at >= 0; at = head.indexOf(MODULE_PRELOAD, from)) {
		const end = head.indexOf(GREATER_THAN, at)
		if (end < 0) break
		hrefs.push(/href="([^"]*)"/.exec(shell.toString('utf8', at, end + 1))?.[1] ?? '')
		pieces.push(shell.subarray(from, at))
		from = end + 1
	}
	if (hrefs.length === 0 || hrefs.includes('')) return shell
	pieces.push(
		shell.subarray(from, bootstrap.start),
		Buffer.from(
			`<script${bootstrap.nonce}>${AFTER_FIRST_PAINT}(${scriptSafe(hrefs)}, ${scriptSafe(compactManifest(bootstrap.code))})</script>`,
		),
		shell.subarray(bootstrap.end),
	)
	return Buffer.concat(pieces)
}
