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

const MODULE_PRELOAD = /<link rel="modulepreload"[^>]*>/g
const BOOTSTRAP = /<script((?: nonce="[^"]*")?) type="module" async="">([^]*?)<\/script>/

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

/** JSON that is safe inside a `<script>` element: no `</script>` or `<!--` can end it early. */
function scriptSafe(value: unknown) {
	return JSON.stringify(value)
		.replace(/</g, '\\u003c')
		.replace(/\u2028/g, '\\u2028')
		.replace(/\u2029/g, '\\u2029')
}

/** The page's shell with its JavaScript held until after the first paint (see above). */
export function loadScriptsAfterFirstPaint(shell: string) {
	const headEnd = shell.indexOf('</head>')
	const bootstrap = BOOTSTRAP.exec(shell)
	if (headEnd < 0 || !bootstrap || bootstrap.index < headEnd) return shell
	const head = shell.slice(0, headEnd)
	const hrefs = (head.match(MODULE_PRELOAD) ?? []).map((link) => /href="([^"]*)"/.exec(link)?.[1] ?? '')
	if (hrefs.length === 0 || hrefs.includes('')) return shell
	const [whole, nonce, code] = bootstrap
	return (
		head.replace(MODULE_PRELOAD, '') +
		shell.slice(headEnd, bootstrap.index) +
		`<script${nonce}>${AFTER_FIRST_PAINT}(${scriptSafe(hrefs)}, ${scriptSafe(code)})</script>` +
		shell.slice(bootstrap.index + whole.length)
	)
}
