import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { hashBuildInputs, staleBuildReason, writeBuildStamp } from './build-stamp.ts'

let root: string
let buildDir: string

function write(file: string, content: string) {
	fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
	fs.writeFileSync(path.join(root, file), content)
}

function build() {
	write('build/server/index.js', 'export {}')
	write('build/server/web-worker.js', 'export {}')
	write('build/server/start.js', 'export {}')
	write('build/server/build-stamp.js', 'export {}')
	write('build/client/assets/entry.js', '')
	writeBuildStamp({ buildDir, hash: hashBuildInputs(root) })
}

beforeEach(() => {
	root = fs.mkdtempSync(path.join(os.tmpdir(), 'circle-build-stamp-'))
	buildDir = path.join(root, 'build')
	write('app/root.tsx', 'export default function App() {}')
	write('modules/catalog/list-courses.ts', 'export const a = 1')
	write('emails/welcome.tsx', 'export {}')
	write('package-lock.json', '{}')
	write('vite.config.ts', 'export default {}')
	write('scripts/web-worker.ts', 'export {}')
})

afterEach(() => fs.rmSync(root, { recursive: true, force: true }))

describe('staleBuildReason', () => {
	test('no build at all is stale', () => {
		expect(staleBuildReason({ root, buildDir })).toBe('no build yet')
	})

	test('a build stamped from the current sources is current', () => {
		build()
		expect(staleBuildReason({ root, buildDir })).toBeNull()
	})

	test('a change to any input makes the build stale', () => {
		for (const file of [
			'app/root.tsx',
			'modules/catalog/list-courses.ts',
			'emails/welcome.tsx',
			'package-lock.json',
			'vite.config.ts',
			'scripts/web-worker.ts',
		]) {
			build()
			write(file, `${fs.readFileSync(path.join(root, file), 'utf8')}\n// edited`)
			expect(staleBuildReason({ root, buildDir }), file).toBe('the sources changed since the last build')
		}
	})

	test('a new file or a new config file makes the build stale', () => {
		build()
		write('app/routes/new-page.tsx', 'export default function NewPage() {}')
		expect(staleBuildReason({ root, buildDir })).not.toBeNull()
		build()
		write('react-router.config.ts', 'export default {}')
		expect(staleBuildReason({ root, buildDir })).not.toBeNull()
	})

	test('touching a file without changing it, or editing a test, keeps the build current', () => {
		build()
		const later = new Date(Date.now() + 60_000)
		fs.utimesSync(path.join(root, 'app/root.tsx'), later, later)
		write('modules/catalog/list-courses.test.ts', 'test("x", () => {})')
		expect(staleBuildReason({ root, buildDir })).toBeNull()
	})

	test('a build made by another command (no stamp) or with its server output missing is stale', () => {
		build()
		fs.rmSync(path.join(buildDir, 'server/.circle-build-stamp'))
		expect(staleBuildReason({ root, buildDir })).toBe('the last build was made by another command')
		build()
		fs.rmSync(path.join(buildDir, 'server/index.js'))
		expect(staleBuildReason({ root, buildDir })).toBe('no build yet')
		// The compiled HTTP worker: without it the cluster would fall back to tsx.
		build()
		fs.rmSync(path.join(buildDir, 'server/web-worker.js'))
		expect(staleBuildReason({ root, buildDir })).toBe('no build yet')
	})
})
