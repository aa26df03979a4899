import { describe, expect, test } from 'vitest'
import { serverI18n } from '#modules/i18n/translate.ts'
import { describeOrganisation } from './org-summary.ts'

const en = serverI18n.getFixedT('en', 'org')
const cy = serverI18n.getFixedT('cy', 'org')

describe('describeOrganisation', () => {
	test('says who is in it and how many seats are taken and free, in sentences', () => {
		expect(describeOrganisation({ memberCount: 1, seats: 20, used: 3, pendingInvitations: 1 }, en)).toBe(
			'1 person in your organisation. 3 of your 20 seats are taken, 17 free. 1 invitation is waiting to be accepted.',
		)
	})

	test('in Welsh, with the mutations after numbers', () => {
		expect(describeOrganisation({ memberCount: 2, seats: 20, used: 3, pendingInvitations: 2 }, cy)).toBe(
			'2 berson yn eich sefydliad. Mae 3 o’ch 20 lle wedi’u cymryd, 17 yn rhydd. Mae 2 wahoddiad yn aros i gael eu derbyn.',
		)
	})

	test('plurals and the edges', () => {
		const cases: Array<[Parameters<typeof describeOrganisation>[0], string]> = [
			[
				{ memberCount: 2, seats: 20, used: 1, pendingInvitations: 0 },
				'2 people in your organisation. 1 of your 20 seats is taken, 19 free.',
			],
			[
				{ memberCount: 1, seats: 0, used: 0, pendingInvitations: 0 },
				'1 person in your organisation. You have no seats yet.',
			],
			[
				{ memberCount: 3, seats: 1, used: 0, pendingInvitations: 1 },
				'3 people in your organisation. Your 1 seat is free. 1 invitation is waiting to be accepted.',
			],
			[
				{ memberCount: 3, seats: 1, used: 1, pendingInvitations: 0 },
				'3 people in your organisation. Your 1 seat is taken.',
			],
			[
				{ memberCount: 1, seats: 5, used: 0, pendingInvitations: 2 },
				'1 person in your organisation. None of your 5 seats is taken yet: all 5 are free. 2 invitations are waiting to be accepted.',
			],
			[
				{ memberCount: 4, seats: 5, used: 5, pendingInvitations: 0 },
				'4 people in your organisation. All 5 of your seats are taken.',
			],
		]
		for (const [input, text] of cases) expect(describeOrganisation(input, en)).toBe(text)
	})
})
