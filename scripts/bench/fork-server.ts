/**
 * Starts scripts/bench/server.ts (the real app from the production build, in a process of its own
 * so that its CPU time is its own) and returns `ask`, which sends it one request over IPC and
 * resolves with its answer. Every bench that serves the app uses it (index.ts, scale.ts,
 * capacity.ts, lighthouse.ts).
 *
 * The server runs as production runs it (ADR 0054): compiled to JavaScript with esbuild (as
 * scripts/build.ts compiles the HTTP worker; 0.3 s) into build/bench/server.js and started with
 * plain Node, not through tsx, whose loader transforms the 3.6 MB server build it imports and keeps
 * its source maps: more memory and CPU than production spends, in the very process being measured.
 */
import { fork } from 'node:child_process'
import path from 'node:path'
import { build } from 'esbuild'
import { SERVER_BUNDLE_OPTIONS } from '../build-stamp.ts'
import type { ServerRequest } from './server.ts'

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never

const root = path.resolve(import.meta.dirname, '../..')
const buildDir = path.join(root, 'build')

/** Compiles server.ts (with what it imports from app/ and modules/) to build/bench/server.js. */
export async function compileBenchServer() {
	const outfile = path.join(buildDir, 'bench/server.js')
	await build({
		entryPoints: [path.join(import.meta.dirname, 'server.ts')],
		outfile,
		...SERVER_BUNDLE_OPTIONS,
	})
	return outfile
}

/**
 * `wrap` starts Node under another program (callgrind, instructions.ts): `wrap(nodeArgs)` gives the
 * program and the arguments before the server's file.
 */
export async function forkBenchServer(
	env: Record<string, string>,
	wrap?: (nodeArgs: string[]) => { execPath: string; execArgv: string[] },
) {
	const nodeArgs = ['--expose-gc']
	const child = fork(await compileBenchServer(), [buildDir], {
		...(wrap ? wrap(nodeArgs) : { execArgv: nodeArgs }),
		// The app's own process inherits the environment, with the bench's changes on top.
		// eslint-disable-next-line no-restricted-properties -- passed on, not read
		env: { ...process.env, NODE_ENV: 'production', RUN_WORKER: 'false', ...env },
		stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
	})
	process.on('exit', () => child.kill())
	const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>()
	let nextId = 1
	await new Promise<void>((resolve, reject) => {
		child.on('message', (m: { id: number; value?: unknown; error?: string }) => {
			if (m.id === 0) return resolve()
			const p = pending.get(m.id)
			pending.delete(m.id)
			if (m.error) p?.reject(new Error(m.error))
			else p?.resolve(m.value)
		})
		child.once('exit', (code) => reject(new Error(`The bench server exited (${code})`)))
	})
	const ask = <T>(message: WithoutId<ServerRequest>) =>
		new Promise<T>((resolve, reject) => {
			const id = nextId++
			pending.set(id, { resolve: resolve as (v: unknown) => void, reject })
			child.send({ ...message, id })
		})
	return { child, ask }
}
