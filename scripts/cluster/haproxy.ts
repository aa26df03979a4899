import fs from 'node:fs'
import path from 'node:path'
import { findBinary, keepRecentLines, spawnChild, stopChild, waitForPort } from './processes.ts'

export const HAPROXY_INSTALL = 'apt-get install -y haproxy'

/**
 * Starts HAProxy from the operating system's package in the foreground (`-db`), balancing HTTP on
 * 127.0.0.1:`port` round-robin over `backends` (127.0.0.1 ports). Each backend is health-checked on
 * `healthPath` every second and taken out after two failures, so a dead app process stops getting
 * requests. Resolves once HAProxy listens; throws with the install line when the binary is missing.
 */
export async function startHaproxy({
	dir,
	port,
	backends,
	healthPath = '/resources/healthcheck',
	log,
}: {
	dir: string
	port: number
	backends: number[]
	healthPath?: string
	log?: (line: string) => void
}) {
	const binary = findBinary('haproxy')
	if (!binary) {
		throw new Error(
			`HAProxy is not installed (no haproxy binary on PATH or in /usr/sbin). Install it: ${HAPROXY_INSTALL}`,
		)
	}
	fs.mkdirSync(dir, { recursive: true })
	const config = path.join(dir, 'haproxy.cfg')
	fs.writeFileSync(
		config,
		[
			'global',
			'  maxconn 2000',
			'defaults',
			'  mode http',
			'  timeout connect 5s',
			'  timeout client 60s',
			'  timeout server 60s',
			// A request whose connection to one app process failed is sent to another.
			'  retries 2',
			'  option redispatch',
			'frontend circle',
			`  bind 127.0.0.1:${port}`,
			// Circle reads the client's address from X-Forwarded-For (TRUST_PROXY=1) for its throttles.
			'  option forwardfor',
			'  default_backend app',
			'backend app',
			'  balance roundrobin',
			// HTTP/1.1 with a Host header: the app answers a bare HTTP/1.0 check without one with a 500.
			'  option httpchk',
			`  http-check send meth GET uri ${healthPath} ver HTTP/1.1 hdr Host localhost`,
			'  http-check expect status 200',
			...backends.map((p, i) => `  server app${i + 1} 127.0.0.1:${p} check inter 1s fall 2 rise 1`),
			'',
		].join('\n'),
	)
	const child = spawnChild(binary, ['-db', '-f', config], { stdio: ['ignore', 'pipe', 'pipe'] })
	const recent = keepRecentLines(child, log)
	try {
		await waitForPort(port, { child, what: 'HAProxy' })
	} catch (error) {
		await stopChild(child, { signal: 'SIGKILL' })
		throw new Error(`${(error as Error).message}. HAProxy said:\n${recent.join('\n')}`)
	}
	return {
		port,
		url: `http://127.0.0.1:${port}`,
		process: child,
		// SIGUSR1 is HAProxy's soft stop (finish what is in flight); SIGTERM after the grace period.
		stop: () => stopChild(child, { signal: 'SIGUSR1', graceMs: 5_000 }),
	}
}
