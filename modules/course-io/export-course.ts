import fs from 'node:fs/promises'
import path from 'node:path'
import { stringify } from 'yaml'
import { loadVersionTree, type TreeLesson } from '#modules/authoring/content.ts'
import { slugify } from '#modules/authoring/schemas.ts'
import { prisma } from '#modules/db/client.ts'
import { CourseIoError } from '#modules/course-io/errors.ts'
import { COURSE_FILE, MODULE_FILE, MODULES_DIR } from './format.ts'

// Literal blocks (|) keep Markdown in multi-line fields readable and exactly as written.
const YAML_OPTIONS = { lineWidth: 100, minContentWidth: 40, blockQuote: 'literal' } as const

function toYaml(value: Record<string, unknown>) {
	// Absent is null: leave empty fields out so the files stay short.
	const clean = Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined))
	return stringify(clean, YAML_OPTIONS)
}

/** A module folder's name: the title's slug, cut at a word boundary to keep paths short. */
function shortName(title: string) {
	const slug = slugify(title)
	if (slug.length <= 40) return slug || 'module'
	const cut = slug.slice(0, 41)
	return cut.slice(0, cut.lastIndexOf('-') > 10 ? cut.lastIndexOf('-') : 40)
}

function pad(n: number) {
	return String(n + 1).padStart(2, '0')
}

/** A Markdown file with YAML front matter; the body is kept exactly (one newline is added at the end). */
export function frontMatterFile(meta: Record<string, unknown>, body: string | null) {
	const head = `---\n${toYaml(meta)}---\n`
	return body === null ? head : `${head}\n${body}\n`
}

function lessonFile(lesson: TreeLesson) {
	const meta = {
		kind: lesson.kind,
		key: lesson.key,
		title: lesson.title,
		required: lesson.required,
		estimatedMinutes: lesson.estimatedMinutes,
	}
	if (lesson.kind === 'QUIZ') {
		return {
			ext: 'yaml',
			text: toYaml({
				...meta,
				passMark: lesson.passMark,
				// Written even when empty: "unlimited" is a choice, not a forgotten field.
				maxAttempts: lesson.maxAttempts ?? 'unlimited',
				questions: lesson.questions.map((q) =>
					Object.fromEntries(
						Object.entries({
							kind: q.kind,
							prompt: q.prompt,
							guidance: q.guidance,
							explanation: q.explanation,
							scaleMin: q.scaleMin,
							scaleMax: q.scaleMax,
							scaleMinLabel: q.scaleMinLabel,
							scaleMaxLabel: q.scaleMaxLabel,
							options: q.options.length
								? q.options.map((o) =>
										o.feedback
											? { text: o.text, correct: o.isCorrect, feedback: o.feedback }
											: { text: o.text, correct: o.isCorrect },
									)
								: null,
						}).filter(([, v]) => v !== null),
					),
				),
			}),
		}
	}
	if (lesson.kind === 'VIDEO') {
		return {
			ext: 'md',
			text: frontMatterFile(
				{
					...meta,
					videoPlaybackId: lesson.videoPlaybackId,
					videoSourceUrl: lesson.videoSourceUrl,
					videoDurationSeconds: lesson.videoDurationSeconds,
					captionsUrl: lesson.captionsUrl,
				},
				lesson.transcript,
			),
		}
	}
	return { ext: 'md', text: frontMatterFile(meta, lesson.markdown ?? '') }
}

/**
 * Writes one version of a course (by id or slug; `versionNumber`, else the newest) to `dir` as a
 * folder of YAML and Markdown files that a person can read, edit and put under version control,
 * and that importCourse reads back to the same course. `dir` must be empty or not exist yet, so an
 * export never overwrites anything. Returns what was written.
 */
export async function exportCourse({
	course: idOrSlug,
	dir,
	versionNumber,
}: {
	course: string
	dir: string
	versionNumber?: number
}) {
	const course = await prisma.course.findFirst({
		where: { OR: [{ id: idOrSlug }, { slug: idOrSlug }] },
		select: {
			id: true,
			slug: true,
			pricePence: true,
			sectors: true,
			versions: {
				orderBy: { number: 'desc' },
				select: {
					id: true,
					number: true,
					status: true,
					title: true,
					summary: true,
					description: true,
					cpdMinutes: true,
					outcomes: true,
					sequential: true,
				},
			},
		},
	})
	if (!course)
		throw new CourseIoError('not_found', 'COURSE_NOT_FOUND', `There is no course with the id or slug “${idOrSlug}”.`)
	const version = versionNumber == null ? course.versions[0] : course.versions.find((v) => v.number === versionNumber)
	if (!version) throw new CourseIoError('not_found', 'VERSION_NOT_FOUND', `The course has no version ${versionNumber}.`)

	const existing = await fs.readdir(dir).catch((error: NodeJS.ErrnoException) => {
		if (error.code === 'ENOENT') return []
		throw error
	})
	if (existing.length > 0)
		throw new CourseIoError('conflict', 'NOT_EMPTY', `${dir} is not empty: export into a new or empty folder.`)

	const tree = await loadVersionTree(prisma, version.id)
	const files: Array<{ file: string; text: string }> = [
		{
			file: COURSE_FILE,
			text: toYaml({
				title: version.title,
				slug: course.slug,
				summary: version.summary,
				description: version.description || null,
				sectors: course.sectors,
				cpdMinutes: version.cpdMinutes,
				price: course.pricePence / 100,
				outcomes: version.outcomes,
				sequential: version.sequential,
			}),
		},
	]
	tree.forEach((mod, m) => {
		const folder = `${MODULES_DIR}/${pad(m)}-${shortName(mod.title)}`
		files.push({ file: `${folder}/${MODULE_FILE}`, text: toYaml({ title: mod.title, summary: mod.summary || null }) })
		mod.lessons.forEach((lesson, l) => {
			const { ext, text } = lessonFile(lesson)
			files.push({ file: `${folder}/${pad(l)}-${lesson.key.replace(/[^A-Za-z0-9_-]/g, '-')}.${ext}`, text })
		})
	})
	for (const { file, text } of files) {
		const target = path.join(dir, ...file.split('/'))
		await fs.mkdir(path.dirname(target), { recursive: true })
		await fs.writeFile(target, text, 'utf8')
	}
	return { slug: course.slug, versionNumber: version.number, status: version.status, files: files.map((f) => f.file) }
}
