import { describe, expect, test } from 'vitest'
import {
	copyValue,
	id,
	layout,
	LESSONS_PER_COURSE,
	planFor,
	prng,
	requirementDueOn,
	SIZES,
	teamLayout,
} from './seed-scale.ts'

describe('seed:scale generation', () => {
	test('plans are deterministic: every pass over the tables sees the same enrolments', () => {
		const l = layout('S')
		for (const learner of [0, 1, 150, 499]) expect(planFor(l, learner)).toEqual(planFor(l, learner))
		expect(prng(7)()).toBe(prng(7)())
	})

	test('a learner never has two enrolments on one course, and progress stays within the course', () => {
		const l = layout('S')
		for (let n = 0; n < l.learners; n++) {
			const plans = planFor(l, n)
			expect(new Set(plans.map((p) => p.course)).size).toBe(plans.length)
			for (const p of plans) {
				expect(p.course).toBeGreaterThanOrEqual(0)
				expect(p.course).toBeLessThan(l.courses)
				expect(p.done + (p.inProgress ? 1 : 0)).toBeLessThanOrEqual(LESSONS_PER_COURSE)
			}
		}
	})

	test('the big organisation has its staff, each with a seat on each of its courses', () => {
		for (const size of ['S', 'M', 'L'] as const) {
			const l = layout(size)
			let staff = 0
			for (let n = 0; n < l.learners; n++) if (l.orgOf(n) === 0) staff++
			expect(staff).toBe(SIZES[size].bigOrgStaff)
			expect(planFor(l, 0).filter((p) => p.seatOrg === 0)).toHaveLength(SIZES[size].bigOrgCourses)
			// Every learner's organisation exists.
			for (let n = 0; n < l.learners; n += 97) expect(l.orgOf(n)).toBeLessThan(l.organisations)
		}
	})

	test('ids look like cuids and are unique per tag and number', () => {
		expect(id('le', 35)).toMatch(/^c[a-z0-9]{8,}$/)
		expect(id('le', 35)).not.toBe(id('le', 36))
	})

	test('COPY text format escapes tabs, newlines, backslashes and writes arrays and NULL', () => {
		expect(copyValue(null)).toBe('\\N')
		expect(copyValue('a\tb\nc\\d')).toBe('a\\tb\\nc\\\\d')
		expect(copyValue(['Say "why"', 'plain'])).toBe('{"Say \\\\"why\\\\"","plain"}')
		expect(copyValue(true)).toBe('t')
		expect(copyValue(new Date('2026-01-02T03:04:05Z'))).toBe('2026-01-02T03:04:05.000Z')
	})

	test('the big organisation’s teams: two levels, everyone in a ward, a manager per site, due dates a year either side', () => {
		const l = layout('L')
		const { teams, membershipsOf } = teamLayout()
		const byId = new Map(teams.map((t) => [t.id, t]))
		expect(teams.filter((t) => t.parentId === null)).toHaveLength(10)
		expect(teams.every((t) => t.parentId === null || byId.get(t.parentId)?.parentId === null)).toBe(true)
		const managed = new Set<string>()
		for (let n = 0; n < l.bigOrgStaff; n++) {
			const rows = membershipsOf(n)
			expect(rows.filter((r) => !r.isManager).every((r) => byId.get(r.teamId)?.parentId !== null)).toBe(true)
			expect(new Set(rows.map((r) => r.teamId)).size).toBe(rows.length)
			for (const r of rows) if (r.isManager) managed.add(r.teamId)
		}
		expect(managed.size).toBe(10)
		const dues = Array.from({ length: 200 }, (_, n) => requirementDueOn(n, planFor(l, n)[0]!)).sort()
		expect(dues[0]! < '2026-06-01' && dues.at(-1)! > '2027-06-01').toBe(true)
	})
})
