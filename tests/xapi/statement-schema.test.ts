import { describe, expect, test } from 'vitest'
import { buildStatement } from '#modules/xapi/statements.ts'
import { uuidV5 } from '#modules/xapi/uuid.ts'
import { statementProblems } from './statement-schema.ts'

// Statements are free-form JSON here, read and spoiled loosely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>

// The schema must refuse what the specification refuses, or "valid" in the LRS tests means nothing.
const good = () =>
	buildStatement({
		id: uuidV5('schema-test'),
		verb: 'passed',
		person: { id: 'u1', name: 'Ann', email: 'ann@example.org' },
		actorFormat: 'MBOX',
		homePage: 'https://circle.example',
		object: { iri: 'https://circle.example/courses/c/lessons/q', type: 'assessment', name: 'Quiz' },
		parent: { iri: 'https://circle.example/courses/c', type: 'course', name: 'Course' },
		registrationKey: 'e1:1',
		result: { scorePercent: 80, success: true, completion: true, durationSeconds: 3725 },
		timestamp: new Date('2026-12-06T10:00:00Z'),
	}) as Json

describe('the xAPI 1.0.3 statement schema', () => {
	test('accepts what Circle builds', () => {
		expect(statementProblems(good())).toEqual([])
		expect(good().result.duration).toBe('PT1H2M5S')
	})

	test.each([
		['a verb outside ADL’s vocabulary', (s: Json) => (s.verb.id = 'http://example.org/verbs/liked')],
		['an actor with two identifiers', (s: Json) => (s.actor.account = { homePage: 'https://x.example', name: 'u1' })],
		['an actor with none', (s: Json) => delete s.actor.mbox],
		['an mbox that is not mailto:', (s: Json) => (s.actor.mbox = 'ann@example.org')],
		['score.scaled above 1', (s: Json) => (s.result.score.scaled = 1.5)],
		['score.scaled below -1', (s: Json) => (s.result.score.scaled = -2)],
		['score.raw above max', (s: Json) => (s.result.score.raw = 120)],
		['a timestamp that is not ISO 8601', (s: Json) => (s.timestamp = '06/12/2026 10:00')],
		['a duration that is not ISO 8601', (s: Json) => (s.result.duration = '62 minutes')],
		['an activity id that is not an IRI', (s: Json) => (s.object.id = 'courses/c')],
		['a statement id that is not a UUID', (s: Json) => (s.id = 'statement-1')],
		['a language map keyed by something that is not a language tag', (s: Json) => (s.verb.display = { English: 'x' })],
		['a property the specification does not define', (s: Json) => (s.score = 1)],
	])('refuses %s', (_, spoil) => {
		const statement = good()
		spoil(statement)
		expect(statementProblems(statement)).not.toEqual([])
	})
})
