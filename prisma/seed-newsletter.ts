import { generateEmailToken } from '#modules/auth/tokens.ts'
import { prisma } from '#modules/db/client.ts'
import type { NewsletterSubscriberStatus, Sector } from '#modules/db/generated/enums.ts'

// Demo content for the "inner circle" newsletter (docs/decisions/0042-newsletter.md): confirmed
// subscribers in several sectors (the demo learner among them, so /account/newsletter has something
// to show), one who has not confirmed, one who unsubscribed, one whose address bounced after the
// issue was sent (suppressed, ADR 0046: its delivery shows BOUNCED and its preferences page says so),
// and one issue already sent with its deliveries. Idempotent: keyed by address and by the issue's fixed id.

const WORDING =
	'By subscribing you agree to receive Circle’s newsletter about relational and restorative practice by email. We will send you a link to confirm first, and you can unsubscribe at any time from any email.'

export const DEMO_NEWSLETTER_ISSUE_ID = 'demo-newsletter-issue-1'
/** The foster carer's preferences and unsubscribe token, fixed so tests/e2e/pages.ts can open those pages. */
export const DEMO_NEWSLETTER_TOKEN = 'demonewslettertokenfostercarer'
/** The bounced address's preferences token, fixed for the same reason. */
export const DEMO_SUPPRESSED_TOKEN = 'demonewslettertokenbounced'
const BOUNCED = 'old.address@example.org'

export const DEMO_SUBSCRIBERS: {
	email: string
	name: string | null
	sectors: Sector[]
	status: NewsletterSubscriberStatus
}[] = [
	{ email: 'learner@circle.example', name: 'Sam Taylor', sectors: ['HEALTH_SOCIAL_CARE'], status: 'CONFIRMED' },
	{ email: 'head@ysgol-glan-yr-afon.example', name: 'Eleri Hughes', sectors: ['SCHOOLS'], status: 'CONFIRMED' },
	{ email: 'probation.lead@example.org', name: 'Marcus Bell', sectors: ['CRIMINAL_JUSTICE'], status: 'CONFIRMED' },
	{ email: 'foster.carer@example.org', name: null, sectors: [], status: 'CONFIRMED' },
	{ email: 'not.yet@example.org', name: 'Priya Nair', sectors: ['PARENTS_CARERS'], status: 'PENDING' },
	{ email: 'moved.on@example.org', name: 'Tom Price', sectors: ['SCHOOLS'], status: 'UNSUBSCRIBED' },
	{ email: BOUNCED, name: 'Rhys Morgan', sectors: ['HEALTH_SOCIAL_CARE'], status: 'CONFIRMED' },
]

const ISSUE_MARKDOWN = `Welcome to the first issue of **the inner circle**.

## Working *with*, not *to*

The social discipline window asks a simple question of every decision about behaviour: are we doing
this *to* people, *for* them, or *with* them? This month three schools and an NHS ward tell us what
changed when they started each day with a short check-in circle.

- A primary school cut its exclusions by half in two terms.
- A ward team found handovers calmer and quicker.

[Browse the courses](https://circle.example/courses) or reply to tell us what you would like to read next.`

/** Seeds the newsletter demo (see above); running it again changes nothing. */
export async function seedDemoNewsletter({ trainerId, now = new Date() }: { trainerId: string; now?: Date }) {
	const DAY = 24 * 60 * 60 * 1000
	const sentAt = new Date(now.getTime() - 14 * DAY)
	// The provider reported the bounce an hour after the issue went out.
	const bouncedAt = new Date(sentAt.getTime() + 60 * 60 * 1000)
	const ids: Record<string, string> = {}
	for (const [i, s] of DEMO_SUBSCRIBERS.entries()) {
		const signedUpAt = new Date(now.getTime() - (40 - i) * DAY)
		const existing = await prisma.newsletterSubscriber.findUnique({ where: { email: s.email }, select: { id: true } })
		if (existing) {
			ids[s.email] = existing.id
			continue
		}
		const account = await prisma.user.findUnique({ where: { email: s.email }, select: { id: true } })
		const confirmed = s.status !== 'PENDING'
		const subscriber = await prisma.newsletterSubscriber.create({
			data: {
				email: s.email,
				name: s.name,
				sectors: s.sectors,
				status: s.status,
				unsubscribeToken:
					s.email === 'foster.carer@example.org'
						? DEMO_NEWSLETTER_TOKEN
						: s.email === BOUNCED
							? DEMO_SUPPRESSED_TOKEN
							: generateEmailToken(),
				userId: account?.id ?? null,
				confirmSentAt: signedUpAt,
				// The pending one's link is not in any inbox: it cannot be confirmed, only signed up again.
				confirmExpiresAt: confirmed ? null : new Date(now.getTime() + 7 * DAY),
				confirmedAt: confirmed ? new Date(signedUpAt.getTime() + 60 * 60 * 1000) : null,
				unsubscribedAt: s.status === 'UNSUBSCRIBED' ? new Date(now.getTime() - 5 * DAY) : null,
				suppressedAt: s.email === BOUNCED ? bouncedAt : null,
				suppressedReason: s.email === BOUNCED ? 'hard-bounce' : null,
				createdAt: signedUpAt,
				consents: {
					create: [
						{ event: 'signed-up', source: 'footer', wording: WORDING, createdAt: signedUpAt },
						...(confirmed
							? [
									{
										event: 'confirmed',
										source: 'footer',
										wording: WORDING,
										createdAt: new Date(signedUpAt.getTime() + 60 * 60 * 1000),
									},
								]
							: []),
						...(s.status === 'UNSUBSCRIBED'
							? [
									{
										event: 'unsubscribed',
										source: 'one-click',
										wording: '',
										createdAt: new Date(now.getTime() - 5 * DAY),
									},
								]
							: []),
						...(s.email === BOUNCED
							? [{ event: 'suppressed', source: 'hard-bounce', wording: '', createdAt: bouncedAt }]
							: []),
					],
				},
			},
			select: { id: true },
		})
		ids[s.email] = subscriber.id
	}

	const issue = await prisma.newsletterIssue.upsert({
		where: { id: DEMO_NEWSLETTER_ISSUE_ID },
		update: {},
		create: {
			id: DEMO_NEWSLETTER_ISSUE_ID,
			subject: 'Working with, not to: what changed in three schools and a ward',
			markdown: ISSUE_MARKDOWN,
			sectors: [],
			status: 'SENT',
			sendStartedAt: sentAt,
			sentAt,
			authorId: trainerId,
			createdAt: new Date(sentAt.getTime() - 2 * DAY),
		},
		select: { id: true },
	})
	// Everyone confirmed then got it (the one who unsubscribed did so after this issue).
	const recipients = DEMO_SUBSCRIBERS.filter((s) => s.status !== 'PENDING').map((s) => ids[s.email]!)
	await prisma.newsletterDelivery.createMany({
		data: recipients.map((subscriberId) => ({
			issueId: issue.id,
			subscriberId,
			status: subscriberId === ids[BOUNCED] ? ('BOUNCED' as const) : ('SENT' as const),
			createdAt: sentAt,
		})),
		skipDuplicates: true,
	})
}
