import { prisma } from '#modules/db/client.ts'
import { ReflectiveRecordsError } from './errors.ts'
import type { ReflectiveRecordKind } from '#modules/db/client.ts'
import type { RecordFields } from './schemas.ts'

/**
 * The reflections the learner wrote inside lessons, newest first, with the course and prompt they
 * answered: what a regulator form can pull in. Empty ones are left out.
 */
export async function listLessonReflections({ userId, limit = 50 }: { userId: string; limit?: number }) {
	const rows = await prisma.reflection.findMany({
		where: { userId, NOT: { text: '' } },
		orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
		take: limit,
		select: {
			id: true,
			prompt: true,
			text: true,
			updatedAt: true,
			lesson: { select: { title: true, version: { select: { title: true } } } },
		},
	})
	return rows.map((row) => ({
		id: row.id,
		prompt: row.prompt,
		text: row.text,
		updatedAt: row.updatedAt,
		courseTitle: row.lesson.version.title,
		lessonTitle: row.lesson.title,
	}))
}

/**
 * A form's starting answers from one of the learner's lesson reflections (the one action "pull in a
 * lesson reflection"): the course becomes the activity, the learner's words what they learnt. Another
 * learner's reflection is REFLECTION_NOT_FOUND.
 */
export async function prefillFromReflection({
	userId,
	reflectionId,
	kind,
}: {
	userId: string
	reflectionId: string
	kind: ReflectiveRecordKind
}): Promise<RecordFields & { title: string; sourceReflectionId: string }> {
	const row = await prisma.reflection.findFirst({
		where: { id: reflectionId, userId },
		select: {
			id: true,
			prompt: true,
			text: true,
			lesson: { select: { title: true, version: { select: { title: true } } } },
		},
	})
	if (!row)
		throw new ReflectiveRecordsError('not_found', 'REFLECTION_NOT_FOUND', 'That lesson reflection was not found')
	const courseTitle = row.lesson.version.title
	const activity = `The Circle course “${courseTitle}”, reflecting on: ${row.prompt}`
	const base = { title: courseTitle, sourceReflectionId: row.id }
	switch (kind) {
		case 'NMC_REFLECTIVE_ACCOUNT':
			return { ...base, activity, learnt: row.text }
		case 'SWE_CPD':
			return { ...base, cpdType: 'Course or training', description: activity, learnt: row.text }
		case 'NMC_FEEDBACK':
			return { ...base, summary: row.text }
		case 'NMC_DISCUSSION':
			return { ...base, notes: row.text }
		case 'HCPC_PROFILE':
			return {
				title: 'My HCPC CPD profile',
				sourceReflectionId: row.id,
				statement: hcpcActivityParagraph(activity, row.text),
			}
		case 'RJC_SUPERVISION':
		case 'RJC_OBSERVED_PRACTICE':
			return { ...base, learning: row.text }
		case 'TEACHER_SIGN_OFF':
			return { ...base, activity, evidence: `My reflection in the course: ${row.text}` }
	}
}

/**
 * One activity of an HCPC statement, in the four parts the HCPC asks about, with the learner's own
 * words as what they learnt and (from a follow-up's 30-day reflection) how it improved their work;
 * the rest is left for them to finish.
 */
export function hcpcActivityParagraph(activity: string, learnt: string, improved = '') {
	return [
		`What the activity was: ${activity}`,
		`What I learnt: ${learnt.trim()}`,
		`How it improved my work: ${improved.trim()}`,
		'How it benefited the people I work with: ',
	].join('\n')
}
