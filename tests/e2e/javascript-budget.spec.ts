import path from 'node:path'
import { expect, test } from '@playwright/test'
import { clientManifest, filesForPath, JS_BUDGET_BYTES, jsPerPage } from '../../scripts/bench/js-sizes.ts'

// JavaScript a lesson page makes the browser download before it is interactive (issue 18, ADR 0053):
// the entry, the root and the lesson route with their static imports, gzip-compressed, read from the
// build the e2e run has just made (build/client's manifest). The page's messages are not in it: they
// come inlined in the HTML, only the namespaces its routes use.
//
// The budget is JS_BUDGET_BYTES (scripts/bench/js-sizes.ts), the bench's for every page too.

test('a lesson page ships no more JavaScript than its budget', async () => {
	const lesson = '/learn/a-course/a-lesson'
	const build = path.resolve('build')
	// The path matches the lesson route, so its module and imports are counted.
	const manifest = clientManifest(build)
	expect(filesForPath(manifest, lesson)).toContain(manifest.routes['routes/learn.$courseSlug.$lessonId']!.module)
	const sizes = await jsPerPage(build, [lesson])
	expect(sizes[lesson]!.gzip, `a lesson page's JavaScript, gzip: ${sizes[lesson]!.gzip} bytes`).toBeLessThanOrEqual(
		JS_BUDGET_BYTES,
	)
})
