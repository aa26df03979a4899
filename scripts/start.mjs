/**
 * `npm start`: makes the production build if the sources changed since the last one (or there is
 * none yet, as in a fresh clone), then runs `npm start`'s primary, scripts/start.ts, compiled to
 * build/server/start.js, in this same process (ADR 0054). Plain JavaScript, so that nothing here
 * needs tsx: tsx's loader costs the primary a second or two of CPU at every start.
 *
 * The check is build-stamp.ts as compiled by the last build (build/server/build-stamp.js): an edit
 * to it is an edit to a build input, so the build it judges is stale anyway. Without one (no build
 * yet, or one made by `react-router build` alone), scripts/build.ts decides and says why it builds.
 * Only then is build/server/start.js imported, so the primary always runs the current build's code.
 */
/* global process, console -- Node's, in plain JavaScript */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

const root = path.resolve(import.meta.dirname, '..')
const buildDir = path.join(root, 'build')
const stampModule = path.join(buildDir, 'server/build-stamp.js')

function build() {
	const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/build.ts'), '--if-stale'], {
		cwd: root,
		stdio: 'inherit',
	})
	if (result.status !== 0) process.exit(result.status ?? 1)
}

const flag = process.argv.indexOf('--build-if-stale')
if (flag >= 0) {
	// The compiled start.ts must not check again.
	process.argv.splice(flag, 1)
	if (!fs.existsSync(stampModule)) build()
	else {
		const { staleBuildReason } = await import(pathToFileURL(stampModule).href)
		if (staleBuildReason({ root, buildDir })) build()
		else console.log('The build is up to date with the sources: not rebuilding.')
	}
}
const primary = path.join(buildDir, 'server/start.js')
if (!fs.existsSync(primary)) {
	console.error('No build of Circle: run `npm run build` first, or `npm start`, which builds when needed.')
	process.exit(1)
}
await import(pathToFileURL(primary).href)
