import { HAPROXY_INSTALL } from './haproxy.ts'
import { PGBOUNCER_INSTALL } from './pgbouncer.ts'
import { findPostgresBinDir, POSTGRES_INSTALL } from './postgres.ts'
import { findBinary } from './processes.ts'

type Package = 'pgbouncer' | 'haproxy' | 'postgresql'

const INSTALLED: Record<Package, { installed: () => boolean; install: string }> = {
	pgbouncer: { installed: () => findBinary('pgbouncer') !== null, install: PGBOUNCER_INSTALL },
	haproxy: { installed: () => findBinary('haproxy') !== null, install: HAPROXY_INSTALL },
	postgresql: {
		installed: () => {
			try {
				findPostgresBinDir()
				return true
			} catch {
				return false
			}
		},
		install: POSTGRES_INSTALL,
	},
}

/**
 * The `apt-get` lines for the operating-system packages among `packages` that are not installed
 * (.ci/run installs them all). Suites that start real servers skip with these lines in their name
 * on a machine without them, instead of failing for a reason nobody chose.
 */
export function missingPackages(packages: Package[] = ['pgbouncer', 'haproxy', 'postgresql']): string[] {
	return packages.filter((name) => !INSTALLED[name].installed()).map((name) => INSTALLED[name].install)
}

/** The suffix a suite's name gets when it is skipped for `missing` packages ('' when none is). */
export function skippedFor(missing: string[]) {
	return missing.length ? ` (skipped: not installed here; ${missing.join(' && ')})` : ''
}
