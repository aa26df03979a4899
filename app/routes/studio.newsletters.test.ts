import { afterAll, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { createNewsletterIssue } from '#modules/newsletter/issues.ts'
import { formRequest, getRequest, releaseTestResources, uniqueEmail } from '#tests/factories/auth.ts'
import { createSignedInUser } from '#tests/factories/authoring.ts'
import { runRoute, statusOf } from '#tests/factories/routes.ts'
import { action as subscribeAction } from './newsletter.subscribe.tsx'
import { action as issueAction, loader as issueLoader } from './studio.newsletters.$issueId.tsx'
import { loader as listLoader } from './studio.newsletters._index.tsx'
import { action as newAction, loader as newLoader } from './studio.newsletters.new.tsx'

afterAll(releaseTestResources)

describe('the studio newsletter pages', () => {
	test('a learner cannot reach the pages or their actions, and nothing changes', async () => {
		const { user: author } = await createSignedInUser({ role: 'TRAINER' })
		const { issueId } = await createNewsletterIssue({
			actorId: author.id,
			subject: 'Draft',
			markdown: 'Hello',
			sectors: [],
		})
		const { cookie } = await createSignedInUser({ role: 'LEARNER' })
		expect(statusOf(await runRoute(listLoader, getRequest('/studio/newsletters', { cookie })))).toBe(403)
		expect(statusOf(await runRoute(newLoader, getRequest('/studio/newsletters/new', { cookie })))).toBe(403)
		expect(
			statusOf(await runRoute(issueLoader, getRequest(`/studio/newsletters/${issueId}`, { cookie }), { issueId })),
		).toBe(403)
		const create = formRequest('/studio/newsletters/new', { subject: 'Mine', markdown: 'Hello' }, { cookie })
		expect(statusOf(await runRoute(newAction, create))).toBe(403)
		const send = formRequest(`/studio/newsletters/${issueId}`, { intent: 'send' }, { cookie })
		expect(statusOf(await runRoute(issueAction, send, { issueId }))).toBe(403)
		expect(await prisma.newsletterIssue.findUniqueOrThrow({ where: { id: issueId } })).toMatchObject({
			status: 'DRAFT',
		})
		// A visitor is sent to sign in.
		expect(statusOf(await runRoute(listLoader, getRequest('/studio/newsletters')))).toBe(302)
	})

	test('a trainer creates an issue; no subject or a past send time is a message beside the field', async () => {
		const { cookie } = await createSignedInUser({ role: 'TRAINER' })
		const empty = await runRoute(
			newAction,
			formRequest('/studio/newsletters/new', { subject: '', markdown: 'Hello' }, { cookie }),
		)
		expect(statusOf(empty)).toBe(400)
		expect(JSON.stringify(empty)).toContain('Enter a subject')
		const created = await runRoute(
			newAction,
			formRequest(
				'/studio/newsletters/new',
				{ subject: 'Circles in December', markdown: 'Hello', sectors: ['SCHOOLS'] },
				{ cookie },
			),
		)
		expect(created).toBeInstanceOf(Response)
		const issueId = (created as Response).headers.get('Location')!.split('/').at(-1)!
		const past = await runRoute(
			issueAction,
			formRequest(`/studio/newsletters/${issueId}`, { intent: 'schedule', sendAt: '2020-01-01T09:00' }, { cookie }),
			{ issueId },
		)
		expect(statusOf(past)).toBe(400)
		expect(JSON.stringify(past)).toContain('Choose a time in the future')
		expect(await prisma.newsletterIssue.findUniqueOrThrow({ where: { id: issueId } })).toMatchObject({
			subject: 'Circles in December',
			sectors: ['SCHOOLS'],
			status: 'DRAFT',
			scheduledFor: null,
		})
	})
})

describe('/newsletter/subscribe', () => {
	test('an invalid address is a message beside the field, with nothing saved', async () => {
		const result = await runRoute(
			subscribeAction,
			formRequest('/newsletter/subscribe', { email: 'nobody-at-example', source: 'footer' }),
		)
		expect(statusOf(result)).toBe(400)
		expect(JSON.stringify(result)).toContain('Enter an email address in the correct format')
		expect(await prisma.newsletterSubscriber.count({ where: { email: 'nobody-at-example' } })).toBe(0)
	})

	test('a good sign-up records the wording shown and the form it came from', async () => {
		const email = uniqueEmail('route')
		const result = await runRoute(
			subscribeAction,
			formRequest('/newsletter/subscribe', { email, name: 'Dewi', sectors: ['PARENTS_CARERS'], source: 'home' }),
		)
		expect(result).toMatchObject({ done: true })
		const consent = await prisma.newsletterConsent.findFirstOrThrow({ where: { subscriber: { email } } })
		expect(consent).toMatchObject({
			event: 'signed-up',
			source: 'home',
			wording: expect.stringContaining('By subscribing you agree'),
		})
	})
})
