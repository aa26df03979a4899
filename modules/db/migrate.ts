import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The checkout, above this file: modules/db/ in TypeScript, build/server/circle/ compiled (ADR 0054). */
function projectRoot(dir: string): string {
	if (fs.existsSync(path.join(dir, 'prisma/schema.prisma'))) return dir
	const parent = path.dirname(dir)
	if (parent === dir) throw new Error('No prisma/schema.prisma above modules/db/migrate.ts')
	return projectRoot(parent)
}
const root = projectRoot(path.dirname(fileURLToPath(import.meta.url)))

/** Runs a Prisma CLI command against `databaseUrl`, with Prisma's output shown only on failure. */
export function runPrisma(args: string[], databaseUrl: string, { quiet = true } = {}) {
	return new Promise<string>((resolve, reject) => {
		const child = spawn(process.execPath, [path.join(root, 'node_modules/prisma/build/index.js'), ...args], {
			cwd: root,
			// The Prisma CLI is a child process: it inherits the environment as a whole.
			// eslint-disable-next-line no-restricted-properties -- passed on, not read
			env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
			stdio: ['ignore', 'pipe', 'pipe'],
		})
		let output = ''
		child.stdout.on('data', (d) => {
			output += d
			if (!quiet) process.stdout.write(d)
		})
		child.stderr.on('data', (d) => {
			output += d
			if (!quiet) process.stderr.write(d)
		})
		child.on('close', (code) => {
			if (code === 0) resolve(output)
			else reject(new Error(`prisma ${args.join(' ')} failed (exit ${code}):\n${output}`))
		})
	})
}

/** Applies every pending migration in prisma/migrations (offline: WebAssembly engine + adapter). */
export function migrateDeploy(databaseUrl: string, options?: { quiet?: boolean }) {
	return runPrisma(['migrate', 'deploy'], databaseUrl, options)
}

/**
 * The migrations in prisma/migrations that the database at `databaseUrl` has not applied (by folder
 * name, oldest first): production start-up refuses to serve while any is missing.
 */
export async function pendingMigrations(databaseUrl: string): Promise<string[]> {
	const local = fs
		.readdirSync(path.join(root, 'prisma/migrations'), { withFileTypes: true })
		.filter((entry) => entry.isDirectory())
		.map((entry) => entry.name)
		.sort()
	const { appliedMigrationNames } = await import('./sql.ts')
	const applied = new Set(await appliedMigrationNames(databaseUrl))
	return local.filter((name) => !applied.has(name))
}
