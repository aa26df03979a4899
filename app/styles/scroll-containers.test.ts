import fs from 'node:fs'
import path from 'node:path'
import { expect, test } from 'vitest'

const appDir = path.resolve(import.meta.dirname, '..')

function sourceFiles(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name)
		if (entry.isDirectory()) return sourceFiles(full)
		return /\.tsx$/.test(entry.name) && !/\.test\.tsx$/.test(entry.name) ? [full] : []
	})
}

// Visually hidden text (Tailwind's sr-only) is position: absolute. Inside a horizontally scrolling
// wrapper that is not itself positioned, its containing block is some ancestor outside the
// scroller, so the scroller does not clip it and a wide table's hidden captions and link text
// stretch the whole page sideways on a phone. Every such wrapper is positioned.
test('every horizontally scrolling container is positioned, so hidden text inside it cannot widen the page', () => {
	const offenders: string[] = []
	for (const file of sourceFiles(appDir)) {
		const source = fs.readFileSync(file, 'utf8')
		for (const match of source.matchAll(/className=(?:"([^"]*)"|\{`([^`]*)`\})/g)) {
			const classes = (match[1] ?? match[2] ?? '').split(/\s+/)
			const scrolls = classes.some((c) => /^([a-z0-9]+:)?overflow-(x-)?(auto|scroll)$/.test(c))
			const positioned = classes.some((c) => /^([a-z0-9]+:)?(relative|sticky|absolute|fixed)$/.test(c))
			if (scrolls && !positioned) {
				const line = source.slice(0, match.index).split('\n').length
				offenders.push(`${path.relative(appDir, file)}:${line}`)
			}
		}
	}
	expect(offenders).toEqual([])
})
