// Test data for catalogue tests (and anyone else's): each call makes its own course with a unique
// slug, so tests never depend on demo seed data or on each other.
import { prisma, type LessonKind, type Sector, type VersionStatus } from '#modules/db/client.ts'

let counter = 0

export function uniqueSlug(prefix = 'course') {
	counter += 1
	return `${prefix}-${Date.now().toString(36)}-${counter}-${Math.random().toString(36).slice(2, 7)}`
}

export type TestCourseOptions = {
	slug?: string
	title?: string
	summary?: string
	description?: string
	sectors?: Sector[]
	pricePence?: number
	cpdMinutes?: number
	outcomes?: string[]
	/** PUBLISHED (default) also points the course's publishedVersionId at the version. */
	status?: VersionStatus
	modules?: Array<{ title: string; lessons: Array<{ title: string; kind?: LessonKind; estimatedMinutes?: number }> }>
}

/** Creates a course with one version (published unless told otherwise), its modules and lessons. */
export async function createTestCourse(options: TestCourseOptions = {}) {
	const slug = options.slug ?? uniqueSlug()
	const status = options.status ?? 'PUBLISHED'
	const modules = options.modules ?? [
		{
			title: 'Working with, not to or for',
			lessons: [
				{ title: 'What relational practice asks of us', kind: 'VIDEO' as const, estimatedMinutes: 12 },
				{ title: 'The social discipline window', kind: 'READING' as const, estimatedMinutes: 15 },
			],
		},
		{
			title: 'Restorative conversations',
			lessons: [{ title: 'Check your understanding', kind: 'QUIZ' as const, estimatedMinutes: 10 }],
		},
	]
	return prisma.$transaction(async (tx) => {
		const course = await tx.course.create({
			data: { slug, pricePence: options.pricePence ?? 0, sectors: options.sectors ?? ['FOUNDATIONS'] },
			select: { id: true, slug: true },
		})
		const version = await tx.courseVersion.create({
			data: {
				courseId: course.id,
				number: 1,
				status,
				title: options.title ?? `Course ${slug}`,
				summary: options.summary ?? 'A short course for testing.',
				description: options.description ?? 'First paragraph.\n\nSecond paragraph.',
				cpdMinutes: options.cpdMinutes ?? 90,
				outcomes: options.outcomes ?? ['Explain what working with people means'],
				publishedAt: status === 'PUBLISHED' ? new Date() : null,
			},
			select: { id: true },
		})
		let lessonNumber = 0
		for (const [moduleIndex, m] of modules.entries()) {
			const created = await tx.module.create({
				data: { versionId: version.id, position: moduleIndex + 1, title: m.title },
				select: { id: true },
			})
			for (const [lessonIndex, l] of m.lessons.entries()) {
				lessonNumber += 1
				await tx.lesson.create({
					data: {
						moduleId: created.id,
						versionId: version.id,
						key: `lesson-${lessonNumber}`,
						position: lessonIndex + 1,
						kind: l.kind ?? 'READING',
						title: l.title,
						estimatedMinutes: l.estimatedMinutes ?? 5,
					},
				})
			}
		}
		if (status === 'PUBLISHED') {
			await tx.course.update({ where: { id: course.id }, data: { publishedVersionId: version.id } })
		}
		return { courseId: course.id, slug: course.slug, versionId: version.id }
	})
}
