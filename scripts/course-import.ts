/**
 * `npm run course:import -- <folder> [--owner email] [--replace-draft]`: checks every file of a
 * course folder (problems are listed as file:line) and imports it in one transaction, as a new
 * draft course (owned by --owner) or a new draft version of the course with the same slug.
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import { runWithDatabase } from '#modules/course-io/cli.ts'

const { positionals, values } = parseArgs({
	allowPositionals: true,
	options: { owner: { type: 'string' }, 'replace-draft': { type: 'boolean', default: false } },
})
const [dir] = positionals
if (!dir || positionals.length > 1) {
	console.error('Usage: npm run course:import -- <folder> [--owner trainer@example.org] [--replace-draft]')
	process.exit(2)
}

await runWithDatabase(async () => {
	const { importCourse } = await import('#modules/course-io/import-course.ts')
	const result = await importCourse({
		dir: path.resolve(dir),
		ownerEmail: values.owner,
		replaceDraft: values['replace-draft'],
	})
	const what = result.created
		? 'a new course'
		: result.replacedDraft
			? 'its existing draft (replaced)'
			: 'a new draft version'
	console.log(
		`Imported ${result.slug} as ${what}: version ${result.versionNumber}, ${result.modules} modules, ${result.lessons} lessons. Nothing is published: review it in the studio at /studio/courses/${result.courseId}`,
	)
	for (const note of result.notes) console.log(`Note: ${note}`)
})
