import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { BuildOptions } from 'esbuild'

/**
 * What the production build is made from. A change to any of these makes the build stale; a test
 * file never reaches the build, so editing tests does not.
 */
export const BUILD_INPUTS = [
	'app',
	'modules',
	'emails',
	'public',
	'package.json',
	'package-lock.json',
	'tsconfig.json',
	'vite.config.ts',
	'react-router.config.ts',
	// Compiled into build/server/ with what they import from app/, modules/ and prisma/ (ADR 0054):
	// the HTTP worker, and `npm start`'s primary with the cluster, the identity provider and the seed.
	'prisma',
	'scripts/web-worker.ts',
	'scripts/start.ts',
	'scripts/web-cluster.ts',
	'scripts/dev-idp.ts',
	'scripts/build-stamp.ts',
]

// Inside build/server, which every `react-router build` empties: a build made by another command
// (the browser tests' `react-router build`) drops the stamp, so the next start rebuilds once rather
// than trusting a build it did not make from these sources.
const STAMP_FILE = 'server/.circle-build-stamp'
/**
 * The HTTP worker's entry compiled to plain JavaScript (scripts/build.ts), which the cluster runs
 * with plain Node rather than through tsx (ADR 0054). Inside build/server, so that a build made by
 * another command drops it along with the stamp.
 */
export const WEB_WORKER_BUNDLE = 'server/web-worker.js'
/**
 * `npm start`'s primary (scripts/start.ts) compiled the same way, which scripts/start.mjs runs once
 * the build is current; and this module, with which scripts/start.mjs checks that it is.
 */
/**
 * How esbuild compiles Circle's own server code (the build's entries, and the bench's server, which
 * must run what production runs): one ESM bundle for Node 20 with Circle's TypeScript compiled in and
 * node_modules imported at run time, as the React Router build does.
 */
export const SERVER_BUNDLE_OPTIONS = {
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	packages: 'external',
	logLevel: 'warning',
} satisfies BuildOptions

export const START_BUNDLE = 'server/start.js'
export const BUILD_STAMP_BUNDLE = 'server/build-stamp.js'
/** The files every build has; without them a stamp proves nothing (someone emptied build/). */
const BUILD_OUTPUTS = ['server/index.js', WEB_WORKER_BUNDLE, START_BUNDLE, BUILD_STAMP_BUNDLE, 'client']

function isTestFile(file: string) {
	return /\.test\.tsx?$/.test(file)
}

function listFiles(root: string, entry: string): string[] {
	const full = path.join(root, entry)
	let stat: fs.Stats
	try {
		stat = fs.statSync(full)
	} catch {
		return []
	}
	if (stat.isFile()) return isTestFile(entry) ? [] : [entry]
	if (!stat.isDirectory()) return []
	return fs
		.readdirSync(full)
		.sort()
		.flatMap((name) => listFiles(root, path.posix.join(entry, name)))
}

/**
 * A SHA-256 over the path and content of every build input under `root`. Content rather than
 * modification times, so a `git checkout` that rewrites files without changing them, or a fresh
 * clone with new times, does not force a rebuild, and an edit within the same second still does.
 */
export function hashBuildInputs(root: string) {
	const hash = crypto.createHash('sha256')
	for (const input of BUILD_INPUTS) {
		for (const file of listFiles(root, input)) {
			hash
				.update(file)
				.update('\0')
				.update(fs.readFileSync(path.join(root, file)))
				.update('\0')
		}
	}
	return hash.digest('hex')
}

/** Why the build in `buildDir` cannot be used as it is, or null when it is current. */
export function staleBuildReason({ root, buildDir }: { root: string; buildDir: string }): string | null {
	for (const output of BUILD_OUTPUTS) {
		if (!fs.existsSync(path.join(buildDir, output))) return 'no build yet'
	}
	let stamp: string
	try {
		stamp = fs.readFileSync(path.join(buildDir, STAMP_FILE), 'utf8').trim()
	} catch {
		return 'the last build was made by another command'
	}
	return stamp === hashBuildInputs(root) ? null : 'the sources changed since the last build'
}

/** Records that the build in `buildDir` was made from the inputs `root` holds now. */
export function writeBuildStamp({ buildDir, hash }: { buildDir: string; hash: string }) {
	fs.writeFileSync(path.join(buildDir, STAMP_FILE), `${hash}\n`)
}
