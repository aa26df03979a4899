import { afterAll, expect, test } from 'vitest'
import { releaseTestResources } from '#tests/factories/auth.ts'
import { prisma } from '#modules/db/client.ts'
import { createUser } from '#tests/factories/learning.ts'
import { loadVersionTree } from './content.ts'
import { type VersionTreeModule, writeVersionTree } from './write-version-tree.ts'

afterAll(releaseTestResources)

const blank = {
	required: true,
	markdown: null,
	videoPlaybackId: null,
	videoSourceUrl: null,
	videoDurationSeconds: null,
	captionsUrl: null,
	transcript: null,
	passMark: null,
	maxAttempts: null,
	questions: [],
}

const tree: VersionTreeModule[] = [
	{
		title: 'Starting out',
		summary: 'Why relationships come first.',
		lessons: [
			{
				...blank,
				key: 'welcome',
				kind: 'VIDEO',
				title: 'Welcome',
				estimatedMinutes: 1,
				videoSourceUrl: '/media/demo-lesson.mp4',
				videoDurationSeconds: 34,
				captionsUrl: '/media/demo-lesson.en.vtt',
				transcript: 'Hello.',
			},
			{
				...blank,
				key: 'window',
				kind: 'READING',
				title: 'The window',
				estimatedMinutes: 8,
				required: false,
				markdown: '## With',
			},
		],
	},
	{
		title: 'Checking in',
		summary: '',
		lessons: [
			{
				...blank,
				key: 'check',
				kind: 'QUIZ',
				title: 'Check your understanding',
				estimatedMinutes: 5,
				passMark: 80,
				maxAttempts: 3,
				questions: [
					{
						kind: 'MULTIPLE',
						prompt: 'Which are restorative questions?',
						guidance: null,
						explanation: 'Both look at harm and repair.',
						scaleMin: null,
						scaleMax: null,
						scaleMinLabel: null,
						scaleMaxLabel: null,
						options: [
							{ text: 'Who has been affected?', isCorrect: true, feedback: 'Yes.' },
							{ text: 'Why did you do that?', isCorrect: false, feedback: null },
							{ text: 'What is needed now?', isCorrect: true, feedback: 'Yes.' },
						],
					},
					{
						kind: 'SCALE',
						prompt: 'How confident are you?',
						guidance: null,
						explanation: null,
						scaleMin: 1,
						scaleMax: 5,
						scaleMinLabel: 'Not yet',
						scaleMaxLabel: 'Very',
						options: [],
					},
					{
						kind: 'REFLECTION',
						prompt: 'Think of a conversation this week.',
						guidance: 'What did you notice?',
						explanation: null,
						scaleMin: null,
						scaleMax: null,
						scaleMinLabel: null,
						scaleMaxLabel: null,
						options: [],
					},
				],
			},
		],
	},
]

async function emptyVersion() {
	const owner = await createUser()
	const course = await prisma.course.create({
		data: {
			slug: `tree-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
			pricePence: 0,
			createdById: owner.id,
			versions: {
				create: { number: 1, status: 'DRAFT', title: 'Tree', summary: 'A tree.', description: '', cpdMinutes: 15 },
			},
		},
		select: { versions: { select: { id: true } } },
	})
	return course.versions[0]!.id
}

/** The tree as read back, without the ids and counters the database adds. */
function plain(read: Awaited<ReturnType<typeof loadVersionTree>>) {
	return read.map(({ id: _id, position: _p, ...m }) => ({
		...m,
		lessons: m.lessons.map(({ id: _lid, position: _lp, revision: _r, ...l }) => ({
			...l,
			questions: l.questions.map(({ id: _qid, position: _qp, ...q }) => ({
				...q,
				options: q.options.map(({ id: _oid, position: _op, ...o }) => o),
			})),
		})),
	}))
}

test('writes every module, lesson, question and option as given, and reads back the same tree', async () => {
	const versionId = await emptyVersion()
	await prisma.$transaction((tx) => writeVersionTree(tx, { versionId, modules: tree }))
	const read = await loadVersionTree(prisma, versionId)
	expect(plain(read)).toEqual(tree)
	// Positions are the array order from 0, at every level.
	expect(read.map((m) => m.position)).toEqual([0, 1])
	expect(read[0]!.lessons.map((l) => l.position)).toEqual([0, 1])
	expect(read[1]!.lessons[0]!.questions.map((q) => q.position)).toEqual([0, 1, 2])
	expect(read[1]!.lessons[0]!.questions[0]!.options.map((o) => o.position)).toEqual([0, 1, 2])
	expect(read.flatMap((m) => m.lessons).map((l) => l.revision)).toEqual([1, 1, 1])
})

test('a tree read from one version and written into another is the same tree (what a new draft does)', async () => {
	const source = await emptyVersion()
	await prisma.$transaction((tx) => writeVersionTree(tx, { versionId: source, modules: tree }))
	const copy = await emptyVersion()
	await prisma.$transaction(async (tx) =>
		writeVersionTree(tx, { versionId: copy, modules: await loadVersionTree(tx, source) }),
	)
	expect(plain(await loadVersionTree(prisma, copy))).toEqual(plain(await loadVersionTree(prisma, source)))
})

test('nothing is left behind when the transaction it is part of fails', async () => {
	const versionId = await emptyVersion()
	await expect(
		prisma.$transaction(async (tx) => {
			await writeVersionTree(tx, { versionId, modules: tree })
			throw new Error('the caller gave up')
		}),
	).rejects.toThrow('the caller gave up')
	expect(await prisma.module.count({ where: { versionId } })).toBe(0)
	expect(await prisma.lesson.count({ where: { versionId } })).toBe(0)
})
