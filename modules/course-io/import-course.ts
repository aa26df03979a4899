import fs from 'node:fs/promises'
import path from 'node:path'
import { assertCanEditCourse } from '#modules/authoring/access.ts'
import {
	QuizContentSchema,
	RESERVED_SLUGS,
	ReadingContentSchema,
	VideoContentSchema,
} from '#modules/authoring/schemas.ts'
import { type VersionTreeLesson, writeVersionTree } from '#modules/authoring/write-version-tree.ts'
import { type z } from 'zod'
import { Prisma, prisma, type Tx } from '#modules/db/client.ts'
import { CourseIoError } from '#modules/course-io/errors.ts'
import { lockRowById } from '#modules/db/sql.ts'
import {
	COURSE_FILE,
	CourseFileSchema,
	type CourseFile,
	MODULE_FILE,
	MODULES_DIR,
	ModuleFileSchema,
	ORDER_PREFIX,
	PageFrontMatterSchema,
	QuizFileSchema,
} from './format.ts'
import { formatProblem, type SourceProblem, YamlSource } from './yaml-source.ts'

/** Files larger than this are refused unread: a course file is text written by a person. */
const MAX_FILE_BYTES = 1024 * 1024

/** Thrown when a course folder has problems; `problems` lists every one, each with file and line. */
export class CourseImportError extends CourseIoError {
	readonly problems: SourceProblem[]
	constructor(problems: SourceProblem[]) {
		super(
			'invalid',
			'INVALID_COURSE_FOLDER',
			`The course folder has ${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}:\n${problems.map(formatProblem).join('\n')}`,
		)
		this.problems = problems
	}
}

/** A lesson as read from its file: the tree writer's lesson, plus where it came from for problems. */
export type ParsedLesson = VersionTreeLesson & { file: string; keyLine: number }

export type ParsedCourse = {
	course: CourseFile
	modules: Array<{ title: string; summary: string; lessons: ParsedLesson[] }>
}

async function readText(dir: string, file: string, problems: SourceProblem[]) {
	const full = path.join(dir, ...file.split('/'))
	try {
		const stat = await fs.stat(full)
		if (stat.size > MAX_FILE_BYTES) {
			problems.push({ file, line: 1, message: 'the file is larger than 1 MB' })
			return null
		}
		return (await fs.readFile(full, 'utf8')).replace(/\r\n?/g, '\n')
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
			problems.push({ file, line: 1, message: 'this file is missing' })
			return null
		}
		throw error
	}
}

/** The entries of a folder named like "01-something", in order; anything else is a problem. */
async function orderedEntries(dir: string, rel: string, problems: SourceProblem[], { folders }: { folders: boolean }) {
	const entries = await fs.readdir(path.join(dir, ...rel.split('/')), { withFileTypes: true })
	const ordered: Array<{ name: string; order: number }> = []
	for (const entry of entries) {
		if (entry.name.startsWith('.')) continue
		if (!folders && entry.name === MODULE_FILE) continue
		const match = ORDER_PREFIX.exec(entry.name)
		const rightType = folders ? entry.isDirectory() : entry.isFile() && /\.(md|yaml)$/.test(entry.name)
		if (!match || !rightType) {
			problems.push({
				file: `${rel}/${entry.name}`,
				line: 1,
				message: folders
					? 'expected only module folders named like “01-introduction”'
					: 'expected only module.yaml and lesson files named like “01-lesson-key.md” or “02-lesson-key.yaml”',
			})
			continue
		}
		ordered.push({ name: entry.name, order: Number(match[1]) })
	}
	return ordered.sort((a, b) => a.order - b.order || a.name.localeCompare(b.name))
}

/**
 * Parses `raw` with a strict schema, reporting unknown fields but still checking the rest (so one
 * typo does not hide the other problems in the file). Null when anything else is wrong.
 */
function parseShape<S extends z.ZodType>(
	schema: S,
	raw: unknown,
	source: YamlSource,
	problems: SourceProblem[],
): z.output<S> | null {
	let result = schema.safeParse(raw)
	if (result.success) return result.data
	problems.push(...source.zodProblems(result.error))
	if (!result.error.issues.every((issue) => issue.code === 'unrecognized_keys')) return null
	for (const issue of result.error.issues) {
		let target: unknown = raw
		for (const segment of issue.path) target = (target as Record<PropertyKey, unknown>)?.[segment]
		if (target && typeof target === 'object' && issue.code === 'unrecognized_keys') {
			for (const key of issue.keys) delete (target as Record<string, unknown>)[key]
		}
	}
	result = schema.safeParse(raw)
	return result.success ? result.data : null
}

function nullable<T>(value: T | undefined): T | null {
	return value === undefined ? null : value
}

/** Splits a Markdown lesson into its front matter (YAML) and body, exactly as exportCourse writes them. */
function splitFrontMatter(text: string) {
	if (!text.startsWith('---\n')) return null
	const end = text.indexOf('\n---', 3)
	if (end === -1) return null
	const afterFence = text.indexOf('\n', end + 4)
	const yaml = text.slice(4, end + 1)
	let body = afterFence === -1 ? '' : text.slice(afterFence + 1)
	if (body.startsWith('\n')) body = body.slice(1)
	if (body.endsWith('\n')) body = body.slice(0, -1)
	return { yaml, body, hasBody: afterFence !== -1 && text.length > afterFence + 1 }
}

function parseLesson(file: string, text: string, problems: SourceProblem[]): ParsedLesson | null {
	const isQuiz = file.endsWith('.yaml')
	let source: YamlSource
	let body: string | null = null
	if (isQuiz) {
		source = new YamlSource({ file, text })
	} else {
		const parts = splitFrontMatter(text)
		if (!parts) {
			problems.push({ file, line: 1, message: 'a lesson file must start with front matter between two “---” lines' })
			return null
		}
		source = new YamlSource({ file, text: parts.yaml, lineOffset: 1 })
		body = parts.hasBody ? parts.body : null
	}
	const syntax = source.syntaxProblems()
	if (syntax.length) {
		problems.push(...syntax)
		return null
	}
	const raw = source.value()
	if (isQuiz) {
		const q = parseShape(QuizFileSchema, raw, source, problems)
		if (!q) return null
		const content = QuizContentSchema.safeParse({
			title: q.title,
			required: q.required ?? true,
			estimatedMinutes: q.estimatedMinutes,
			passMark: q.passMark,
			maxAttempts: q.maxAttempts === 'unlimited' ? null : q.maxAttempts,
			questions: q.questions.map((question) => ({
				...question,
				options: question.options.map((o) => ({ text: o.text, isCorrect: o.correct, feedback: o.feedback })),
			})),
		})
		if (!content.success) {
			for (const issue of content.error.issues) {
				// The file says `correct`; the studio's schema says `isCorrect`.
				const filePath = issue.path.map((s) => (s === 'isCorrect' ? 'correct' : s)) as Array<string | number>
				problems.push({ file, line: source.lineOf(filePath), message: lowerFirst(issue.message) })
			}
			return null
		}
		const c = content.data
		return {
			file,
			keyLine: source.lineOf(['key']),
			kind: 'QUIZ',
			key: q.key,
			title: c.title,
			required: c.required,
			estimatedMinutes: c.estimatedMinutes,
			markdown: null,
			videoPlaybackId: null,
			videoSourceUrl: null,
			videoDurationSeconds: null,
			captionsUrl: null,
			transcript: null,
			passMark: c.passMark,
			maxAttempts: c.maxAttempts,
			questions: c.questions.map((question) => {
				const choice = question.kind === 'SINGLE' || question.kind === 'MULTIPLE'
				const scale = question.kind === 'SCALE'
				return {
					kind: question.kind,
					prompt: question.prompt,
					guidance: question.guidance,
					explanation: question.explanation,
					scaleMin: scale ? (question.scaleMin ?? 1) : null,
					scaleMax: scale ? (question.scaleMax ?? 5) : null,
					scaleMinLabel: scale ? question.scaleMinLabel : null,
					scaleMaxLabel: scale ? question.scaleMaxLabel : null,
					options: choice ? question.options : [],
				}
			}),
		}
	}
	const meta = parseShape(PageFrontMatterSchema, raw, source, problems)
	if (!meta) return null
	const base = { title: meta.title, required: meta.required ?? true, estimatedMinutes: meta.estimatedMinutes }
	const content =
		meta.kind === 'READING'
			? ReadingContentSchema.safeParse({ ...base, markdown: body ?? '' })
			: VideoContentSchema.safeParse({
					...base,
					videoPlaybackId: meta.videoPlaybackId,
					videoSourceUrl: meta.videoSourceUrl,
					videoDurationSeconds: meta.videoDurationSeconds,
					captionsUrl: meta.captionsUrl,
					transcript: body,
				})
	if (!content.success) {
		problems.push(...source.zodProblems(content.error))
		return null
	}
	const c = content.data as Record<string, unknown> & { title: string; required: boolean; estimatedMinutes: number }
	return {
		file,
		keyLine: source.lineOf(['key']),
		kind: meta.kind,
		key: meta.key,
		title: c.title,
		required: c.required,
		estimatedMinutes: c.estimatedMinutes,
		markdown: meta.kind === 'READING' ? (body ?? '') : null,
		videoPlaybackId: nullable(c.videoPlaybackId as string | null | undefined),
		videoSourceUrl: nullable(c.videoSourceUrl as string | null | undefined),
		videoDurationSeconds: nullable(c.videoDurationSeconds as number | null | undefined),
		captionsUrl: nullable(c.captionsUrl as string | null | undefined),
		transcript: meta.kind === 'VIDEO' ? body : null,
		passMark: null,
		maxAttempts: null,
		questions: [],
	}
}

function lowerFirst(message: string) {
	return /^[A-Z][a-z]/.test(message) ? message[0]!.toLowerCase() + message.slice(1) : message
}

/**
 * Reads and validates a course folder (the format exportCourse writes) without touching the
 * database. Every problem in every file is collected, each naming its file and line; if there are
 * any, a CourseImportError lists them all.
 */
export async function readCourseFolder(dir: string): Promise<ParsedCourse> {
	const problems: SourceProblem[] = []
	const courseText = await readText(dir, COURSE_FILE, problems)
	let course: CourseFile | null = null
	if (courseText !== null) {
		const source = new YamlSource({ file: COURSE_FILE, text: courseText })
		const syntax = source.syntaxProblems()
		if (syntax.length) problems.push(...syntax)
		else {
			const parsed = parseShape(CourseFileSchema, source.value(), source, problems)
			if (parsed && (RESERVED_SLUGS as readonly string[]).includes(parsed.slug)) {
				problems.push({
					file: COURSE_FILE,
					line: source.lineOf(['slug']),
					message: 'that slug is reserved: choose another',
				})
			} else course = parsed
		}
	}

	const modules: ParsedCourse['modules'] = []
	const hasModulesDir = await fs
		.stat(path.join(dir, MODULES_DIR))
		.then((s) => s.isDirectory())
		.catch(() => false)
	if (!hasModulesDir) problems.push({ file: `${MODULES_DIR}/`, line: 1, message: 'the modules folder is missing' })
	else {
		for (const folder of await orderedEntries(dir, MODULES_DIR, problems, { folders: true })) {
			const rel = `${MODULES_DIR}/${folder.name}`
			const moduleFile = `${rel}/${MODULE_FILE}`
			const text = await readText(dir, moduleFile, problems)
			let title = ''
			let summary = ''
			if (text !== null) {
				const source = new YamlSource({ file: moduleFile, text })
				const syntax = source.syntaxProblems()
				if (syntax.length) problems.push(...syntax)
				else {
					const parsed = parseShape(ModuleFileSchema, source.value(), source, problems)
					if (parsed) ({ title, summary } = parsed)
				}
			}
			const lessons: ParsedLesson[] = []
			for (const entry of await orderedEntries(dir, rel, problems, { folders: false })) {
				const file = `${rel}/${entry.name}`
				const lessonText = await readText(dir, file, problems)
				if (lessonText === null) continue
				const lesson = parseLesson(file, lessonText, problems)
				if (lesson) lessons.push(lesson)
			}
			modules.push({ title, summary, lessons })
		}
		if (modules.length === 0)
			problems.push({ file: `${MODULES_DIR}/`, line: 1, message: 'add at least one module folder' })
	}

	const seen = new Map<string, string>()
	for (const lesson of modules.flatMap((m) => m.lessons)) {
		const first = seen.get(lesson.key)
		if (first)
			problems.push({
				file: lesson.file,
				line: lesson.keyLine,
				message: `the key “${lesson.key}” is already used by ${first}`,
			})
		else seen.set(lesson.key, lesson.file)
	}

	if (problems.length || !course) throw new CourseImportError(problems)
	return { course, modules }
}

/**
 * Imports a course folder in one transaction: a new course (owned by `ownerEmail`, who must be a
 * trainer or admin) with version 1 as a DRAFT, or, when the slug exists, a new DRAFT version of
 * that course (the actor, `ownerEmail` or else the course's owner, must be allowed to edit it).
 * An existing draft is only replaced when `replaceDraft` is set (`conflict` otherwise: someone may
 * be editing it). Price and sectors belong to the course rather than a version, so they are set
 * for a new course and left alone (with a note when they differ) for an existing one. Nothing is
 * published; nothing is written if any file has a problem (CourseImportError, with file:line).
 */
export async function importCourse({
	dir,
	ownerEmail,
	replaceDraft = false,
}: {
	dir: string
	ownerEmail?: string | null
	replaceDraft?: boolean
}) {
	const parsed = await readCourseFolder(dir)
	const { course } = parsed
	try {
		return await prisma.$transaction(
			async (tx) => {
				const existing = await tx.course.findUnique({
					where: { slug: course.slug },
					select: {
						id: true,
						pricePence: true,
						sectors: true,
						publishedVersionId: true,
						authors: { where: { role: 'OWNER' }, select: { userId: true } },
					},
				})
				const actorId = await resolveActor(tx, { ownerEmail, fallbackUserId: existing?.authors[0]?.userId })
				const pricePence = Math.round(course.price * 100)
				const versionData = {
					title: course.title,
					summary: course.summary,
					description: course.description,
					cpdMinutes: course.cpdMinutes,
					outcomes: course.outcomes,
					sequential: course.sequential,
				}
				const notes: string[] = []
				let courseId: string
				let versionId: string
				let versionNumber: number
				let replaced = false
				if (existing) {
					await assertCanEditCourse({ db: tx, courseId: existing.id, actorId })
					await lockRowById(tx, 'Course', existing.id)
					courseId = existing.id
					const draft = await tx.courseVersion.findFirst({
						where: { courseId, status: 'DRAFT' },
						select: { id: true, number: true },
					})
					if (draft && !replaceDraft) {
						throw new CourseIoError(
							'conflict',
							'DRAFT_EXISTS',
							`Course “${course.slug}” already has a draft (version ${draft.number}). Publish it first, or import with --replace-draft to overwrite it.`,
						)
					}
					if (draft) {
						await tx.module.deleteMany({ where: { versionId: draft.id } })
						await tx.courseVersion.update({ where: { id: draft.id, courseId }, data: versionData })
						;({ id: versionId, number: versionNumber } = draft)
						replaced = true
					} else {
						const last = await tx.courseVersion.findFirst({
							where: { courseId },
							orderBy: { number: 'desc' },
							select: { number: true },
						})
						versionNumber = (last?.number ?? 0) + 1
						versionId = (
							await tx.courseVersion.create({
								data: {
									courseId,
									number: versionNumber,
									status: 'DRAFT',
									...versionData,
									basedOnVersionId: existing.publishedVersionId,
									createdById: actorId,
								},
								select: { id: true },
							})
						).id
					}
					if (existing.pricePence !== pricePence)
						notes.push('The price in course.yaml differs from the course’s: change the price in the studio.')
					if ([...existing.sectors].sort().join() !== [...course.sectors].sort().join()) {
						notes.push('The sectors in course.yaml differ from the course’s: change them in the studio.')
					}
				} else {
					const created = await tx.course.create({
						data: {
							slug: course.slug,
							pricePence,
							sectors: course.sectors,
							createdById: actorId,
							authors: { create: { userId: actorId, role: 'OWNER' } },
							versions: { create: { number: 1, status: 'DRAFT', ...versionData, createdById: actorId } },
						},
						select: { id: true, versions: { select: { id: true } } },
					})
					courseId = created.id
					versionId = created.versions[0]!.id
					versionNumber = 1
				}
				await writeVersionTree(tx, { versionId, modules: parsed.modules })
				return {
					courseId,
					slug: course.slug,
					versionNumber,
					created: !existing,
					replacedDraft: replaced,
					modules: parsed.modules.length,
					lessons: parsed.modules.reduce((n, m) => n + m.lessons.length, 0),
					notes,
				}
			},
			{ timeout: 120_000, maxWait: 10_000 },
		)
	} catch (error) {
		if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
			throw new CourseIoError(
				'conflict',
				'SLUG_TAKEN',
				`Another course took the slug “${course.slug}” while importing: try again.`,
			)
		}
		throw error
	}
}

async function resolveActor(
	tx: Tx,
	{ ownerEmail, fallbackUserId }: { ownerEmail?: string | null; fallbackUserId?: string },
) {
	if (!ownerEmail) {
		if (fallbackUserId) return fallbackUserId
		throw new CourseIoError(
			'invalid',
			'OWNER_REQUIRED',
			'A new course needs an owner: give the email of a trainer (--owner).',
			{ field: 'owner' },
		)
	}
	const user = await tx.user.findUnique({
		where: { email: ownerEmail.trim().toLowerCase() },
		select: { id: true, role: true, disabledAt: true },
	})
	if (!user || user.disabledAt || user.role === 'LEARNER') {
		throw new CourseIoError('invalid', 'NOT_A_TRAINER', `There is no trainer with the email address ${ownerEmail}.`, {
			field: 'owner',
		})
	}
	return user.id
}
