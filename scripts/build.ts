/**
 * `npm run build` (always builds) and `npm start`'s first step (`--if-stale`: builds only when the
 * sources changed since the last build). After a successful build it stamps build/ with a hash of
 * the inputs (scripts/build-stamp.ts), so the next start can skip the build. See ADR 0020.
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { hashBuildInputs, staleBuildReason, writeBuildStamp } from './build-stamp.ts'

const root = path.resolve(import.meta.dirname, '..')
const buildDir = path.join(root, 'build')

if (process.argv.includes('--if-stale')) {
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
const quiet = process.argv.includes('--if-stale') ? ['--logLevel', 'warn'] : []
const result = spawnSync(
	process.execPath,
	[path.join(root, 'node_modules/@react-router/dev/bin.js'), 'build', ...quiet],
	{
		cwd: root,
		stdio: 'inherit',
	},
)
if (result.status !== 0) process.exit(result.status ?? 1)
writeBuildStamp({ buildDir, hash })
