// YAML read with positions, so every problem found in a course folder can name its file and line.
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml'
import { type z } from 'zod'

export type SourceProblem = { file: string; line: number; message: string }

/** "modules/02-repair/03-quiz.yaml:14: the pass mark must be 100 or less" */
export function formatProblem(p: SourceProblem) {
	return `${p.file}:${p.line}: ${p.message}`
}

export class YamlSource {
	readonly file: string
	readonly doc: Document
	private readonly lines: LineCounter
	/** Lines before the YAML starts in the file (the `---` of Markdown front matter). */
	private readonly lineOffset: number

	constructor({ file, text, lineOffset = 0 }: { file: string; text: string; lineOffset?: number }) {
		this.file = file
		this.lines = new LineCounter()
		this.lineOffset = lineOffset
		this.doc = parseDocument(text, { lineCounter: this.lines, prettyErrors: false, uniqueKeys: true })
	}

	/** YAML syntax errors (bad indentation, duplicate keys, …), each with its line. */
	syntaxProblems(): SourceProblem[] {
		return this.doc.errors.map((error) => ({
			file: this.file,
			line: (error.linePos?.[0]?.line ?? 1) + this.lineOffset,
			message: error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''),
		}))
	}

	value(): unknown {
		return this.doc.toJS()
	}

	/** The line of the value at `path` (or of the nearest enclosing value that exists). */
	lineOf(path: ReadonlyArray<PropertyKey>, unknownKey?: string): number {
		const segments = path.map((s) => (typeof s === 'symbol' ? String(s) : s)) as Array<string | number>
		if (unknownKey !== undefined) {
			const parent = segments.length ? this.doc.getIn(segments, true) : this.doc.contents
			if (isMap(parent)) {
				const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === unknownKey)
				const range = isScalar(pair?.key) ? pair.key.range : undefined
				if (range) return this.lineAt(range[0])
			}
		}
		for (let n = segments.length; n > 0; n--) {
			const node = this.doc.getIn(segments.slice(0, n), true) as { range?: [number, number, number] } | undefined
			if (node?.range) return this.lineAt(node.range[0])
		}
		const root = this.doc.contents as { range?: [number, number, number] } | null
		return root?.range ? this.lineAt(root.range[0]) : 1 + this.lineOffset
	}

	private lineAt(offset: number) {
		return this.lines.linePos(offset).line + this.lineOffset
	}

	/** A zod error as problems, each at the line of the value it is about. */
	zodProblems(error: z.ZodError, { prefix = [] }: { prefix?: Array<string | number> } = {}): SourceProblem[] {
		return error.issues.map((issue) => {
			const path = [...prefix, ...issue.path] as Array<string | number>
			if (issue.code === 'unrecognized_keys') {
				const key = issue.keys[0]!
				return { file: this.file, line: this.lineOf(path, key), message: `unknown field “${key}”` }
			}
			// zod's own wording ("Invalid input: …") does not say which field; Circle's messages do.
			const generic = /^Invalid|^Too (big|small)/.test(issue.message) && issue.path.length > 0
			const message = generic ? `${issue.path.join('.')}: ${lowerFirst(issue.message)}` : lowerFirst(issue.message)
			return { file: this.file, line: this.lineOf(path), message }
		})
	}
}

function lowerFirst(message: string) {
	return /^[A-Z][a-z]/.test(message) ? message[0]!.toLowerCase() + message.slice(1) : message
}
