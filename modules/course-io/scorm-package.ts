// A published course version as a SCORM 1.2 or SCORM 2004 4th edition package: one SCO whose launch
// page plays the lessons in order and reports to the LMS through the SCORM runtime API
// (docs/decisions/0039-scorm-export.md). The player's HTML, CSS and JS are Circle's own files in
// ./scorm-player; the course goes into the launch page as JSON.
import { assertCanEditCourse } from '#modules/authoring/access.ts'
import { loadVersionTree, type VersionTree } from '#modules/authoring/content.ts'
import { prisma } from '#modules/db/client.ts'
import { appUrl } from '#modules/env/env.ts'
import { renderMarkdown } from '#modules/markdown/render-markdown.ts'
import { CourseIoError } from './errors.ts'
import { scormManifest, SCORM_FLAVOURS, type ScormFlavour } from './scorm-manifest.ts'
import playerCss from './scorm-player/player.css?raw'
import playerHtml from './scorm-player/player.html?raw'
import playerJs from './scorm-player/player.js?raw'

export const SCORM_LAUNCH = 'index.html'
const PLAYER_JS = 'player.js'
const PLAYER_CSS = 'player.css'

/** What the player reads (the launch page's JSON). Every *Html field is already sanitised. */
export type PlayerCourse = {
	scorm: '1.2' | '2004'
	title: string
	summary: string
	descriptionHtml: string
	outcomes: string[]
	sequential: boolean
	version: number
	modules: Array<{ title: string; lessons: PlayerLesson[] }>
}

export type PlayerLesson = {
	key: string
	kind: 'READING' | 'VIDEO' | 'QUIZ'
	title: string
	required: boolean
	minutes: number
	html: string | null
	video: { embedUrl: string | null; fileUrl: string | null; linkUrl: string; captionsUrl: string | null } | null
	transcript: string | null
	quiz: {
		passMark: number
		maxAttempts: number | null
		questions: Array<{
			kind: 'SINGLE' | 'MULTIPLE' | 'REFLECTION' | 'SCALE'
			prompt: string
			guidance: string | null
			explanation: string | null
			scaleMin: number
			scaleMax: number
			scaleMinLabel: string | null
			scaleMaxLabel: string | null
			options: Array<{ text: string; correct: boolean; feedback: string | null }>
		}>
	} | null
}

/** A site path (/media/…) as an absolute address: the package plays on another site. */
function absolute(url: string, origin: string) {
	return url.startsWith('/') && !url.startsWith('//') ? `${origin}${url}` : url
}

/** Sanitised HTML (renderMarkdown) with site-relative links and images made absolute. */
function packageHtml(markdown: string, origin: string) {
	return renderMarkdown(markdown).replace(/ (src|href)="\/(?!\/)/g, ` $1="${origin}/`)
}

function playerVideo(lesson: VersionTree[number]['lessons'][number], origin: string): PlayerLesson['video'] {
	const captionsUrl = lesson.captionsUrl ? absolute(lesson.captionsUrl, origin) : null
	if (lesson.videoPlaybackId) {
		const embedUrl = `https://player.mux.com/${encodeURIComponent(lesson.videoPlaybackId)}`
		return { embedUrl, fileUrl: null, linkUrl: embedUrl, captionsUrl }
	}
	if (lesson.videoSourceUrl) {
		const fileUrl = absolute(lesson.videoSourceUrl, origin)
		return { embedUrl: null, fileUrl, linkUrl: fileUrl, captionsUrl }
	}
	return null
}

/** The course as the player reads it. Pure apart from rendering Markdown. */
export function playerCourse({
	flavour,
	version,
	tree,
	origin,
}: {
	flavour: ScormFlavour
	version: {
		number: number
		title: string
		summary: string
		description: string
		outcomes: string[]
		sequential: boolean
	}
	tree: VersionTree
	origin: string
}): PlayerCourse {
	return {
		scorm: flavour === 'scorm12' ? '1.2' : '2004',
		title: version.title,
		summary: version.summary,
		descriptionHtml: version.description ? packageHtml(version.description, origin) : '',
		outcomes: version.outcomes,
		sequential: version.sequential,
		version: version.number,
		modules: tree.map((mod) => ({
			title: mod.title,
			lessons: mod.lessons.map((lesson) => ({
				key: lesson.key,
				kind: lesson.kind,
				title: lesson.title,
				required: lesson.required,
				minutes: lesson.estimatedMinutes,
				html: lesson.kind === 'READING' ? packageHtml(lesson.markdown ?? '', origin) : null,
				video: lesson.kind === 'VIDEO' ? playerVideo(lesson, origin) : null,
				transcript: lesson.kind === 'VIDEO' ? lesson.transcript : null,
				quiz:
					lesson.kind === 'QUIZ'
						? {
								passMark: lesson.passMark ?? 0,
								maxAttempts: lesson.maxAttempts,
								questions: lesson.questions.map((q) => ({
									kind: q.kind,
									prompt: q.prompt,
									guidance: q.guidance,
									explanation: q.explanation,
									scaleMin: q.scaleMin ?? 1,
									scaleMax: q.scaleMax ?? 5,
									scaleMinLabel: q.scaleMinLabel,
									scaleMaxLabel: q.scaleMaxLabel,
									options: q.options.map((o) => ({ text: o.text, correct: o.isCorrect, feedback: o.feedback })),
								})),
							}
						: null,
			})),
		})),
	}
}

/** JSON safe inside a <script> element: no "</script>" or "<!--" can end or bend it. */
function scriptJson(value: unknown) {
	return JSON.stringify(value)
		.replace(/</g, '\\u003c')
		.replace(/>/g, '\\u003e')
		.replace(/&/g, '\\u0026')
		.replace(/\u2028/g, '\\u2028')
		.replace(/\u2029/g, '\\u2029')
}

function escapeHtml(text: string) {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/** Every file of the package, by its path in the ZIP (the manifest last: it lists the others). */
export function scormFiles({
	flavour,
	course,
	identifier,
}: {
	flavour: ScormFlavour
	course: PlayerCourse
	identifier: string
}) {
	const launch = playerHtml
		// Functions as replacements: a string replacement would read "$&" or "$'" in the course's text.
		.replaceAll('{{TITLE}}', () => escapeHtml(course.title))
		.replace('{{COURSE_JSON}}', () => scriptJson(course))
	const files = new Map<string, string>([
		[SCORM_LAUNCH, launch],
		[PLAYER_CSS, playerCss],
		[PLAYER_JS, playerJs],
	])
	files.set(
		'imsmanifest.xml',
		scormManifest({ flavour, identifier, title: course.title, launch: SCORM_LAUNCH, files: [...files.keys()] }),
	)
	return files
}

async function zip(files: Map<string, string>) {
	// archiver (and its zip and glob packages) is loaded on first use, not by every HTTP worker at
	// start-up (ADR 0054).
	const { ZipArchive } = await import('archiver')
	const archive = new ZipArchive({ zlib: { level: 9 } })
	const chunks: Buffer[] = []
	const done = new Promise<Buffer>((resolve, reject) => {
		archive.on('data', (chunk: Buffer) => chunks.push(chunk))
		archive.on('end', () => resolve(Buffer.concat(chunks)))
		archive.on('error', reject)
		archive.on('warning', reject)
	})
	// The manifest first: some LMSs look for it at the start of the archive.
	const names = ['imsmanifest.xml', ...[...files.keys()].filter((n) => n !== 'imsmanifest.xml')]
	for (const name of names) archive.append(files.get(name)!, { name })
	await archive.finalize()
	return done
}

/**
 * Builds the SCORM package of version `versionNumber` of a course, for someone who may edit the
 * course (same rule as the studio's other exports). Only a version that has been published
 * (PUBLISHED, or ARCHIVED after a newer one was published) is exported: a draft is a `conflict`,
 * and nothing is built. Returns the ZIP in memory (a course is text: tens of kilobytes).
 */
export async function buildScormPackage({
	actorId,
	courseId,
	versionNumber,
	flavour,
}: {
	actorId: string
	courseId: string
	versionNumber: number
	flavour: ScormFlavour
}) {
	await assertCanEditCourse({ courseId, actorId })
	const version = await prisma.courseVersion.findFirst({
		where: { courseId, number: versionNumber },
		select: {
			id: true,
			number: true,
			status: true,
			publishedAt: true,
			title: true,
			summary: true,
			description: true,
			outcomes: true,
			sequential: true,
			course: { select: { slug: true } },
		},
	})
	if (!version)
		throw new CourseIoError('not_found', 'VERSION_NOT_FOUND', `This course has no version ${versionNumber}.`)
	if (version.status === 'DRAFT' || !version.publishedAt) {
		throw new CourseIoError(
			'conflict',
			'NOT_PUBLISHED',
			`Version ${version.number} is a draft, so it cannot be exported as a SCORM package. Publish it first, or export a published version.`,
		)
	}
	const tree = await loadVersionTree(prisma, version.id)
	const course = playerCourse({ flavour, version, tree, origin: appUrl() })
	const identifier = `circle-${version.course.slug}-v${version.number}-${flavour}`
	const content = await zip(scormFiles({ flavour, course, identifier }))
	return {
		filename: `${version.course.slug}-v${version.number}-${flavour}.zip`,
		label: SCORM_FLAVOURS[flavour].label,
		content,
	}
}

/**
 * The course's versions for the studio's SCORM page, newest first, each with whether it can be
 * exported (it has been published) — for someone who may edit the course.
 */
export async function listScormVersions({ actorId, courseId }: { actorId: string; courseId: string }) {
	await assertCanEditCourse({ courseId, actorId })
	const course = await prisma.course.findUniqueOrThrow({
		where: { id: courseId },
		select: {
			id: true,
			slug: true,
			publishedVersionId: true,
			versions: {
				orderBy: { number: 'desc' },
				select: { id: true, number: true, status: true, title: true, publishedAt: true },
			},
		},
	})
	return {
		course: { id: course.id, slug: course.slug, title: course.versions[0]?.title ?? course.slug },
		versions: course.versions.map((v) => ({
			number: v.number,
			status: v.status,
			title: v.title,
			publishedAt: v.publishedAt,
			live: v.id === course.publishedVersionId,
			exportable: v.status !== 'DRAFT' && v.publishedAt !== null,
		})),
	}
}
