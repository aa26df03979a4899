// Error messages in the reader's language (ADR 0045): recognised from their English, in Welsh with the
// values they carry, and English left exactly as it was written.
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { compileErrorCatalogue, translateErrorMessage } from './error-messages.ts'
import english from './locales/en/errors.json' with { type: 'json' }
import { serverI18n } from './translate.ts'

const cy = (message: string) => translateErrorMessage(message, 'cy', serverI18n)

describe('translateErrorMessage', () => {
	test('English comes back byte for byte', () => {
		for (const message of ['They have already completed the course.', 'Invalid input', 'Anything at all ']) {
			expect(translateErrorMessage(message, 'en', serverI18n)).toBe(message)
		}
	})

	test('a domain error’s message in Welsh', () => {
		expect(cy('They have already completed the course.')).toBe("Maent eisoes wedi cwblhau'r cwrs.")
	})

	test('values in a message are carried into the Welsh', () => {
		expect(cy('Password must be 12 characters or more')).toBe("Rhaid i'r cyfrinair fod yn 12 nod neu fwy")
		expect(cy('This invitation was sent to sam@example.org. Log in with that address to accept it.')).toBe(
			"Anfonwyd y gwahoddiad hwn at sam@example.org. Mewngofnodwch gyda'r cyfeiriad hwnnw i'w dderbyn.",
		)
		expect(cy('Too many attempts. Please wait 15 minutes and try again.')).toBe(
			'Gormod o ymdrechion. Arhoswch 15 munud a rhowch gynnig arall arni.',
		)
	})

	test('a value that is itself a catalogued message or label is translated too', () => {
		expect(cy('Question 2: Enter the question')).toBe('Cwestiwn 2: Rhowch y cwestiwn')
		expect(cy('Enter what you learnt')).toBe('Rhowch yr hyn a ddysgoch')
		expect(cy('Only owners of Riverside School can see this page.')).toBe(
			'Dim ond perchnogion Riverside School all weld y dudalen hon.',
		)
	})

	test('the studio’s publish checks, alone and inside the refusal to publish, in Welsh', async () => {
		// The sentences findPublishProblems writes, so a change to them fails here as well as on the page.
		const { findPublishProblems } = await import('#modules/authoring/publish-course.ts')
		const problems = findPublishProblems({
			cpdMinutes: 50,
			tree: [
				{ id: 'm1', title: 'Getting started', lessons: [] },
				{
					id: 'm2',
					title: 'Practice',
					lessons: [
						{
							key: 'k',
							title: 'Check-in',
							kind: 'QUIZ',
							passMark: 80,
							estimatedMinutes: 5,
							questions: [{ kind: 'SINGLE', options: [{ isCorrect: true }] }],
						},
					],
				},
			] as never,
		})
		expect(problems).toContain('Module “Getting started” has no lessons: add one or delete the module.')
		expect(problems.map(cy)).toContain(
			'Does dim gwersi ym modiwl “Getting started”: ychwanegwch un neu dilëwch y modiwl.',
		)
		expect(problems.map(cy)).toContain('Cwis “Check-in”, cwestiwn 1: rhowch rhwng 2 ac 8 ateb.')
		expect(cy(`This draft cannot be published yet: ${problems.at(-1)}`)).toMatch(
			/: Cwis “Check-in”, cwestiwn 1: rhowch/,
		)
		for (const problem of problems) expect(cy(problem), problem).not.toBe(problem)
	})

	test('zod’s own messages have Welsh, the most specific template winning', () => {
		const message = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error!.issues[0]!.message
		expect(cy(message(z.string(), undefined))).toBe('Llenwch y maes hwn')
		expect(cy(message(z.string().max(3), 'abcd'))).toBe('Rhy hir: dim mwy na 3 nod')
		expect(cy(message(z.number().min(5), 4))).toBe('Rhy fach: rhaid iddo fod yn 5 neu fwy')
		expect(cy(message(z.enum(['a', 'b']), 'c'))).toBe('Dewis annilys: dewiswch un o "a"|"b"')
		expect(cy(message(z.email(), 'nope'))).toBe('Cyfeiriad e-bost annilys')
	})

	test('a message the catalogue does not know (already Welsh, say) is left as it is', () => {
		expect(cy("Mae'r neges hon eisoes yn Gymraeg")).toBe("Mae'r neges hon eisoes yn Gymraeg")
	})
})

describe('the catalogue', () => {
	test('a source template matches its entry whatever its placeholders are called', () => {
		const catalogue = compileErrorCatalogue(english)
		expect(catalogue.matchTemplate('Password must be {{value}} characters or more')).toBe('auth.passwordCharactersMore')
		expect(catalogue.matchTemplate('Password must be {{value}} characters or less')).toBeNull()
	})
})
