/**
 * `npm run db:backup -- <command>`: base backups, point-in-time restore and pruning with Debian's
 * PostgreSQL tools (ADR 0051; the runbook is in docs/scaling.md). Every command takes the backups
 * directory, which holds the WAL archive (`wal/`) and the base backups (`base/`).
 *
 *   npm run db:backup -- settings --dir /backups
 *       prints the postgresql.conf lines that make the server fill /backups/wal (set once; restart)
 *   npm run db:backup -- base --dir /backups
 *       pg_basebackup of DATABASE_DIRECT_URL (else DATABASE_URL) into /backups/base/<stamp>, verified
 *   npm run db:backup -- list --dir /backups
 *   npm run db:backup -- restore --dir /backups --to /var/lib/postgresql/restored --port 5433 \
 *       [--target-time '2026-12-06 14:05:00+00'] [--backup <stamp>] [--keep-running]
 *       a fresh data directory, recovered to the target (or the archive's end) and promoted; then
 *       stopped cleanly, ready to be started as the new primary (--keep-running leaves it up)
 *   npm run db:backup -- prune --dir /backups --keep 8
 *       keeps the newest 8 base backups and the WAL they need
 *
 * The server must be reachable without PgBouncer (the replication protocol does not pass it) and its
 * role must have the REPLICATION attribute (a superuser has). Run it as root or as the server's
 * user: the files are written as the user PostgreSQL runs as.
 */
import { parseArgs } from 'node:util'
import { parseEnv, requireDirectDatabaseUrl } from '#modules/env/env.ts'
import {
	chooseBaseBackup,
	listBaseBackups,
	pruneBackups,
	restoreBackup,
	takeBaseBackup,
	walArchiveSettings,
} from './cluster/backup.ts'

const USAGE = `Usage: npm run db:backup -- settings|base|list|restore|prune --dir <backups directory> [options]
  restore: --to <new data directory> --port <port> [--target-time <timestamp with offset>] [--backup <stamp>] [--keep-running]
  prune:   --keep <number of base backups>`

const { positionals, values } = parseArgs({
	allowPositionals: true,
	options: {
		dir: { type: 'string' },
		to: { type: 'string' },
		port: { type: 'string' },
		'target-time': { type: 'string' },
		backup: { type: 'string' },
		keep: { type: 'string' },
		'keep-running': { type: 'boolean', default: false },
	},
})
const [command] = positionals
const dir = values.dir
if (!command || !dir) {
	console.error(USAGE)
	process.exit(2)
}

switch (command) {
	case 'settings': {
		for (const [name, value] of Object.entries(walArchiveSettings(dir)))
			console.log(`${name} = '${value.replace(/'/g, "''")}'`)
		console.log("wal_level = 'replica'")
		break
	}
	case 'base': {
		const url = requireDirectDatabaseUrl(parseEnv())
		const backup = await takeBaseBackup({ url, backupsDir: dir })
		console.log(`Base backup ${backup.stamp} in ${backup.dir}, verified (first WAL segment ${backup.startWal}).`)
		break
	}
	case 'list': {
		for (const b of listBaseBackups(dir)) console.log(`${b.stamp}  finished ${b.finishedAt}  from WAL ${b.startWal}`)
		break
	}
	case 'restore': {
		const port = Number(values.port)
		if (!values.to || !Number.isInteger(port) || port <= 0) {
			console.error(USAGE)
			process.exit(2)
		}
		const targetTime = values['target-time']
		const target = targetTime ? new Date(targetTime) : undefined
		if (target && Number.isNaN(target.getTime())) {
			console.error(`Not a timestamp: ${targetTime} (write it as 2026-12-06 14:05:00+00)`)
			process.exit(2)
		}
		const backup = values.backup
			? listBaseBackups(dir).find((b) => b.stamp === values.backup)
			: chooseBaseBackup(dir, target)
		if (!backup) {
			console.error(`No base backup ${values.backup} in ${dir}/base`)
			process.exit(1)
		}
		// The restored server has the backed-up server's roles: watch it as the same role.
		const { username, password } = new URL(requireDirectDatabaseUrl(parseEnv()))
		console.log(`Restoring ${backup.stamp} into ${values.to}${targetTime ? `, up to ${targetTime}` : ''}…`)
		const server = await restoreBackup({
			backup,
			backupsDir: dir,
			dataDir: values.to,
			port,
			targetTime,
			credentials: { user: decodeURIComponent(username), password: decodeURIComponent(password) },
			log: (line) => {
				if (/recovery|restored log file|redo|timeline|consistent/i.test(line)) console.log(`  ${line}`)
			},
		})
		console.log(`Recovered and promoted: ${values.to} on port ${port}.`)
		if (values['keep-running']) {
			console.log('Left running; Ctrl-C stops it.')
			process.on('SIGINT', () => void server.stop().then(() => process.exit(0)))
		} else {
			await server.stop()
			console.log('Stopped cleanly. Start it as the new primary (docs/scaling.md, "Restore").')
		}
		break
	}
	case 'prune': {
		const keep = Number(values.keep)
		const removed = await pruneBackups({ backupsDir: dir, keep })
		console.log(
			`Removed ${removed.backups.length} base backup(s)${removed.backups.length ? ` (${removed.backups.join(', ')})` : ''} and ${removed.walSegments.length} WAL file(s).`,
		)
		break
	}
	default:
		console.error(USAGE)
		process.exit(2)
}
