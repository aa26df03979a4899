// ADR 0022: every sign-in turns a proven identity into a session through beginSignIn (or, after a
// second factor, completeSignIn) in modules/auth/sign-in.ts, so none can skip the second factor,
// the audit entry or the device check. This test holds that rule: no production file but those two
// calls createSession. (Tests, their factories and the benchmarks make sessions directly on purpose.)
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'

const root = path.resolve(import.meta.dirname, '../..')
const ALLOWED = new Set(['modules/auth/sign-in.ts', 'modules/auth/sessions.ts'])

function productionFiles(dir: string): string[] {
	return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
		const relative = path.posix.join(dir, entry.name)
		if (entry.isDirectory()) {
			if (['generated', 'node_modules', 'bench'].includes(entry.name)) return []
			return productionFiles(relative)
		}
		if (!/\.(ts|tsx)$/.test(entry.name) || /\.test\.tsx?$/.test(entry.name)) return []
		return [relative]
	})
}

/** The production files that call createSession, other than the sign-in module itself. */
export function filesStartingSessions(files: string[], read: (file: string) => string) {
	return files.filter((file) => !ALLOWED.has(file) && /\bcreateSession\s*\(/.test(read(file)))
}

describe('one way into a session', () => {
	test('no production file but modules/auth/sign-in.ts starts a session', () => {
		const files = ['app', 'modules', 'scripts', 'emails', 'prisma'].flatMap(productionFiles)
		expect(files.length).toBeGreaterThan(100)
		expect(filesStartingSessions(files, (file) => fs.readFileSync(path.join(root, file), 'utf8'))).toEqual([])
	})

	test('the check finds a route that starts its own session', () => {
		const fixture: Record<string, string> = {
			'app/routes/sneaky.ts': 'const { token } = await createSession({ userId })',
			'modules/auth/sign-in.ts': 'await createSession({ userId, tx })',
		}
		expect(filesStartingSessions(Object.keys(fixture), (file) => fixture[file]!)).toEqual(['app/routes/sneaky.ts'])
	})
})
