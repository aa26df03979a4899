// Finds every error message Circle can show a person, in the source (ADR 0045): the messages of
// DomainErrors thrown in modules/, and the custom messages of zod schemas in modules/ and app/.
// tests/lint/error-messages.test.ts fails when one has no Welsh in the `errors` namespace;
// `npx tsx scripts/error-messages.ts` lists the ones missing from the catalogue.
import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'

export type FoundMessage = {
	/** The English as written; `${…}` parts of a template become `{{value}}` placeholders. */
	text: string
	/** Whether the text has parts computed at run time. */
	interpolated: boolean
	file: string
	line: number
	kind: 'domain' | 'validation'
	/** A domain error's code, when written as a literal beside the message. */
	code?: string
}

// zod methods whose string arguments (after the first, which is a limit or a pattern) are messages.
const LIMIT_THEN_MESSAGE = new Set([
	'min',
	'max',
	'length',
	'gte',
	'lte',
	'gt',
	'lt',
	'regex',
	'refine',
	'superRefine',
	'startsWith',
	'endsWith',
	'includes',
	'multipleOf',
	'step',
	'check',
])
// zod methods whose first string argument is the message.
const MESSAGE_FIRST = new Set([
	'email',
	'url',
	'uuid',
	'cuid',
	'nonempty',
	'int',
	'positive',
	'negative',
	'nonnegative',
	'nonpositive',
	'finite',
	'safe',
	'datetime',
	'iso',
])
// Calls whose object-literal argument may carry `message` / `error` (zod's params, addIssue).
const PARAMS_CALLS = new Set([
	...LIMIT_THEN_MESSAGE,
	...MESSAGE_FIRST,
	'addIssue',
	'push',
	'singleLineText',
	'multilineText',
])

/** The identifier a call chain starts from: `z` for `z.coerce.number(…)`. */
function rootName(node: ts.Expression): string {
	if (ts.isIdentifier(node)) return node.text
	if (ts.isPropertyAccessExpression(node) || ts.isCallExpression(node)) return rootName(node.expression)
	return ''
}

// Messages no person reads in Circle's pages: operators' settings, SCIM's and webhooks' machine
// clients, and the mailer's own guards.
const NOT_FOR_PEOPLE = [
	/^modules\/env\//,
	// The course import and export command lines (scripts/course-import.ts); the studio's SCORM export is for people.
	/^modules\/course-io\/(format|import-course|export-course)\.ts$/,
	/^modules\/scim\//,
	/handle-[\w-]+-webhook\.ts$/,
	/^modules\/mail\/send-email\.ts$/,
]

function walk(dir: string, out: string[] = []) {
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		if (entry.name === 'node_modules' || entry.name === 'generated' || entry.name.startsWith('.')) continue
		const full = path.join(dir, entry.name)
		if (entry.isDirectory()) walk(full, out)
		else if (/\.tsx?$/.test(entry.name) && !/\.(test|spec)\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
			out.push(full)
	}
	return out
}

/** A string literal or template as catalogue text, or null when `node` is neither. */
function textOf(node: ts.Node): { text: string; interpolated: boolean } | null {
	if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
		return { text: node.text, interpolated: false }
	if (ts.isTemplateExpression(node)) {
		let text = node.head.text
		const used = new Map<string, number>()
		for (const span of node.templateSpans) {
			// Named after what is interpolated (`${limit}` → {{limit}}), for the catalogue's English.
			const expression = span.expression
			const base = ts.isIdentifier(expression)
				? expression.text
				: ts.isPropertyAccessExpression(expression)
					? expression.name.text
					: 'value'
			const seen = (used.get(base) ?? 0) + 1
			used.set(base, seen)
			text += `{{${seen === 1 ? base : `${base}${seen}`}}}${span.literal.text}`
		}
		return { text, interpolated: true }
	}
	if (ts.isParenthesizedExpression(node)) return textOf(node.expression)
	return null
}

function calleeName(call: ts.CallExpression | ts.NewExpression) {
	const callee = call.expression
	if (ts.isIdentifier(callee)) return callee.text
	if (ts.isPropertyAccessExpression(callee)) return callee.name.text
	return ''
}

/** The DomainError subclasses declared in modules (`class XError extends DomainError`). */
function domainErrorClasses(files: string[]) {
	const names = new Set(['DomainError'])
	for (const file of files) {
		for (const match of fs.readFileSync(file, 'utf8').matchAll(/class (\w+) extends DomainError\b/g))
			names.add(match[1]!)
	}
	return names
}

/** Every user-facing error message in modules/ and app/ (the project's root is `root`). */
export function findErrorMessages(root = process.cwd()): FoundMessage[] {
	const moduleFiles = walk(path.join(root, 'modules'))
	const appFiles = walk(path.join(root, 'app'))
	const errorClasses = domainErrorClasses(
		moduleFiles.filter((f) => f.endsWith('errors.ts') || f.endsWith('domain-error.ts')),
	)
	const found: FoundMessage[] = []

	for (const file of [...moduleFiles, ...appFiles]) {
		const rel = path.relative(root, file)
		if (NOT_FOR_PEOPLE.some((pattern) => pattern.test(rel))) continue
		const source = fs.readFileSync(file, 'utf8')
		const usesZod = /from 'zod(\/v4)?'|#modules\/validation\/text\.ts/.test(source)
		const inModules = file.startsWith(path.join(root, 'modules'))
		if (!usesZod && !inModules) continue
		const sf = ts.createSourceFile(
			file,
			source,
			ts.ScriptTarget.Latest,
			true,
			file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
		)
		// Messages kept in a module-level constant, and helpers that pass a `message` parameter on
		// (`function invalid(message: string) { return new XError(…, message) }`, zod's `required(message)`):
		// the literals their callers in the same file pass are the messages.
		const constants = new Map<string, ts.Expression>()
		for (const statement of sf.statements) {
			if (!ts.isVariableStatement(statement)) continue
			for (const declaration of statement.declarationList.declarations) {
				if (ts.isIdentifier(declaration.name) && declaration.initializer && textOf(declaration.initializer))
					constants.set(declaration.name.text, declaration.initializer)
			}
		}
		const relays = new Map<string, { index: number; kind: FoundMessage['kind'] }>()
		const relay = (identifier: ts.Identifier, kind: FoundMessage['kind']) => {
			for (let scope: ts.Node | undefined = identifier.parent; scope; scope = scope.parent) {
				if (!ts.isFunctionLike(scope)) continue
				const index = scope.parameters.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === identifier.text)
				if (index < 0) continue
				const name =
					scope.name && ts.isIdentifier(scope.name)
						? scope.name.text
						: ts.isVariableDeclaration(scope.parent) && ts.isIdentifier(scope.parent.name)
							? scope.parent.name.text
							: null
				if (name) relays.set(name, { index, kind })
				return
			}
		}
		const add = (node: ts.Node, kind: FoundMessage['kind'], code?: string): void => {
			if (ts.isArrowFunction(node) && !ts.isBlock(node.body)) return add(node.body, kind, code)
			if (ts.isParenthesizedExpression(node)) return add(node.expression, kind, code)
			if (ts.isConditionalExpression(node)) {
				add(node.whenTrue, kind, code)
				return add(node.whenFalse, kind, code)
			}
			if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken) {
				add(node.left, kind, code)
				return add(node.right, kind, code)
			}
			if (ts.isIdentifier(node)) {
				const constant = constants.get(node.text)
				return constant ? add(constant, kind, code) : relay(node, kind)
			}
			const one = textOf(node)
			if (!one || !one.text.trim()) return
			const line = sf.getLineAndCharacterOfPosition(node.getStart()).line + 1
			found.push({ ...one, file: rel, line, kind, ...(code ? { code } : {}) })
		}
		const relayCalls: ts.CallExpression[] = []
		const visit = (node: ts.Node) => {
			if (inModules && ts.isNewExpression(node) && errorClasses.has(calleeName(node)) && node.arguments?.[2]) {
				const arg = node.arguments[2]
				const codeArg = node.arguments[1]
				const code = codeArg && ts.isStringLiteral(codeArg) ? codeArg.text : undefined
				add(arg, 'domain', code)
			}
			if (ts.isCallExpression(node)) relayCalls.push(node)
			// zod's `error` option as a function (`{ error: (issue) => (issue.input === undefined ? '…' : undefined) }`).
			if (
				usesZod &&
				ts.isPropertyAssignment(node) &&
				ts.isIdentifier(node.name) &&
				node.name.text === 'error' &&
				ts.isArrowFunction(node.initializer)
			)
				add(node.initializer, 'validation')
			if (usesZod && ts.isCallExpression(node)) {
				const name = calleeName(node)
				node.arguments.forEach((arg, index) => {
					if (LIMIT_THEN_MESSAGE.has(name) && index >= 1) add(arg, 'validation')
					if (MESSAGE_FIRST.has(name) && index === 0) add(arg, 'validation')
					const isParamsCall = PARAMS_CALLS.has(name) || rootName(node.expression) === 'z'
					if (isParamsCall && ts.isObjectLiteralExpression(arg)) {
						for (const property of arg.properties) {
							if (
								ts.isPropertyAssignment(property) &&
								ts.isIdentifier(property.name) &&
								(property.name.text === 'message' || property.name.text === 'error')
							)
								add(property.initializer, 'validation')
						}
					}
				})
			}
			// Shared messages kept in a constant (CONTROL_CHARACTER_MESSAGE).
			if (
				(usesZod || inModules) &&
				ts.isVariableDeclaration(node) &&
				ts.isIdentifier(node.name) &&
				/MESSAGE$/.test(node.name.text) &&
				node.initializer
			)
				add(node.initializer, 'validation')
			ts.forEachChild(node, visit)
		}
		visit(sf)
		for (const call of relayCalls) {
			const found = relays.get(calleeName(call))
			const arg = found && call.arguments[found.index]
			if (found && arg && !ts.isIdentifier(arg)) add(arg, found.kind)
		}
	}
	return found
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
	const { compileErrorCatalogue } = await import('../modules/i18n/error-messages.ts')
	const { default: english } = await import('../modules/i18n/locales/en/errors.json', { with: { type: 'json' } })
	const catalogue = compileErrorCatalogue(english)
	const missing = findErrorMessages().filter((m) => !catalogue.matchTemplate(m.text))
	for (const m of missing) console.log(`${m.file}:${m.line}\t${m.kind}\t${m.text}`)
	console.log(`${missing.length} message(s) without an entry in modules/i18n/locales/en/errors.json`)
}
