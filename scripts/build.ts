/**
 * `npm run build` (always builds) and `npm start`'s first step (`--if-stale`: builds only when the
 * sources changed since the last build). After a successful build it stamps the build with a hash
 * of the inputs (scripts/build-stamp.ts), so the next start can skip the build. See ADR 0020.
 *
 * Always a production build, whatever NODE_ENV the caller has: under Vitest (NODE_ENV=test) Vite
 * would otherwise bundle React's development build for the browser, which Lighthouse scores 0.1-0.2
 * lower.
 *
 * Besides React Router's build, it compiles `npm start`'s own entries with what they import from
 * app/, modules/ and prisma/ (esbuild; packages stay imports) into build/server/: the HTTP worker
 * (web-worker.js), the primary (start.js, which scripts/start.mjs runs) and the build check
 * (build-stamp.js). Through tsx the same processes held 2-3 times the memory and took seconds
 * longer to start (ADR 0054).
 *
 *   tsx scripts/build.ts [--if-stale] [--build-dir <dir>]
 *
 * `--build-dir` builds elsewhere than build/ (the cluster test does, so as not to replace the build a
 * developer or the bench uses).
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { build } from 'esbuild'
import { hashBuildInputs, SERVER_BUNDLE_OPTIONS, staleBuildReason, writeBuildStamp } from './build-stamp.ts'

const root = path.resolve(import.meta.dirname, '..')
const { values: options } = parseArgs({
	options: { 'if-stale': { type: 'boolean', default: false }, 'build-dir': { type: 'string', default: 'build' } },
})
const buildDir = path.resolve(root, options['build-dir'])

if (options['if-stale']) {
	const reason = staleBuildReason({ root, buildDir })
	if (!reason) {
		console.log('The build is up to date with the sources: not rebuilding.')
		process.exit(0)
	}
	console.log(`Building Circle (${reason}; this takes a minute the first time)…`)
}

// Hashed before building, so an edit made while the build runs makes the stamp stale, not current.
const hash = hashBuildInputs(root)
// Under `npm start` only warnings and errors are shown: the list of 150 output files means nothing to
// someone starting Circle. `npm run build` shows it all.
const quiet = options['if-stale'] ? ['--logLevel', 'warn'] : []
const result = spawnSync(
	process.execPath,
	[path.join(root, 'node_modules/@react-router/dev/bin.js'), 'build', ...quiet],
	{
		cwd: root,
		stdio: 'inherit',
		env: {
			// eslint-disable-next-line no-restricted-properties -- passed on to the build, not read
			...process.env,
			NODE_ENV: 'production',
			// Read by react-router.config.ts (buildDirectory).
			CIRCLE_BUILD_DIR: buildDir,
		},
	},
)
if (result.status !== 0) process.exit(result.status ?? 1)
await build({
	entryPoints: {
		'web-worker': path.join(root, 'scripts/web-worker.ts'),
		start: path.join(root, 'scripts/start.ts'),
		'build-stamp': path.join(root, 'scripts/build-stamp.ts'),
	},
	outdir: path.join(buildDir, 'server'),
	// What the entries import with `await import()` (the seed, the job worker, the identity
	// provider…) goes to chunks of its own, loaded when it is; without splitting, each entry would
	// import at start-up every package anything it might load imports.
	splitting: true,
	chunkNames: 'circle/[name]-[hash]',
	...SERVER_BUNDLE_OPTIONS,
})
writeBuildStamp({ buildDir, hash })
