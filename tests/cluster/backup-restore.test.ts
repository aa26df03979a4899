import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { migrateDeploy } from '#modules/db/migrate.ts'
import {
	archiveCurrentWal,
	chooseBaseBackup,
	prepareBackupsDir,
	pruneBackups,
	restoreBackup,
	takeBaseBackup,
	walArchiveDir,
	walArchiveSettings,
} from '../../scripts/cluster/backup.ts'
import { type RunningPostgres, startPrimary } from '../../scripts/cluster/postgres.ts'
import { freePort } from '../../scripts/cluster/processes.ts'
import { missingPackages, skippedFor } from '../../scripts/cluster/requirements.ts'

// Debian's PostgreSQL (pg_basebackup, pg_verifybackup, pg_archivecleanup); .ci/run installs it.
const missing = missingPackages(['postgresql'])

const credentials = { user: 'circle', password: 'circle' }

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []) {
	const client = new pg.Client({ connectionString: url })
	await client.connect()
	try {
		return (await client.query<T>(sql, params)).rows
	} finally {
		await client.end()
	}
}

/** Adds learners to Circle's own "User" table, in one transaction (one commit, one commit time). */
async function addLearners(url: string, emails: string[]) {
	await query(
		url,
		`INSERT INTO "User" (id, email, name, "updatedAt")
		 SELECT 'backup-' || e, e, 'Backup test learner', now() FROM unnest($1::text[]) AS e`,
		[emails],
	)
}

const emails = (label: string) => [1, 2, 3].map((n) => `${label}-${n}@backup.test`)

describe.skipIf(missing.length > 0)(
	`point-in-time recovery from a base backup and the WAL archive${skippedFor(missing)}`,
	() => {
		const dir = path.resolve(import.meta.dirname, `../.tmp/backup-${process.pid}`)
		const backupsDir = path.join(dir, 'backups')
		let primary: RunningPostgres | undefined
		let restored: RunningPostgres | undefined
		let primaryUrl: string
		let targetTime: string
		let backupStartWal: string

		beforeAll(async () => {
			fs.rmSync(dir, { recursive: true, force: true })
			prepareBackupsDir(backupsDir)
			primary = await startPrimary({
				dataDir: path.join(dir, 'primary'),
				port: await freePort(),
				...credentials,
				settings: walArchiveSettings(backupsDir),
			})
			primaryUrl = primary.url('circle')
			// Circle's real schema: the restore must bring back its tables and migration history too.
			await migrateDeploy(primaryUrl)

			// Rows from before the base backup …
			await addLearners(primaryUrl, emails('before-backup'))
			const backup = await takeBaseBackup({ url: primaryUrl, backupsDir })
			backupStartWal = backup.startWal
			// … rows after it, up to the target time (these come back only by replaying the archive) …
			await addLearners(primaryUrl, emails('after-backup'))
			await new Promise((r) => setTimeout(r, 50))
			targetTime = (await query<{ t: string }>(primaryUrl, 'SELECT clock_timestamp()::text AS t'))[0]!.t
			await new Promise((r) => setTimeout(r, 50))
			// … and the mistake to undo, after the target: new rows, and a learner deleted.
			await addLearners(primaryUrl, emails('after-target'))
			await query(primaryUrl, `DELETE FROM "User" WHERE email = 'before-backup-1@backup.test'`)
			await archiveCurrentWal(primaryUrl)
			await primary.stop()
		}, 180_000)

		afterAll(async () => {
			await restored?.stop()
			await primary?.stop()
			fs.rmSync(dir, { recursive: true, force: true })
		}, 60_000)

		test('pruning keeps the WAL the newest backup needs, and removes what came before it', async () => {
			const before = fs.readdirSync(walArchiveDir(backupsDir)).filter((f) => /^[0-9A-F]{24}$/.test(f))
			expect(before.some((f) => f.slice(8) < backupStartWal.slice(8))).toBe(true)
			const removed = await pruneBackups({ backupsDir, keep: 1 })
			expect(removed.backups).toEqual([])
			expect(removed.walSegments.length).toBeGreaterThan(0)
			const after = fs.readdirSync(walArchiveDir(backupsDir)).filter((f) => /^[0-9A-F]{24}$/.test(f))
			expect(after).toContain(backupStartWal)
			expect(after.every((f) => f.slice(8) >= backupStartWal.slice(8))).toBe(true)
		})

		test('restoring into a fresh instance up to the target time brings back exactly the rows committed by then', async () => {
			// Runs after pruning: the pruned archive must still be enough.
			const backup = chooseBaseBackup(
				backupsDir,
				new Date(targetTime.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00')),
			)
			restored = await restoreBackup({
				backup,
				backupsDir,
				dataDir: path.join(dir, 'restored'),
				port: await freePort(),
				targetTime,
				credentials,
			})
			const url = restored.url('circle')
			const rows = await query<{ email: string }>(
				url,
				`SELECT email FROM "User" WHERE email LIKE '%@backup.test' ORDER BY email`,
			)
			expect(rows.map((r) => r.email)).toEqual([...emails('after-backup'), ...emails('before-backup')].sort())
			// Circle's schema and migration history came back with the data.
			const migrations = await query<{ n: number }>(
				url,
				'SELECT count(*)::int AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL',
			)
			const local = fs
				.readdirSync(path.resolve(import.meta.dirname, '../../prisma/migrations'), { withFileTypes: true })
				.filter((e) => e.isDirectory())
			expect(migrations[0]!.n).toBe(local.length)
			// Promoted onto a new timeline: open for writes.
			const [state] = await query<{ recovering: boolean }>(url, 'SELECT pg_is_in_recovery() AS recovering')
			expect(state!.recovering).toBe(false)
			await addLearners(url, ['written-after-restore@backup.test'])
		}, 180_000)
	},
)
