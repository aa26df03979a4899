// The short annual refresher for Relational Practice in Schools (seeded by prisma/seed-validity.ts).
// Data only, so the browser tests can read its questions without a database.
import type { SeedCourse } from './types.ts'

export const REFRESHER_COURSE: SeedCourse = {
	slug: 'relational-practice-in-schools-annual-refresher',
	title: 'Relational Practice in Schools: Annual Refresher',
	summary:
		'A short yearly refresher for staff who have completed Relational Practice in Schools: the core ideas again, what has changed, and a reflection on your own year.',
	description: `## Who this course is for

Staff who completed **Relational Practice in Schools** a year or more ago and whose school renews it every year.

## What you will cover

- The restorative questions and the relational window, in ten minutes
- A reflection on a conversation from your own year

It takes about half an hour and renews your certificate for another twelve months.`,
	sectors: ['SCHOOLS'],
	cpdMinutes: 30,
	pricePence: 0,
	sequential: true,
	outcomes: [
		'Recall and use the restorative questions in a conversation after harm',
		'Reflect on how your own practice has changed over the year',
	],
	modules: [
		{
			title: 'A year on',
			summary: 'The core ideas again, and a reflection on your practice.',
			lessons: [
				{
					key: 'refresher-core-ideas',
					kind: 'READING',
					title: 'The core ideas, in ten minutes',
					estimatedMinutes: 10,
					markdown: `## High challenge, high support

A relational school keeps its expectations high **and** gives pupils real help to meet them. When something goes wrong, the question is not "who is to blame and what do they deserve?" but "who has been affected, and how do we put it right?".

## The restorative questions

1. What happened?
2. What were you thinking at the time?
3. Who has been affected, and how?
4. What needs to happen to put things right?

Use them in a corridor in two minutes, or in a planned meeting: the shape is the same.`,
				},
				{
					key: 'refresher-check',
					kind: 'QUIZ',
					title: 'Check and reflect',
					passMark: 100,
					maxAttempts: null,
					estimatedMinutes: 10,
					questions: [
						{
							kind: 'SINGLE',
							prompt: 'Which question comes first in a restorative conversation?',
							options: [
								{ text: 'What happened?', isCorrect: true, feedback: 'Yes: start with the story, not the verdict.' },
								{
									text: 'Why did you do that?',
									isCorrect: false,
									feedback: '"Why" tends to invite defence rather than reflection.',
								},
								{
									text: 'What sanction is fair?',
									isCorrect: false,
									feedback: 'Consequences may follow, but they are not where it starts.',
								},
							],
						},
						{
							kind: 'REFLECTION',
							prompt: 'Think of one conversation this year that went well. What did you do that helped?',
						},
					],
				},
			],
		},
	],
}
