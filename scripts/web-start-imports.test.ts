import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { describe, expect, test } from 'vitest'

/**
 * What an HTTP worker loads when it starts: the server build imports every route module (and
 * root.tsx, entry.server.tsx) at once, with whatever they import statically; `import type` and
 * `await import()` load nothing then. PDFKit, email rendering and the job worker are loaded on first
 * use only (ADR 0054): each would cost every web process tens of MB it mostly never needs. So are
 * ExcelJS, archiver, Stripe's and Mux's SDKs, SimpleWebAuthn, qrcode and ics: together about 40% of an
 * HTTP worker's start-up time before they were (docs/performance.md, lane 4, 7 December).
 */
const root = path.resolve(import.meta.dirname, '..')

const NOT_AT_START = [
	'pdfkit',
	'fontkit',
	// Each of these with its own dependencies: 100-900 ms of every worker's start on a quiet machine.
	'exceljs',
	'archiver',
	'stripe',
	'@simplewebauthn/server',
	'@simplewebauthn/server/helpers',
	'@mux/mux-node',
	'qrcode',
	'ics',
	'modules/compliance/xlsx-writer.ts',
	'@react-email/components',
	'@react-email/render',
	'modules/mail/render-email.ts',
	'modules/mail/templates.ts',
	'modules/jobs/worker.ts',
	'modules/jobs/handlers.ts',
]

const ALIASES: Record<string, string> = {
	'#app/': 'app/',
	'#modules/': 'modules/',
	'#emails/': 'emails/',
	'#prisma/': 'prisma/',
}

/** The specifiers `file` imports when it is evaluated: static imports and re-exports, not types. */
function staticImports(file: string): string[] {
	const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false)
	const found: string[] = []
	for (const statement of source.statements) {
		if (ts.isImportDeclaration(statement)) {
			const clause = statement.importClause
			if (clause?.isTypeOnly) continue
			// `import { type A, type B } from 'x'` with verbatimModuleSyntax still loads 'x' at run time,
			// so only a clause made of types alone (and no default import) is skipped.
			const named = clause?.namedBindings
			const onlyTypes =
				clause &&
				!clause.name &&
				named &&
				ts.isNamedImports(named) &&
				named.elements.length > 0 &&
				named.elements.every((e) => e.isTypeOnly)
			if (onlyTypes) continue
			found.push((statement.moduleSpecifier as ts.StringLiteral).text)
		} else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
			found.push((statement.moduleSpecifier as ts.StringLiteral).text)
		}
	}
	return found
}

/** A specifier as a file under `root` (relative to it), or the package name for node_modules. */
function resolve(specifier: string, from: string): string {
	const alias = Object.keys(ALIASES).find((a) => specifier.startsWith(a))
	if (alias) return ALIASES[alias] + specifier.slice(alias.length)
	if (specifier.startsWith('.'))
		return path.relative(root, path.resolve(path.dirname(path.join(root, from)), specifier))
	return specifier
}

/** Every module reached from `entries` through imports that run at start-up. */
function loadedAtStart(entries: string[]) {
	const seen = new Set<string>()
	const queue = [...entries]
	while (queue.length) {
		const file = queue.shift()!
		if (seen.has(file)) continue
		seen.add(file)
		if (!/\.(ts|tsx)$/.test(file) || !fs.existsSync(path.join(root, file))) continue
		for (const specifier of staticImports(path.join(root, file))) queue.push(resolve(specifier, file))
	}
	return seen
}

function serverBuildEntries() {
	const routes = fs
		.readdirSync(path.join(root, 'app/routes'), { recursive: true, encoding: 'utf8' })
		.filter((f) => /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f))
		.map((f) => `app/routes/${f}`)
	return ['app/root.tsx', 'app/entry.server.tsx', ...routes]
}

describe('the HTTP worker at start-up', () => {
	test('loads no PDFKit, ExcelJS, archiver, Stripe, Mux, SimpleWebAuthn, qrcode, ics, email rendering or job worker (imported on first use)', () => {
		const loaded = loadedAtStart(serverBuildEntries())
		// The walk itself works: it reaches the sending code and the database client through the routes.
		expect(loaded).toContain('modules/mail/send-email.ts')
		expect(loaded).toContain('modules/db/client.ts')
		expect(loaded).toContain('modules/certificates/render-certificate-pdf.ts')
		expect(NOT_AT_START.filter((m) => loaded.has(m))).toEqual([])
	})

	test('the walk follows value imports and skips type-only ones', () => {
		const loaded = loadedAtStart(['modules/mail/send-email.ts'])
		// send-email.ts imports render-email.ts's types statically and the module itself on first use.
		expect(loaded).not.toContain('modules/mail/render-email.ts')
		expect(loadedAtStart(['modules/mail/render-email.ts'])).toContain('@react-email/components')
	})
})
