/**
 * Backups with point-in-time recovery (ADR 0051), from Debian's PostgreSQL tools: a WAL archive
 * the server fills itself (`archive_command`), base backups with `pg_basebackup` checked with
 * `pg_verifybackup`, restore into a fresh data directory up to a chosen moment
 * (`recovery_target_time`), and pruning with `pg_archivecleanup`. `npm run db:backup`
 * (scripts/backup.ts) is the command line; tests/cluster/backup-restore.test.ts runs these very
 * functions.
 *
 * One backups directory holds both halves:
 *
 *   <dir>/wal/                         the WAL archive, one file per 16 MB segment (and .history, .backup files)
 *   <dir>/base/<stamp>/                 a base backup, a plain copy of the data directory (with pg_wal and backup_manifest)
 *   <dir>/base/<stamp>.json             when it started and finished, and its first WAL segment
 */
import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { findPostgresBinDir, runAsServer, type RunningPostgres, startPrimary } from './postgres.ts'
import { handOver } from './processes.ts'

export type BackupInfo = {
	/** The directory name: the UTC time the backup started, e.g. 20261206T191500Z. */
	stamp: string
	dir: string
	startedAt: string
	finishedAt: string
	/** The first WAL segment the backup needs: every segment before it can go once no older backup is kept. */
	startWal: string
}

/** A restore replays every archived segment from the backup to the target: hours for a week of WAL. */
const RECOVERY_TIMEOUT_MS = 12 * 60 * 60_000

export const walArchiveDir = (backupsDir: string) => path.join(path.resolve(backupsDir), 'wal')
const baseDir = (backupsDir: string) => path.join(path.resolve(backupsDir), 'base')

/**
 * The settings that make a server copy each finished WAL segment into `<backupsDir>/wal`. The copy
 * goes to a temporary name, is flushed to disk and then renamed, so the archive never holds half a
 * segment; an existing segment is never overwritten (the command fails and PostgreSQL retries,
 * keeping the segment, which an operator then sees in pg_stat_archiver). `archive_timeout` bounds
 * how much a lost server can take with it on a quiet day: a segment is closed at least that often.
 * Needs a restart to change `archive_mode`; `wal_level` must be `replica` or more (the default).
 */
export function walArchiveSettings(backupsDir: string, { timeoutSeconds = 60 } = {}): Record<string, string> {
	const wal = walArchiveDir(backupsDir)
	return {
		archive_mode: 'on',
		archive_command: `test ! -f '${wal}/%f' && cp '%p' '${wal}/%f.part' && sync '${wal}/%f.part' && mv '${wal}/%f.part' '${wal}/%f' && sync '${wal}'`,
		archive_timeout: `${timeoutSeconds}s`,
	}
}

/** Creates the backups directory (and its wal/ and base/) for the server's user to write in. */
export function prepareBackupsDir(backupsDir: string) {
	for (const dir of [walArchiveDir(backupsDir), baseDir(backupsDir)])
		fs.mkdirSync(dir, { recursive: true, mode: 0o700 })
	handOver(path.resolve(backupsDir))
}

const stampOf = (date: Date) =>
	date
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d+Z$/, 'Z')

/**
 * Takes a base backup of the server at `url` (a direct connection, not through PgBouncer: the
 * replication protocol does not pass it) into `<backupsDir>/base/<stamp>`: pg_basebackup in plain
 * format, a fast checkpoint, the WAL written during the copy streamed into the backup (so the backup
 * restores on its own, even without the archive), a SHA-256 manifest; then pg_verifybackup checks
 * every file and the WAL against it. Written under `<stamp>.partial` and renamed only once verified,
 * so a backup directory without that suffix is a good one.
 */
export async function takeBaseBackup({
	url,
	backupsDir,
	binDir = findPostgresBinDir(),
	now = new Date(),
}: {
	url: string
	backupsDir: string
	binDir?: string
	now?: Date
}): Promise<BackupInfo> {
	prepareBackupsDir(backupsDir)
	const stamp = stampOf(now)
	const dir = path.join(baseDir(backupsDir), stamp)
	const partial = `${dir}.partial`
	if (fs.existsSync(dir)) throw new Error(`A base backup ${stamp} already exists in ${baseDir(backupsDir)}`)
	fs.rmSync(partial, { recursive: true, force: true })
	const { hostname, port, username, password } = new URL(url)
	const startedAt = new Date()
	await runAsServer(
		path.join(binDir, 'pg_basebackup'),
		[
			'-h',
			hostname,
			'-p',
			port || '5432',
			'-U',
			decodeURIComponent(username),
			'-D',
			partial,
			'-F',
			'p',
			'-X',
			'stream',
			'-c',
			'fast',
			'--manifest-checksums=SHA256',
			`--label=circle ${stamp}`,
		],
		{ PGPASSWORD: decodeURIComponent(password) },
	)
	await runAsServer(path.join(binDir, 'pg_verifybackup'), ['--quiet', partial])
	const label = fs.readFileSync(path.join(partial, 'backup_label'), 'utf8')
	const startWal = /START WAL LOCATION: \S+ \(file ([0-9A-F]{24})\)/.exec(label)?.[1]
	if (!startWal) throw new Error(`No start WAL segment in ${partial}/backup_label:\n${label}`)
	fs.renameSync(partial, dir)
	const info: BackupInfo = {
		stamp,
		dir,
		startedAt: startedAt.toISOString(),
		finishedAt: new Date().toISOString(),
		startWal,
	}
	fs.writeFileSync(`${dir}.json`, `${JSON.stringify(info, null, '\t')}\n`)
	handOver(`${dir}.json`)
	return info
}

/** The verified base backups in `backupsDir`, oldest first. */
export function listBaseBackups(backupsDir: string): BackupInfo[] {
	const base = baseDir(backupsDir)
	if (!fs.existsSync(base)) return []
	return fs
		.readdirSync(base)
		.filter((name) => name.endsWith('.json'))
		.map((name) => JSON.parse(fs.readFileSync(path.join(base, name), 'utf8')) as BackupInfo)
		.filter((info) => fs.existsSync(path.join(base, info.stamp)))
		.map((info) => ({ ...info, dir: path.join(base, info.stamp) }))
		.sort((a, b) => a.stamp.localeCompare(b.stamp))
}

/**
 * The base backup to restore for `targetTime`: the newest that finished before it (recovery must
 * replay past a backup's end before it can stop), or the newest of all without a target.
 */
export function chooseBaseBackup(backupsDir: string, targetTime?: Date): BackupInfo {
	const backups = listBaseBackups(backupsDir)
	const usable = targetTime ? backups.filter((b) => new Date(b.finishedAt) < targetTime) : backups
	const chosen = usable.at(-1)
	if (!chosen) {
		throw new Error(
			targetTime
				? `No base backup in ${baseDir(backupsDir)} finished before ${targetTime.toISOString()}`
				: `No base backup in ${baseDir(backupsDir)}`,
		)
	}
	return chosen
}

/**
 * Restores a base backup into `dataDir` (which must not exist yet) and replays the WAL archive up to
 * `targetTime` (PostgreSQL's recovery_target_time: every transaction committed at or before it, none
 * after), or to the end of the archive without one. Then starts the server on `port`, waits until
 * recovery has reached the target and the server has been promoted (a new timeline, open for
 * writes), and returns it running. The server's own settings (postgresql.conf and .auto.conf) come
 * from the backup; the recovery settings are appended to postgresql.auto.conf, and PostgreSQL
 * ignores them once promoted.
 */
export async function restoreBackup({
	backup,
	backupsDir,
	dataDir,
	port,
	targetTime,
	credentials,
	binDir = findPostgresBinDir(),
	log,
}: {
	backup: BackupInfo
	backupsDir: string
	dataDir: string
	port: number
	/** PostgreSQL's timestamp syntax, with its offset: `2026-12-06 19:15:00.123456+00`. */
	targetTime?: string
	/** A role of the backed-up server, to watch recovery with. */
	credentials: { user: string; password: string }
	binDir?: string
	log?: (line: string) => void
}): Promise<RunningPostgres> {
	const dir = path.resolve(dataDir)
	if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) {
		throw new Error(`${dir} is not empty: restore into a fresh directory`)
	}
	fs.mkdirSync(path.dirname(dir), { recursive: true })
	fs.cpSync(backup.dir, dir, { recursive: true, preserveTimestamps: true })
	fs.chmodSync(dir, 0o700)
	// Not part of a data directory: only pg_verifybackup reads it.
	fs.rmSync(path.join(dir, 'backup_manifest'), { force: true })
	const wal = walArchiveDir(backupsDir)
	const recovery = [
		'',
		`# Point-in-time recovery from ${backup.dir} (npm run db:backup -- restore)`,
		`restore_command = 'cp ''${wal}/%f'' ''%p'''`,
		...(targetTime ? [`recovery_target_time = '${targetTime}'`, `recovery_target_inclusive = on`] : []),
		`recovery_target_action = 'promote'`,
		`recovery_target_timeline = 'latest'`,
		'',
	].join('\n')
	fs.appendFileSync(path.join(dir, 'postgresql.auto.conf'), recovery)
	fs.writeFileSync(path.join(dir, 'recovery.signal'), '')
	handOver(dir)

	const server = await startPrimary({
		dataDir: dir,
		port,
		binDir,
		log,
		...credentials,
		// The restored server does not archive into the same archive as the original until told to.
		settings: { archive_mode: 'off' },
		database: 'postgres',
		// Until the copy is consistent (the WAL written during the backup replayed), it takes no logins.
		readyTimeoutMs: RECOVERY_TIMEOUT_MS,
	}).catch((error: Error) => {
		if (!error.message.includes('recovery ended before configured recovery target was reached')) throw error
		throw new Error(
			`The WAL archive ends before ${targetTime}: the segment holding that moment has not been archived yet ` +
				`(on the primary: SELECT pg_switch_wal(), then check pg_stat_archiver), or the target is later than anything ` +
				`written. Delete ${dir} before trying again.\n${error.message}`,
		)
	})
	try {
		await waitForPromotion(server.url('postgres'), { timeoutMs: RECOVERY_TIMEOUT_MS })
	} catch (error) {
		await server.stop()
		throw error
	}
	return server
}

/** Resolves once the server has finished recovery (pg_is_in_recovery() false); rejects after `timeoutMs`. */
async function waitForPromotion(url: string, { timeoutMs }: { timeoutMs: number }) {
	const deadline = Date.now() + timeoutMs
	for (;;) {
		const client = new pg.Client({ connectionString: url })
		try {
			await client.connect()
			const { rows } = await client.query<{ recovering: boolean }>('SELECT pg_is_in_recovery() AS recovering')
			if (!rows[0]!.recovering) return
		} catch {
			// Between recovery's end and promotion the server may refuse a moment.
		} finally {
			await client.end().catch(() => undefined)
		}
		if (Date.now() > deadline) throw new Error(`Recovery had not ended after ${timeoutMs / 1000} s`)
		await new Promise((r) => setTimeout(r, 200))
	}
}

/**
 * Keeps the newest `keep` base backups and the WAL they need: older backups are deleted, then
 * pg_archivecleanup removes every archived segment before the oldest kept backup's first segment.
 * Returns what was removed.
 */
export async function pruneBackups({
	backupsDir,
	keep,
	binDir = findPostgresBinDir(),
}: {
	backupsDir: string
	keep: number
	binDir?: string
}): Promise<{ backups: string[]; walSegments: string[] }> {
	if (!Number.isInteger(keep) || keep < 1) throw new Error('Keep at least one base backup')
	const backups = listBaseBackups(backupsDir)
	const removed = backups.slice(0, Math.max(0, backups.length - keep))
	const oldestKept = backups.at(-keep) ?? backups[0]
	if (!oldestKept) return { backups: [], walSegments: [] }
	for (const backup of removed) {
		fs.rmSync(backup.dir, { recursive: true, force: true })
		fs.rmSync(`${backup.dir}.json`, { force: true })
	}
	const wal = walArchiveDir(backupsDir)
	const before = new Set(fs.readdirSync(wal))
	await runAsServer(path.join(binDir, 'pg_archivecleanup'), [wal, oldestKept.startWal])
	const after = new Set(fs.readdirSync(wal))
	return { backups: removed.map((b) => b.stamp), walSegments: [...before].filter((f) => !after.has(f)).sort() }
}

/** Forces the current WAL segment into the archive and waits until it is there (for a test or before a planned stop). */
export async function archiveCurrentWal(url: string, { timeoutMs = 60_000 } = {}) {
	const client = new pg.Client({ connectionString: url })
	await client.connect()
	try {
		const { rows } = await client.query<{ file: string }>('SELECT pg_walfile_name(pg_switch_wal()) AS file')
		const file = rows[0]!.file
		const deadline = Date.now() + timeoutMs
		for (;;) {
			const status = await client.query<{ last: string | null }>(
				'SELECT last_archived_wal AS last FROM pg_stat_archiver',
			)
			const last = status.rows[0]!.last
			if (last && last.slice(8) >= file.slice(8)) return file
			if (Date.now() > deadline) throw new Error(`${file} was not archived within ${timeoutMs / 1000} s`)
			await new Promise((r) => setTimeout(r, 100))
		}
	} finally {
		await client.end()
	}
}
