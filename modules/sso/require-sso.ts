import { prisma } from '#modules/db/client.ts'
import { emailDomain } from './domains.ts'
import { SsoError } from './errors.ts'

/**
 * Refuses password sign-in, password reset and sign-up for an address at a domain that an
 * organisation has verified and for which it requires single sign-on. Platform admins (role ADMIN)
 * keep their password as a break-glass path, so a broken provider cannot lock Circle's own staff
 * out. Called near the top of logIn, requestPasswordReset, resetPassword and signUp.
 */
export async function assertPasswordSignInAllowed({
	email,
	field = 'email',
}: {
	email: string
	/** The form field the refusal belongs beside; null for a form without the address (a reset link's). */
	field?: string | null
}) {
	const domain = emailDomain(email)
	if (!domain) return
	// Only the verified claim counts: a pending one (any organisation may hold one) decides nothing.
	const claim = await prisma.organisationDomain.findFirst({
		where: { domain, verifiedAt: { not: null } },
		select: {
			verifiedAt: true,
			organisation: { select: { name: true, identityProvider: { select: { enabled: true, requireSso: true } } } },
		},
	})
	const provider = claim?.organisation.identityProvider
	if (!claim?.verifiedAt || !provider?.enabled || !provider.requireSso) return
	const user = await prisma.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { role: true } })
	if (user?.role === 'ADMIN') return
	throw new SsoError(
		'forbidden',
		'SSO_REQUIRED',
		`${claim.organisation.name} signs you in with single sign-on: passwords are not used for @${domain} addresses. Use "Continue with single sign-on" with your work email.`,
		field ? { field } : {},
	)
}

/**
 * Password sign-in or reset through an account's verified personal address (docs/decisions/0033).
 * The organisation's rule above still stands while it vouches for the person: if it requires single
 * sign-on for the account's own address and they are an active member, they are refused. Once it
 * has let them go (SCIM deactivated or deleted them, an administrator removed them, they left), the
 * personal address opens their own record. Platform admins keep their password, as above.
 */
export async function assertPersonalAddressSignInAllowed({
	userId,
	accountEmail,
	role,
	field = 'email',
}: {
	userId: string
	accountEmail: string
	role: string
	field?: string | null
}) {
	const domain = emailDomain(accountEmail)
	if (!domain || role === 'ADMIN') return
	// Only the verified claim counts: a pending one (any organisation may hold one) decides nothing.
	const claim = await prisma.organisationDomain.findFirst({
		where: { domain, verifiedAt: { not: null } },
		select: {
			verifiedAt: true,
			organisationId: true,
			organisation: { select: { name: true, identityProvider: { select: { enabled: true, requireSso: true } } } },
		},
	})
	const provider = claim?.organisation.identityProvider
	if (!claim?.verifiedAt || !provider?.enabled || !provider.requireSso) return
	const member = await prisma.membership.findFirst({
		where: { organisationId: claim.organisationId, userId, deactivatedAt: null },
		select: { id: true },
	})
	if (!member) return
	throw new SsoError(
		'forbidden',
		'SSO_REQUIRED',
		`While you are a member of ${claim.organisation.name}, sign in with its single sign-on ("Continue with single sign-on" with your work email). Your personal address works once you leave.`,
		field ? { field } : {},
	)
}
