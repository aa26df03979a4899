import { afterAll, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { releaseTestResources } from '#tests/factories/auth.ts'
import { createCourse } from '#tests/factories/learning.ts'
import { addMember, createOrganisation } from '#tests/factories/organisations.ts'
import { consentingPeople, reflect } from '#tests/factories/themes.ts'
import { createTeam } from '#modules/teams/manage-teams.ts'
import { addTeamMember } from '#modules/teams/team-members.ts'
import { getTeamThemes } from './get-team-themes.ts'
import { saveReflectionChoices, setThemesOptIn } from './settings.ts'
import {
	selectCodeThemes,
	selectGroupSize,
	selectHardestPrompts,
	selectRatingCounts,
	selectSharedReflections,
} from './sql.ts'

afterAll(releaseTestResources)

const NOW = new Date('2026-12-06T10:00:00Z')
const RECENT = new Date('2026-10-01T10:00:00Z')

async function world() {
	const org = await createOrganisation({ name: 'Riverside Care Trust' })
	const course = await createCourse({ modules: 1, lessonKinds: ['QUIZ'] })
	return { org, course, admin: { organisationId: org.id, actorId: org.owner.id } }
}

describe('team themes', () => {
	test('five consenting people show themes; four show nothing, and the SQL itself returns nothing for four', async () => {
		const { org, course, admin } = await world()
		const consenting = await consentingPeople(NOW, RECENT, org.id, course, 4, {
			optIn: true,
			themes: ['Preserve safety', 'Prioritise people'],
		})
		// Plenty of people who never said yes do not make a group.
		await consentingPeople(NOW, RECENT, org.id, course, 3, { optIn: false })
		const [sharer] = consenting
		await saveReflectionChoices({
			userId: sharer!.id,
			reflectionId: sharer!.reflectionId,
			difficulty: 4,
			shareOrganisationIds: [org.id],
		})

		const four = await getTeamThemes({ ...admin, teamId: null, now: NOW })
		expect(four).toEqual({ enough: false, minimum: 5, since: expect.any(Date) })
		// The rule is in the statements, not only in getTeamThemes: called directly, each returns nothing.
		const group = { organisationId: org.id, teamId: null, since: new Date('2025-12-06T10:00:00Z') }
		await prisma.$transaction(async (tx) => {
			expect(await selectGroupSize(tx, group)).toBeNull()
			expect(await selectCodeThemes(tx, group)).toEqual([])
			expect(await selectHardestPrompts(tx, group)).toEqual([])
			expect(await selectRatingCounts(tx, group)).toEqual([])
			expect(await selectSharedReflections(tx, group)).toEqual([])
		})

		const fifth = await consentingPeople(NOW, RECENT, org.id, course, 1, { optIn: true, themes: ['Preserve safety'] })
		const five = await getTeamThemes({ ...admin, teamId: null, now: NOW })
		if (!five.enough) throw new Error('expected themes for five people')
		expect(five.people).toBe(5)
		expect(five.codeThemes).toEqual({
			writers: 5,
			themes: [
				{ theme: 'Preserve safety', accounts: 5, people: 5 },
				{ theme: 'Prioritise people', accounts: 4, people: 4 },
			],
		})
		expect(five.hardestPrompts).toEqual([
			expect.objectContaining({
				prompt: course.lessons[0]!.questions[2]!.prompt,
				people: 5,
				averageDifficulty: 4,
				hardFor: 5,
			}),
		])
		expect(five.ratings).toHaveLength(1)
		expect(five.ratings[0]!.counts).toEqual([
			{ value: 1, people: 0 },
			{ value: 2, people: 5 },
			{ value: 3, people: 0 },
			{ value: 4, people: 0 },
			{ value: 5, people: 0 },
		])
		// Only the one reflection its writer shared: no other words at all, not the reflections, not the records.
		expect(five.shared.map((row) => row.text)).toEqual([sharer!.text])
		const everything = JSON.stringify(five)
		for (const person of [...consenting.slice(1), ...fifth]) {
			expect(everything).not.toContain(person.text)
			expect(everything).not.toContain(`secret activity of ${person.id}`)
		}
	})

	test("a non-consenting person's ratings, themes and shared words never count", async () => {
		const { org, course, admin } = await world()
		await consentingPeople(NOW, RECENT, org.id, course, 5, {
			optIn: true,
			themes: ['Practise effectively'],
			difficulty: 2,
			rating: 4,
		})
		const [outsider] = await consentingPeople(NOW, RECENT, org.id, course, 1, {
			optIn: true,
			themes: ['Preserve safety'],
			difficulty: 5,
			rating: 1,
		})
		await saveReflectionChoices({
			userId: outsider!.id,
			reflectionId: outsider!.reflectionId,
			difficulty: 5,
			shareOrganisationIds: [org.id],
		})
		const withOutsider = await getTeamThemes({ ...admin, teamId: null, now: NOW })
		if (!withOutsider.enough) throw new Error('expected themes')
		expect(withOutsider.shared.map((row) => row.text)).toEqual([outsider!.text])

		// Saying no takes everything of theirs out, and withdraws the share.
		await setThemesOptIn({ userId: outsider!.id, organisationId: org.id, optIn: false, now: NOW })
		expect(await prisma.reflectionShare.count({ where: { reflectionId: outsider!.reflectionId } })).toBe(0)
		const themes = await getTeamThemes({ ...admin, teamId: null, now: NOW })
		if (!themes.enough) throw new Error('expected themes')
		expect(themes.people).toBe(5)
		expect(themes.codeThemes.themes).toEqual([{ theme: 'Practise effectively', accounts: 5, people: 5 }])
		expect(themes.hardestPrompts[0]).toMatchObject({ people: 5, averageDifficulty: 2 })
		expect(themes.ratings[0]!.counts.find((c) => c.value === 1)).toEqual({ value: 1, people: 0 })
		expect(themes.shared).toEqual([])
		expect(JSON.stringify(themes)).not.toContain(outsider!.text)

		// Saying yes again shares nothing by itself.
		await setThemesOptIn({ userId: outsider!.id, organisationId: org.id, optIn: true, now: NOW })
		const again = await getTeamThemes({ ...admin, teamId: null, now: NOW })
		if (!again.enough) throw new Error('expected themes')
		expect(again.shared).toEqual([])
	})

	test('only reflections their writer shared are shown, without a name; a prompt rated by four is left out', async () => {
		const { org, course, admin } = await world()
		const group = await consentingPeople(NOW, RECENT, org.id, course, 6, { optIn: true })
		const [sharer, ...rest] = group
		await saveReflectionChoices({
			userId: sharer!.id,
			reflectionId: sharer!.reflectionId,
			difficulty: 4,
			shareOrganisationIds: [org.id],
		})
		const themes = await getTeamThemes({ ...admin, teamId: null, now: NOW })
		if (!themes.enough) throw new Error('expected themes')
		expect(themes.shared).toEqual([
			{
				id: sharer!.reflectionId,
				courseTitle: course.title,
				prompt: expect.any(String),
				text: sharer!.text,
				updatedAt: expect.any(Date),
			},
		])
		const everything = JSON.stringify(themes)
		for (const person of rest) expect(everything).not.toContain(person.text)
		expect(everything).not.toContain('Person 1')

		// A second prompt that only four people rated stays hidden, though the group is large enough.
		const other = await createCourse({ modules: 1, lessonKinds: ['QUIZ'] })
		for (const person of group.slice(0, 4))
			await reflect(person.id, other, RECENT, { themes: [], difficulty: 5, rating: 5 })
		const after = await getTeamThemes({ ...admin, teamId: null, now: NOW })
		if (!after.enough) throw new Error('expected themes')
		expect(after.hardestPrompts.map((row) => row.courseTitle)).toEqual([course.title])
		expect(after.ratings.map((row) => row.courseTitle)).toEqual([course.title])
	})

	test('a person in two organisations shares only with the one they chose', async () => {
		const a = await world()
		const b = await createOrganisation({ name: 'Hillside Council' })
		const inA = await consentingPeople(NOW, RECENT, a.org.id, a.course, 5, { optIn: true })
		await consentingPeople(NOW, RECENT, b.id, a.course, 4, { optIn: true })
		const both = inA[0]!
		await addMember({ organisationId: b.id, userId: both.id })

		// Said yes in A only: B still has four people, so B shows nothing.
		expect((await getTeamThemes({ organisationId: b.id, actorId: b.owner.id, teamId: null, now: NOW })).enough).toBe(
			false,
		)
		await expect(
			saveReflectionChoices({
				userId: both.id,
				reflectionId: both.reflectionId,
				difficulty: 3,
				shareOrganisationIds: [b.id],
			}),
		).rejects.toMatchObject({ code: 'THEMES_NOT_OPTED_IN' })

		// Yes in both, shared with A only: B counts them but never reads their words.
		await setThemesOptIn({ userId: both.id, organisationId: b.id, optIn: true, now: NOW })
		await saveReflectionChoices({
			userId: both.id,
			reflectionId: both.reflectionId,
			difficulty: 3,
			shareOrganisationIds: [a.org.id],
		})
		const inB = await getTeamThemes({ organisationId: b.id, actorId: b.owner.id, teamId: null, now: NOW })
		const inAThemes = await getTeamThemes({ ...a.admin, teamId: null, now: NOW })
		if (!inB.enough || !inAThemes.enough) throw new Error('expected themes in both')
		expect(inB.people).toBe(5)
		expect(inB.shared).toEqual([])
		expect(JSON.stringify(inB)).not.toContain(both.text)
		expect(inAThemes.shared.map((row) => row.text)).toEqual([both.text])

		// A's share cannot be made on B's behalf through another person's reflection either.
		await expect(
			saveReflectionChoices({
				userId: inA[1]!.id,
				reflectionId: both.reflectionId,
				difficulty: 1,
				shareOrganisationIds: [],
			}),
		).rejects.toMatchObject({ code: 'THEMES_REFLECTION_NOT_FOUND' })
	})

	test('a team manager sees their own team only; a team of four shows nothing; members are refused', async () => {
		const { org, course, admin } = await world()
		const wardA = await createTeam({ ...admin, name: 'Ward A', parentId: null })
		const bay = await createTeam({ ...admin, name: 'Bay 2', parentId: wardA.id })
		const wardB = await createTeam({ ...admin, name: 'Ward B', parentId: null })
		const inWardA = await consentingPeople(NOW, RECENT, org.id, course, 3, { optIn: true })
		const inBay = await consentingPeople(NOW, RECENT, org.id, course, 2, { optIn: true })
		const inWardB = await consentingPeople(NOW, RECENT, org.id, course, 4, { optIn: true })
		for (const p of inWardA) await addTeamMember({ ...admin, teamId: wardA.id, membershipId: p.membershipId, now: NOW })
		for (const p of inBay) await addTeamMember({ ...admin, teamId: bay.id, membershipId: p.membershipId, now: NOW })
		for (const p of inWardB) await addTeamMember({ ...admin, teamId: wardB.id, membershipId: p.membershipId, now: NOW })
		const manager = await addMember({ organisationId: org.id, name: 'Mo Manager' })
		await addTeamMember({ ...admin, teamId: wardA.id, membershipId: manager.membershipId, asManager: true, now: NOW })
		const asManager = { organisationId: org.id, actorId: manager.id }

		// Ward A with its bay beneath it: five people who said yes.
		const wardAThemes = await getTeamThemes({ ...asManager, teamId: wardA.id, now: NOW })
		expect(wardAThemes).toMatchObject({ enough: true, people: 5 })
		expect((await getTeamThemes({ ...asManager, teamId: bay.id, now: NOW })).enough).toBe(false)
		await expect(getTeamThemes({ ...asManager, teamId: wardB.id, now: NOW })).rejects.toMatchObject({
			code: 'THEMES_TEAM_NOT_FOUND',
		})
		await expect(getTeamThemes({ ...asManager, teamId: null, now: NOW })).rejects.toMatchObject({
			code: 'THEMES_TEAM_NOT_FOUND',
		})
		// The administrator sees Ward B's four as nothing too.
		expect((await getTeamThemes({ ...admin, teamId: wardB.id, now: NOW })).enough).toBe(false)
		// A plain member is refused; so is a stranger.
		await expect(
			getTeamThemes({ organisationId: org.id, actorId: inWardB[0]!.id, teamId: wardB.id, now: NOW }),
		).rejects.toMatchObject({
			kind: 'forbidden',
		})
		const stranger = await createOrganisation()
		await expect(
			getTeamThemes({ organisationId: org.id, actorId: stranger.owner.id, teamId: null, now: NOW }),
		).rejects.toMatchObject({
			kind: 'not_found',
		})
	})

	test('a leaver (deactivated by the directory) or a disabled account stops counting at once', async () => {
		const { org, course, admin } = await world()
		const group = await consentingPeople(NOW, RECENT, org.id, course, 6, { optIn: true })
		expect(await getTeamThemes({ ...admin, teamId: null, now: NOW })).toMatchObject({ enough: true, people: 6 })
		await prisma.membership.update({ where: { id: group[0]!.membershipId }, data: { deactivatedAt: NOW } })
		expect(await getTeamThemes({ ...admin, teamId: null, now: NOW })).toMatchObject({ enough: true, people: 5 })
		await prisma.user.update({ where: { id: group[1]!.id }, data: { disabledAt: NOW } })
		expect((await getTeamThemes({ ...admin, teamId: null, now: NOW })).enough).toBe(false)
	})

	test('reflections older than a year from now do not count, and the group is counted as of now', async () => {
		const { org, course, admin } = await world()
		await consentingPeople(NOW, RECENT, org.id, course, 5, { optIn: true })
		const later = new Date('2027-11-01T10:00:00Z')
		const themes = await getTeamThemes({ ...admin, teamId: null, now: later })
		if (!themes.enough) throw new Error('expected the group')
		expect(themes.codeThemes.themes).toEqual([])
		expect(themes.hardestPrompts).toEqual([])
		expect(themes.ratings).toEqual([])
	})

	test('saying yes is for your own active membership only, and is off by default', async () => {
		const { org, course } = await world()
		const [person] = await consentingPeople(NOW, RECENT, org.id, course, 1, { optIn: false })
		expect(
			(await prisma.membership.findUniqueOrThrow({ where: { id: person!.membershipId } })).themesOptInAt,
		).toBeNull()
		const elsewhere = await createOrganisation()
		await expect(
			setThemesOptIn({ userId: person!.id, organisationId: elsewhere.id, optIn: true, now: NOW }),
		).rejects.toMatchObject({
			code: 'THEMES_MEMBERSHIP_NOT_FOUND',
		})
		await setThemesOptIn({ userId: person!.id, organisationId: org.id, optIn: true, now: NOW })
		const membership = await prisma.membership.findUniqueOrThrow({ where: { id: person!.membershipId } })
		expect(membership.themesOptInAt).toEqual(NOW)
		const audit = await prisma.auditLog.findFirstOrThrow({ where: { actorId: person!.id, action: 'themes.opted_in' } })
		// Not in the organisation's own audit log: who said yes is not the organisation's to watch.
		expect(audit.organisationId).toBeNull()
		// The self-rating does not move the reflection's updatedAt (the lesson autosave reads it).
		const before = await prisma.reflection.findUniqueOrThrow({ where: { id: person!.reflectionId } })
		await saveReflectionChoices({
			userId: person!.id,
			reflectionId: person!.reflectionId,
			difficulty: 1,
			shareOrganisationIds: [],
		})
		const after = await prisma.reflection.findUniqueOrThrow({ where: { id: person!.reflectionId } })
		expect(after.difficulty).toBe(1)
		expect(after.updatedAt).toEqual(before.updatedAt)
	})
})
