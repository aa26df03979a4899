/**
 * `npm run course:export -- <course slug or id> <folder> [--version N]`: writes a course version
 * (the newest unless --version is given) as YAML and Markdown files (docs/decisions/0013).
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import { runWithDatabase } from '#modules/course-io/cli.ts'

const { positionals, values } = parseArgs({ allowPositionals: true, options: { version: { type: 'string' } } })
const [course, dir] = positionals
const versionNumber = values.version === undefined ? undefined : Number(values.version)
if (
	!course ||
	!dir ||
	positionals.length > 2 ||
	(versionNumber !== undefined && !(Number.isInteger(versionNumber) && versionNumber > 0))
) {
	console.error('Usage: npm run course:export -- <course slug or id> <folder> [--version N]')
	process.exit(2)
}

await runWithDatabase(async () => {
	const { exportCourse } = await import('#modules/course-io/export-course.ts')
	const result = await exportCourse({ course, dir: path.resolve(dir), versionNumber })
	console.log(
		`Exported ${result.slug} version ${result.versionNumber} (${result.status.toLowerCase()}): ${result.files.length} files in ${path.resolve(dir)}`,
	)
})
