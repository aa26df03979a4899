import { generateEmailToken, hashToken } from '#modules/auth/tokens.ts'
import { prisma } from '#modules/db/client.ts'
import type { Sector } from '#modules/db/generated/enums.ts'
import type { Language } from '#modules/i18n/languages.ts'
import { sendEmail } from '#modules/mail/send-email.ts'
import { consumeThrottle } from '#modules/security/throttle.ts'
import { NewsletterError } from './errors.ts'
import { CONFIRMATION_DAYS, confirmUrl } from './links.ts'
import { NewsletterSignupSchema, type NewsletterSignupInput } from './schemas.ts'

const DAY_MS = 24 * 60 * 60 * 1000
/** A repeat sign-up for a pending address within this time queues no second confirmation email. */
const RESEND_AFTER_MS = 60 * 60 * 1000

export type SubscribeOptions = {
	input: NewsletterSignupInput
	/** The exact consent wording shown beside the form, in the language it was shown in. */
	wording: string
	ipAddress: string
	language?: Language | null
	now: Date
}

/**
 * A sign-up from the "join the inner circle" form (double opt-in, docs/decisions/0042-newsletter.md).
 * Records the consent (when, which form, the wording) and emails a single-use confirmation link that
 * lasts CONFIRMATION_DAYS; nobody is mailed an issue until they follow it. The caller always shows
 * the same answer: an address already confirmed gets no email and no change (so the form does not
 * reveal who is subscribed), and a pending one gets at most one confirmation email an hour. Throttled
 * per IP address and per address before anything is written. Returns what happened, for tests.
 */
export async function subscribeToNewsletter({ input, wording, ipAddress, language, now }: SubscribeOptions) {
	const parsed = NewsletterSignupSchema.safeParse(input)
	if (!parsed.success) {
		const issue = parsed.error.issues[0]
		throw new NewsletterError('invalid', 'INVALID_SIGNUP', issue?.message ?? 'The sign-up is not valid', {
			field: issue?.path[0] === undefined ? undefined : String(issue.path[0]),
		})
	}
	const { email, name, sectors, source } = parsed.data
	const tooMany = 'You have signed up several times in a short while. Please wait a few minutes and try again.'
	await consumeThrottle('newsletterSignupPerIp', ipAddress, tooMany)
	await consumeThrottle('newsletterSignupPerAddress', `newsletter:${email}`, tooMany)

	return prisma.$transaction(async (tx) => {
		const existing = await tx.newsletterSubscriber.findUnique({
			where: { email },
			select: { id: true, status: true, confirmSentAt: true, suppressedAt: true },
		})
		// The provider reported this address as bouncing or complaining (ADR 0046): not even a
		// confirmation goes to it. The form's answer is the same as ever.
		if (existing?.suppressedAt) return { outcome: 'suppressed' as const }
		if (existing?.status === 'CONFIRMED') return { outcome: 'already-confirmed' as const }
		if (
			existing?.status === 'PENDING' &&
			existing.confirmSentAt &&
			now.getTime() - existing.confirmSentAt.getTime() < RESEND_AFTER_MS
		) {
			return { outcome: 'recently-sent' as const }
		}
		const token = generateEmailToken()
		const account = await tx.user.findUnique({ where: { email }, select: { id: true } })
		const fields = {
			name: name ?? null,
			sectors,
			status: 'PENDING' as const,
			confirmTokenHash: hashToken(token),
			confirmExpiresAt: new Date(now.getTime() + CONFIRMATION_DAYS * DAY_MS),
			confirmSentAt: now,
			language: language ?? null,
		}
		const subscriber = existing
			? await tx.newsletterSubscriber.update({ where: { id: existing.id }, data: fields, select: { id: true } })
			: await tx.newsletterSubscriber.create({
					data: { ...fields, email, unsubscribeToken: generateEmailToken(), userId: account?.id ?? null },
					select: { id: true },
				})
		await tx.newsletterConsent.create({
			data: { subscriberId: subscriber.id, event: 'signed-up', source, wording, ipAddress, createdAt: now },
			select: { id: true },
		})
		await sendEmail(
			{
				to: email,
				language,
				template: 'newsletter-confirm',
				props: { name: name ?? null, confirmUrl: confirmUrl(token), days: CONFIRMATION_DAYS },
			},
			tx,
		)
		return { outcome: 'confirmation-sent' as const, subscriberId: subscriber.id }
	})
}

/** The pending sign-up a confirmation link belongs to (for the page that shows the button), or null. */
export async function findPendingConfirmation({ token, now }: { token: string; now: Date }) {
	const subscriber = await prisma.newsletterSubscriber.findUnique({
		where: { confirmTokenHash: hashToken(token) },
		select: { email: true, confirmExpiresAt: true },
	})
	if (!subscriber) return null
	return { email: subscriber.email, expired: !subscriber.confirmExpiresAt || subscriber.confirmExpiresAt <= now }
}

/**
 * Follows a confirmation link: the sign-up becomes CONFIRMED and the token is used up, in one
 * conditional UPDATE (so two clicks at once confirm once). A link already used, or never issued,
 * is CONFIRMATION_LINK_NOT_VALID; one past its expiry is CONFIRMATION_LINK_EXPIRED.
 */
export async function confirmNewsletterSubscription({
	token,
	ipAddress,
	now,
}: {
	token: string
	ipAddress?: string | null
	now: Date
}) {
	const tokenHash = hashToken(token)
	return prisma.$transaction(async (tx) => {
		const subscriber = await tx.newsletterSubscriber.findUnique({
			where: { confirmTokenHash: tokenHash },
			select: { id: true, confirmExpiresAt: true, unsubscribeToken: true },
		})
		if (!subscriber) {
			throw new NewsletterError(
				'gone',
				'CONFIRMATION_LINK_NOT_VALID',
				'This confirmation link has already been used or is not valid.',
			)
		}
		if (!subscriber.confirmExpiresAt || subscriber.confirmExpiresAt <= now) {
			throw new NewsletterError(
				'gone',
				'CONFIRMATION_LINK_EXPIRED',
				'This confirmation link has expired. Please sign up again for a new one.',
			)
		}
		// The token is the guard: only one transaction can clear it.
		const { count } = await tx.newsletterSubscriber.updateMany({
			where: { id: subscriber.id, confirmTokenHash: tokenHash },
			data: {
				status: 'CONFIRMED',
				confirmedAt: now,
				confirmTokenHash: null,
				confirmExpiresAt: null,
				unsubscribedAt: null,
			},
		})
		if (count === 0) {
			throw new NewsletterError('gone', 'CONFIRMATION_LINK_NOT_VALID', 'This confirmation link has already been used.')
		}
		const signUp = await tx.newsletterConsent.findFirst({
			where: { subscriberId: subscriber.id, event: 'signed-up' },
			orderBy: { createdAt: 'desc' },
			select: { source: true, wording: true },
		})
		await tx.newsletterConsent.create({
			data: {
				subscriberId: subscriber.id,
				event: 'confirmed',
				source: signUp?.source ?? 'footer',
				wording: signUp?.wording ?? '',
				ipAddress: ipAddress ?? null,
				createdAt: now,
			},
			select: { id: true },
		})
		return { preferencesToken: subscriber.unsubscribeToken }
	})
}

const SUBSCRIPTION_SELECT = {
	id: true,
	email: true,
	status: true,
	sectors: true,
	unsubscribeToken: true,
	suppressedAt: true,
	suppressedReason: true,
} as const

/** The subscription an unsubscribe or preferences link manages, or null for an unknown token. */
export async function findSubscriptionByToken({ token }: { token: string }) {
	if (token.length > 100) return null
	return prisma.newsletterSubscriber.findUnique({ where: { unsubscribeToken: token }, select: SUBSCRIPTION_SELECT })
}

/** The subscription for a signed-in person's address (or linked to their account), or null. */
export async function findSubscriptionForUser({ userId }: { userId: string }) {
	const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } })
	return prisma.newsletterSubscriber.findFirst({
		where: { OR: [{ userId }, { email: user.email.toLowerCase() }] },
		select: SUBSCRIPTION_SELECT,
	})
}

async function subscriberForToken(token: string) {
	const subscriber = await findSubscriptionByToken({ token })
	if (!subscriber) {
		throw new NewsletterError('not_found', 'NEWSLETTER_LINK_NOT_FOUND', 'This newsletter link is not valid.')
	}
	return subscriber
}

/**
 * Unsubscribes the address a link belongs to (one-click, the preferences page or /account). It is
 * never mailed an issue again unless it signs up and confirms afresh. Idempotent.
 */
export async function unsubscribeFromNewsletter({
	token,
	source,
	ipAddress,
	now,
}: {
	token: string
	source: 'one-click' | 'preferences' | 'account'
	ipAddress?: string | null
	now: Date
}) {
	const subscriber = await subscriberForToken(token)
	if (subscriber.status === 'UNSUBSCRIBED') return
	await prisma.$transaction(async (tx) => {
		await tx.newsletterSubscriber.update({
			where: { id: subscriber.id },
			data: { status: 'UNSUBSCRIBED', unsubscribedAt: now, confirmTokenHash: null, confirmExpiresAt: null },
			select: { id: true },
		})
		await tx.newsletterConsent.create({
			data: { subscriberId: subscriber.id, event: 'unsubscribed', source, wording: '', ipAddress, createdAt: now },
			select: { id: true },
		})
	})
}

/** Changes the sectors a subscription hears about (empty: everything). */
export async function updateNewsletterInterests({
	token,
	sectors,
	source,
	ipAddress,
	now,
}: {
	token: string
	sectors: Sector[]
	source: 'preferences' | 'account'
	ipAddress?: string | null
	now: Date
}) {
	const subscriber = await subscriberForToken(token)
	await prisma.$transaction(async (tx) => {
		await tx.newsletterSubscriber.update({ where: { id: subscriber.id }, data: { sectors }, select: { id: true } })
		await tx.newsletterConsent.create({
			data: {
				subscriberId: subscriber.id,
				event: 'preferences-changed',
				source,
				wording: sectors.join(','),
				ipAddress,
				createdAt: now,
			},
			select: { id: true },
		})
	})
}
