/**
 * CPU time of a local PostgreSQL server (its postmaster and every backend), read from /proc: so
 * that the bench can say what a request costs the database as well as the app, and moving work
 * from Node into SQL does not pass for a saving. Linux only; null elsewhere, or when the database
 * is not the local one in `dataDir` (e.g. DATABASE_URL points at another server).
 */
import fs from 'node:fs'
import path from 'node:path'

const TICKS_PER_SECOND = 100 // USER_HZ: 100 on every Linux architecture Node supports

function statFields(pid: number): string[] | null {
	try {
		const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
		// The command name (field 2) may hold spaces: the fields after it start after the last ')'.
		return stat.slice(stat.lastIndexOf(')') + 2).split(' ')
	} catch {
		return null
	}
}

/** A reader of the server's CPU milliseconds so far, or null if it cannot be measured. */
export function postgresCpuReader(dataDir: string, databaseUrl: string): (() => number) | null {
	let postmaster: number
	try {
		const [pid, , , port] = fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')
		if (port?.trim() !== new URL(databaseUrl).port) return null
		postmaster = Number(pid)
	} catch {
		return null
	}
	if (!statFields(postmaster)) return null
	return () => {
		let ticks = 0
		for (const entry of fs.readdirSync('/proc')) {
			if (!/^\d+$/.test(entry)) continue
			const pid = Number(entry)
			const f = statFields(pid)
			// After the name: [0] state, [1] ppid, …, [11] utime, [12] stime, [13] cutime, [14] cstime.
			if (!f) continue
			if (pid === postmaster) ticks += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])
			else if (Number(f[1]) === postmaster) ticks += Number(f[11]) + Number(f[12])
		}
		return (ticks * 1000) / TICKS_PER_SECOND
	}
}
