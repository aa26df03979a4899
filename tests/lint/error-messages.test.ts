// Every error message a person can read has Welsh (ADR 0045): the messages of DomainErrors thrown in
// modules/ and the custom messages of zod schemas in modules/ and app/, found in the source by
// scripts/error-messages.ts, each have an entry in the `errors` namespace (whose Welsh parity.test.ts
// checks). `npx tsx scripts/error-messages.ts` lists the ones missing.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { compileErrorCatalogue } from '#modules/i18n/error-messages.ts'
import english from '#modules/i18n/locales/en/errors.json' with { type: 'json' }
import welsh from '#modules/i18n/locales/cy/errors.json' with { type: 'json' }
import { findErrorMessages } from '../../scripts/error-messages.ts'

const catalogue = compileErrorCatalogue(english)

function lookup(tree: object, key: string) {
	return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree)
}

describe('error messages in Welsh', () => {
	test('every DomainError message and zod message in the source has a Welsh entry', () => {
		const found = findErrorMessages()
		// A scan that found nothing would pass vacuously.
		expect(found.filter((m) => m.kind === 'domain').length).toBeGreaterThan(300)
		expect(found.filter((m) => m.kind === 'validation').length).toBeGreaterThan(300)
		const missing = found
			.filter((m) => {
				const key = catalogue.matchTemplate(m.text)
				return !key || typeof lookup(welsh, key) !== 'string'
			})
			.map((m) => `${m.file}:${m.line} ${m.text}`)
		expect(missing, 'add these to modules/i18n/locales/{en,cy}/errors.json').toEqual([])
	})

	test('the scan finds a new domain error, a zod message, a helper’s message and a constant', () => {
		const root = fs.mkdtempSync(path.join(os.tmpdir(), 'circle-error-messages-'))
		const write = (file: string, text: string) => {
			fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
			fs.writeFileSync(path.join(root, file), text)
		}
		write('modules/fixture/errors.ts', 'export class FixtureError extends DomainError<never> {}\n')
		write(
			'modules/fixture/thing.ts',
			[
				"const GONE_MESSAGE = 'The fixture has gone.'",
				'function refuse(message: string) {',
				"\treturn new FixtureError('invalid', 'FIXTURE', message)",
				'}',
				'export function thing(n: number) {',
				"\tif (n > 9) throw refuse('Nine fixtures at most.')",
				"\tif (n < 0) throw new FixtureError('gone', 'GONE', GONE_MESSAGE)",
				"\tthrow new FixtureError('conflict', 'FIXTURE_TAKEN', `Fixture ${n} is taken.`)",
				'}',
			].join('\n'),
		)
		write(
			'app/routes/fixture.tsx',
			[
				"import { z } from 'zod'",
				"export const S = z.object({ a: z.string().min(1, 'Enter the fixture'), b: z.number({ error: (i) => (i.input === undefined ? 'Enter a fixture number' : undefined) }) })",
			].join('\n'),
		)
		const texts = [...new Set(findErrorMessages(root).map((m) => m.text))]
		fs.rmSync(root, { recursive: true, force: true })
		expect(texts.sort()).toEqual(
			[
				'Enter a fixture number',
				'Enter the fixture',
				'Fixture {{n}} is taken.',
				'Nine fixtures at most.',
				'The fixture has gone.',
			].sort(),
		)
		for (const text of texts) expect(catalogue.matchTemplate(text), text).toBeNull()
	})
})
