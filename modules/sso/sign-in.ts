import { createHash } from 'node:crypto'
import { recordAudit, type RequestOrigin } from '#modules/audit/record.ts'
import { findAddressHolder } from '#modules/auth/personal-email.ts'
import { beginSignIn, type SignInResult } from '#modules/auth/sign-in.ts'
import { generateEmailToken, hashToken } from '#modules/auth/tokens.ts'
import { prisma, type Tx } from '#modules/db/client.ts'
import { appUrl } from '#modules/env/env.ts'
import { sendEmail } from '#modules/mail/send-email.ts'
import { claimSeat, SEAT_TRANSACTION_OPTIONS } from '#modules/organisations/claim-seat.ts'
import { onMemberJoined } from '#modules/assignments/on-member-joined.ts'
import { hasMembershipRemoval } from '#modules/organisations/removals.ts'
import { isDomainError } from '#modules/errors/domain-error.ts'
import { decryptSecret, encryptSecret } from '#modules/security/encryption.ts'
import { consumeThrottle } from '#modules/security/throttle.ts'
import { emailDomain } from './domains.ts'
import { SsoError } from './errors.ts'
import { client, discoverIssuer, oauthErrorOf } from './oidc.ts'
import { clientSecretContext } from './providers.ts'

/** How long a person has at their identity provider before the sign-in must start again. */
export const SSO_STATE_TTL_MS = 10 * 60 * 1000
/** How long an emailed "link your work sign-in" link works. */
export const IDENTITY_LINK_TTL_MS = 60 * 60 * 1000
export const SSO_SCOPES = 'openid email profile'

/** `amr` values (RFC 8176) that say the provider checked more than a password. */
const MULTI_FACTOR_AMR = new Set(['mfa', 'otp', 'hwk', 'swk', 'fido', 'sc', 'face', 'fpt', 'iris', 'retina', 'vbm'])

export function amrProvesMfa(amr: unknown) {
	return Array.isArray(amr) && amr.some((value) => typeof value === 'string' && MULTI_FACTOR_AMR.has(value))
}

/**
 * The nonce of a sign-in, derived from its state: the database keeps only hashes of both, and the
 * state comes back in the callback (the nonce, like the state, travels in the authorisation URL anyway).
 */
function nonceFor(state: string) {
	return createHash('sha256').update(`circle-sso-nonce:${state}`).digest('base64url')
}

function verifierContext(stateId: string) {
	return `sso-state:${stateId}`
}

async function loadProvider(where: { id: string }) {
	const provider = await prisma.identityProvider.findUnique({
		where,
		select: {
			id: true,
			kind: true,
			issuer: true,
			clientId: true,
			clientSecretEncrypted: true,
			hostedDomain: true,
			enabled: true,
			jitMembership: true,
			jitSeatPoolId: true,
			organisationId: true,
			organisation: { select: { name: true } },
		},
	})
	if (!provider?.enabled) {
		throw new SsoError('not_found', 'SSO_NOT_CONFIGURED', 'Single sign-on is not set up for this organisation.')
	}
	return provider
}

type Provider = Awaited<ReturnType<typeof loadProvider>>

async function configFor(provider: Provider) {
	try {
		return await discoverIssuer({
			issuer: provider.issuer,
			clientId: provider.clientId,
			clientSecret: decryptSecret(provider.clientSecretEncrypted, clientSecretContext(provider.organisationId)),
		})
	} catch (error) {
		if (!isDomainError(error)) throw error
		throw new SsoError(
			'invalid',
			'SSO_FAILED',
			`We could not reach ${provider.organisation.name}'s sign-in service. Try again in a few minutes.`,
		)
	}
}

/**
 * Starts an authorisation code flow with PKCE at the organisation's provider. The state (its
 * SHA-256 as the row's id), a hash of the nonce and the sealed PKCE verifier are kept in
 * SsoLoginState for ten minutes; the caller keeps the state in a cookie for the callback.
 */
export async function startSsoSignIn({
	providerId,
	redirectUri,
	redirectTo,
	loginHint,
	ipAddress,
	now = new Date(),
}: {
	providerId: string
	redirectUri: string
	redirectTo?: string | null
	loginHint?: string | null
	/** Starts are throttled per address: each stores a row and asks the provider for its metadata. */
	ipAddress?: string | null
	now?: Date
}) {
	if (ipAddress) {
		await consumeThrottle(
			'ssoStartPerIp',
			ipAddress,
			'Too many sign-in attempts from your network. Please wait a minute.',
		)
	}
	const provider = await loadProvider({ id: providerId })
	const config = await configFor(provider)
	const state = client.randomState()
	const nonce = nonceFor(state)
	const codeVerifier = client.randomPKCECodeVerifier()
	const id = hashToken(state)
	const expiresAt = new Date(now.getTime() + SSO_STATE_TTL_MS)
	await prisma.$transaction([
		prisma.ssoLoginState.deleteMany({ where: { expiresAt: { lt: now } } }),
		prisma.ssoLoginState.create({
			data: {
				id,
				providerId,
				codeVerifier: encryptSecret(codeVerifier, verifierContext(id)),
				nonce: hashToken(nonce),
				redirectTo: redirectTo ?? null,
				expiresAt,
			},
			select: { id: true },
		}),
	])
	const parameters: Record<string, string> = {
		redirect_uri: redirectUri,
		scope: SSO_SCOPES,
		state,
		nonce,
		code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
		code_challenge_method: 'S256',
	}
	if (loginHint) parameters.login_hint = loginHint
	if (provider.kind === 'GOOGLE' && provider.hostedDomain) parameters.hd = provider.hostedDomain
	return { url: client.buildAuthorizationUrl(config, parameters).href, state, expiresAt }
}

const START_AGAIN = 'This sign-in has expired or was already used. Please start again from the log-in page.'

export type SsoCallbackOutcome =
	{ kind: 'signed-in'; result: SignInResult } | { kind: 'link-sent'; email: string; organisationName: string }

/**
 * Finishes a sign-in at the callback. The login state is used up first (once only, and only while
 * fresh); openid-client then exchanges the code with the PKCE verifier and checks the response's
 * state against `expectedState` (the browser's cookie) and the ID token's signature, issuer,
 * audience, expiry and nonce. The person is then found by (provider, subject); failing that, an
 * address at a domain this organisation has VERIFIED creates an account (JIT) or, when a Circle
 * account already has that address, asks its owner by email to link the two: never silently.
 */
export async function completeSsoSignIn({
	callbackUrl,
	expectedState,
	redirectUri,
	ipAddress,
	userAgent,
	deviceId,
	now = new Date(),
}: {
	callbackUrl: URL
	expectedState: string | null
	redirectUri: string
	/** The browser's hashed device cookie, for new-device emails (see beginSignIn). */
	deviceId?: string | null
	now?: Date
} & RequestOrigin): Promise<SsoCallbackOutcome> {
	if (!expectedState) throw new SsoError('invalid', 'LOGIN_STATE_INVALID', START_AGAIN)
	const stateId = hashToken(expectedState)
	const row = await prisma.ssoLoginState.delete({ where: { id: stateId } }).catch(() => null)
	if (!row || row.expiresAt.getTime() <= now.getTime()) {
		throw new SsoError('invalid', 'LOGIN_STATE_INVALID', START_AGAIN)
	}
	const nonce = nonceFor(expectedState)
	if (hashToken(nonce) !== row.nonce) throw new SsoError('invalid', 'LOGIN_STATE_INVALID', START_AGAIN)

	const provider = await loadProvider({ id: row.providerId })
	const config = await configFor(provider)
	let tokens
	try {
		// openid-client sends the callback address (without its query) as the redirect_uri: use the
		// registered one, whatever host or proxy the request came through.
		const registered = new URL(redirectUri)
		registered.search = callbackUrl.search
		tokens = await client.authorizationCodeGrant(config, registered, {
			pkceCodeVerifier: decryptSecret(row.codeVerifier, verifierContext(stateId)),
			expectedState,
			expectedNonce: nonce,
			idTokenExpected: true,
		})
	} catch (error) {
		throw callbackError(error, provider.organisation.name)
	}
	const claims = tokens.claims()
	if (!claims) throw new SsoError('invalid', 'TOKEN_REJECTED', 'The identity provider sent no ID token.')
	if (provider.kind === 'GOOGLE' && claims.hd !== provider.hostedDomain) {
		throw new SsoError(
			'forbidden',
			'TOKEN_REJECTED',
			`That Google account is not part of ${provider.organisation.name}'s Google Workspace (${provider.hostedDomain}).`,
		)
	}
	const subject = claims.sub
	const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : null
	const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim().slice(0, 100) : null
	const mfaProven = amrProvesMfa(claims.amr)

	const found = await prisma.$transaction(
		(tx) => resolvePerson(tx, { provider, subject, email, name, now, ipAddress, userAgent }),
		SEAT_TRANSACTION_OPTIONS,
	)
	if (found.kind === 'link') {
		return { kind: 'link-sent', email: found.email, organisationName: provider.organisation.name }
	}
	const result = await beginSignIn({
		userId: found.userId,
		method: 'SSO',
		mfaProven,
		organisationId: provider.organisationId,
		redirectTo: row.redirectTo,
		ipAddress,
		userAgent,
		deviceId,
		now,
	})
	return { kind: 'signed-in', result }
}

function callbackError(error: unknown, organisationName: string) {
	if (isDomainError(error)) return error
	if (error instanceof client.AuthorizationResponseError) {
		return new SsoError(
			'invalid',
			'SSO_FAILED',
			`${organisationName}'s sign-in service did not sign you in (${error.error}${error.error_description ? `: ${error.error_description}` : ''}). Please try again.`,
		)
	}
	if (oauthErrorOf(error) === 'invalid_client') {
		return new SsoError(
			'invalid',
			'CLIENT_REJECTED',
			`${organisationName}'s identity provider refused Circle's client secret, so nobody can sign in with it at the moment. Please tell your organisation's administrator: the secret in Circle's sign-in settings needs renewing.`,
		)
	}
	const detail = error instanceof client.ResponseBodyError ? ` (${error.error}: ${error.error_description ?? ''})` : ''
	console.warn(`[sso] callback refused: ${error instanceof Error ? error.message : String(error)}${detail}`)
	return new SsoError(
		'invalid',
		'TOKEN_REJECTED',
		`The answer from ${organisationName}'s sign-in service did not pass Circle's security checks, so you have not been signed in. Please try again; if it keeps happening, tell your administrator.`,
	)
}

type Person = { kind: 'user'; userId: string } | { kind: 'link'; email: string }

async function resolvePerson(
	tx: Tx,
	{
		provider,
		subject,
		email,
		name,
		now,
		ipAddress,
		userAgent,
	}: { provider: Provider; subject: string; email: string | null; name: string | null; now: Date } & RequestOrigin,
): Promise<Person> {
	const identity = await tx.userIdentity.findUnique({
		where: { providerId_subject: { providerId: provider.id, subject } },
		select: { id: true, userId: true },
	})
	if (identity) {
		await assertMayEnter(tx, provider, identity.userId)
		await tx.userIdentity.update({
			where: { id: identity.id },
			data: { lastSignInAt: now, ...(email ? { email } : {}) },
		})
		await provisionMembership(tx, { provider, userId: identity.userId, now, ipAddress, userAgent })
		return { kind: 'user', userId: identity.userId }
	}

	if (!email) {
		throw new SsoError(
			'invalid',
			'SSO_FAILED',
			`${provider.organisation.name}'s sign-in service did not share your email address, which Circle needs. Please tell your administrator (the "email" claim).`,
		)
	}
	const domain = emailDomain(email)
	const verified = await tx.organisationDomain.findFirst({
		where: { domain, organisationId: provider.organisationId, verifiedAt: { not: null } },
		select: { id: true },
	})
	if (!verified) {
		throw new SsoError(
			'forbidden',
			'DOMAIN_NOT_VERIFIED',
			`${provider.organisation.name} has not verified ${domain} with Circle, so its sign-in cannot be used for ${email}. Please log in with your password, or ask your administrator to verify the domain.`,
		)
	}

	// The account holding the address: its own address, or a confirmed personal one (ADR 0033). Never
	// a second account with it, which would take the holder's sign-in; the holder is asked instead.
	const holder = await findAddressHolder(tx, email)
	const existing = holder
		? await tx.user.findUniqueOrThrow({
				where: { id: holder.userId },
				select: { id: true, name: true, disabledAt: true },
			})
		: null
	if (existing) {
		if (existing.disabledAt) throw accessRemoved()
		// Never linked silently: the owner of the Circle account proves it is theirs first, by the link
		// sent to the address (their account's own, or their confirmed personal one).
		const token = generateEmailToken()
		await tx.pendingIdentityLink.updateMany({
			where: { userId: existing.id, providerId: provider.id, usedAt: null },
			data: { usedAt: now },
		})
		const link = await tx.pendingIdentityLink.create({
			data: {
				userId: existing.id,
				providerId: provider.id,
				subject,
				email,
				tokenHash: hashToken(token),
				expiresAt: new Date(now.getTime() + IDENTITY_LINK_TTL_MS),
			},
			select: { id: true },
		})
		await sendEmail(
			{
				to: email,
				template: 'sso-link',
				props: {
					name: existing.name,
					organisationName: provider.organisation.name,
					linkUrl: `${appUrl()}/sso/link?token=${encodeURIComponent(token)}`,
				},
			},
			tx,
		)
		await recordAudit(tx, {
			actorId: existing.id,
			organisationId: provider.organisationId,
			action: 'sso.link_requested',
			targetType: 'User',
			targetId: existing.id,
			details: { providerId: provider.id, linkId: link.id },
			ipAddress,
			userAgent,
		})
		return { kind: 'link', email }
	}

	// Just-in-time: a new account with the verified address and the name from the token.
	const user = await tx.user.create({
		data: { email, name: name ?? email.slice(0, email.indexOf('@')), emailVerifiedAt: now },
		select: { id: true },
	})
	await tx.userIdentity.create({
		data: { userId: user.id, providerId: provider.id, subject, email, lastSignInAt: now },
	})
	await recordAudit(tx, {
		actorId: user.id,
		organisationId: provider.organisationId,
		action: 'sso.account_created',
		targetType: 'User',
		targetId: user.id,
		details: { providerId: provider.id },
		ipAddress,
		userAgent,
	})
	await provisionMembership(tx, { provider, userId: user.id, now, ipAddress, userAgent })
	return { kind: 'user', userId: user.id }
}

function accessRemoved() {
	return new SsoError(
		'forbidden',
		'ACCESS_REMOVED',
		'Your access to Circle through this organisation has been removed. If you think this is a mistake, contact your organisation.',
	)
}

/** Disabled accounts and members the organisation has deactivated (leavers) are refused. */
async function assertMayEnter(tx: Tx, provider: Provider, userId: string) {
	const user = await tx.user.findUnique({
		where: { id: userId },
		select: {
			disabledAt: true,
			memberships: { where: { organisationId: provider.organisationId }, select: { deactivatedAt: true } },
		},
	})
	if (!user || user.disabledAt || user.memberships.some((m) => m.deactivatedAt)) throw accessRemoved()
}

/**
 * With JIT membership on, someone who signs in through the organisation's provider and is not yet
 * a member becomes one, and takes a seat from the chosen pool while seats are left.
 */
async function provisionMembership(
	tx: Tx,
	{ provider, userId, now, ipAddress, userAgent }: { provider: Provider; userId: string; now: Date } & RequestOrigin,
) {
	const membership = await tx.membership.findUnique({
		where: { organisationId_userId: { organisationId: provider.organisationId, userId } },
		select: { deactivatedAt: true },
	})
	if (membership?.deactivatedAt) throw accessRemoved()
	if (membership || !provider.jitMembership) return
	// Someone the organisation removed (or who left) is signed in to their own account, not silently
	// made a member again: only an invitation or the organisation's provisioning brings them back.
	if (await hasMembershipRemoval(tx, { organisationId: provider.organisationId, userId })) return
	const created = await tx.membership.create({
		data: { organisationId: provider.organisationId, userId, role: 'MEMBER' },
		select: { id: true },
	})
	let seat: string = 'none'
	if (provider.jitSeatPoolId) {
		try {
			await claimSeat({ tx, poolId: provider.jitSeatPoolId, userId })
			seat = 'assigned'
		} catch (error) {
			// No seats left (or already enrolled another way): the person still joins; an admin can add seats.
			if (!isDomainError(error)) throw error
			seat = error.code
		}
	}
	// A new starter: the organisation's rules for joiners assign their courses now.
	await onMemberJoined(tx, { organisationId: provider.organisationId, userId, now })
	await recordAudit(tx, {
		actorId: userId,
		organisationId: provider.organisationId,
		action: 'sso.member_provisioned',
		targetType: 'Membership',
		targetId: created.id,
		details: { seatPoolId: provider.jitSeatPoolId, seat },
		ipAddress,
		userAgent,
	})
}

/** Whether an emailed link is still usable, so the page can explain before the person presses the button. */
export async function checkIdentityLink({ token, now = new Date() }: { token: string; now?: Date }) {
	const link = await prisma.pendingIdentityLink.findUnique({
		where: { tokenHash: hashToken(token) },
		select: {
			usedAt: true,
			expiresAt: true,
			email: true,
			provider: { select: { organisation: { select: { name: true } } } },
		},
	})
	if (!link || link.usedAt || link.expiresAt <= now) return null
	return { email: link.email, organisationName: link.provider.organisation.name }
}

/**
 * The owner of an existing account followed the emailed link: the SSO identity is linked (once
 * only, while the link is fresh), membership and seat follow the organisation's JIT settings, and
 * the person is signed in through beginSignIn.
 */
export async function confirmIdentityLink({
	token,
	ipAddress,
	userAgent,
	deviceId,
	now = new Date(),
}: { token: string; deviceId?: string | null; now?: Date } & RequestOrigin) {
	const { userId, organisationId } = await prisma.$transaction(async (tx) => {
		const link = await tx.pendingIdentityLink.findUnique({
			where: { tokenHash: hashToken(token) },
			select: { id: true, userId: true, providerId: true, subject: true, email: true },
		})
		const invalid = new SsoError(
			'gone',
			'LINK_INVALID',
			'This link has expired or was already used. Sign in with your organisation again to get a new one.',
		)
		if (!link) throw invalid
		const { count } = await tx.pendingIdentityLink.updateMany({
			where: { id: link.id, usedAt: null, expiresAt: { gt: now } },
			data: { usedAt: now },
		})
		if (count === 0) throw invalid
		const provider = await loadProvider({ id: link.providerId })
		await assertMayEnter(tx, provider, link.userId)
		const taken = await tx.userIdentity.findUnique({
			where: { providerId_subject: { providerId: provider.id, subject: link.subject } },
			select: { userId: true },
		})
		if (taken && taken.userId !== link.userId) throw invalid
		if (!taken) {
			await tx.userIdentity.create({
				data: {
					userId: link.userId,
					providerId: provider.id,
					subject: link.subject,
					email: link.email,
					lastSignInAt: now,
				},
			})
		}
		// The link proved the mailbox it went to: that verifies the account's own address only when it
		// went there (not when it went to their personal address).
		await tx.user.updateMany({
			where: { id: link.userId, email: link.email, emailVerifiedAt: null },
			data: { emailVerifiedAt: now },
		})
		await recordAudit(tx, {
			actorId: link.userId,
			organisationId: provider.organisationId,
			action: 'sso.identity_linked',
			targetType: 'User',
			targetId: link.userId,
			details: { providerId: provider.id },
			ipAddress,
			userAgent,
		})
		await provisionMembership(tx, { provider, userId: link.userId, now, ipAddress, userAgent })
		return { userId: link.userId, organisationId: provider.organisationId }
	}, SEAT_TRANSACTION_OPTIONS)
	return beginSignIn({ userId, method: 'SSO', organisationId, ipAddress, userAgent, deviceId, now })
}
