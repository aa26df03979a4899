import type {
	AuthenticatorTransportFuture,
	verifyAuthenticationResponse,
	verifyRegistrationResponse,
} from '@simplewebauthn/server'
import { recordAudit, type RequestOrigin } from '#modules/audit/record.ts'
import { AuthError } from '#modules/auth/errors.ts'
import { ACCOUNT_DISABLED_MESSAGE } from '#modules/auth/messages.ts'
import { verifyPassword } from '#modules/auth/password.ts'
import { Prisma, prisma } from '#modules/db/client.ts'
import { appUrl } from '#modules/env/env.ts'
import { assertNotThrottled, consumeThrottle, resetThrottle } from '#modules/security/throttle.ts'
import { parseUserAgent } from '#modules/security/user-agent.ts'
import { MfaError } from './errors.ts'
import { sendMfaChangedEmail } from './notify.ts'
import {
	type AuthenticationResponse,
	AuthenticationResponseSchema,
	PASSKEY_NAME_MAX,
	PasskeyNameSchema,
	RegistrationResponseSchema,
} from './passkey-schemas.ts'

// Passkeys (WebAuthn) on SimpleWebAuthn: registration from the account page, passwordless sign-in
// on /login, and a passkey as the second factor of a password sign-in. See ADR 0025.

/** A WebAuthn ceremony must finish within this long of its options being issued. */
export const WEBAUTHN_CHALLENGE_MS = 5 * 60 * 1000
/** Adding or removing a passkey needs a sign-in this recent, or the password again. */
export const RECENT_SIGN_IN_MS = 15 * 60 * 1000
/** More passkeys than anyone needs; a ceiling so an account cannot be filled with them. */
export const MAX_PASSKEYS_PER_USER = 20

export const RP_NAME = 'Circle'

/**
 * SimpleWebAuthn (with its ASN.1 and X.509 packages, about 200 modules), loaded the first time a
 * process handles a passkey rather than by every HTTP worker at start-up (ADR 0054).
 */
const webauthn = () => import('@simplewebauthn/server')

type ChallengePurpose = 'register' | 'authenticate' | 'second-factor'

/**
 * Who Circle is to an authenticator: the RP ID is the hostname of the app's origin (`localhost` in
 * development and the browser tests, the public host in production) and assertions must come from
 * that origin. Both come from appUrl(), so options and verification always agree.
 */
export function relyingParty(origin: string = appUrl()) {
	const url = new URL(origin)
	return { rpID: url.hostname, rpName: RP_NAME, origin: url.origin }
}

const FAILED_MESSAGE = 'We could not check that passkey. Please try again.'

function passkeyFailed(message = FAILED_MESSAGE) {
	return new MfaError('invalid', 'PASSKEY_FAILED', message)
}

function challengeExpired() {
	return new MfaError(
		'gone',
		'CHALLENGE_EXPIRED',
		'That passkey request has expired or was already used. Please try again.',
	)
}

/** The user handle given to authenticators: the user's id, which carries nothing personal. */
function userHandle(userId: string) {
	return new TextEncoder().encode(userId)
}

async function saveChallenge({
	challenge,
	purpose,
	userId,
	now,
}: {
	challenge: string
	purpose: ChallengePurpose
	userId: string | null
	now: Date
}) {
	// Expired challenges are cleared as new ones are issued, so the table stays small without a job.
	await prisma.webAuthnChallenge.deleteMany({ where: { expiresAt: { lte: now } } })
	await prisma.webAuthnChallenge.create({
		data: { challenge, purpose, userId, expiresAt: new Date(now.getTime() + WEBAUTHN_CHALLENGE_MS), createdAt: now },
		select: { id: true },
	})
}

/** The challenge a response answers, read from its clientDataJSON (the library checks the rest). */
function challengeOf(clientDataJSON: string) {
	try {
		const parsed = JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8')) as { challenge?: unknown }
		if (typeof parsed.challenge === 'string' && parsed.challenge.length > 0 && parsed.challenge.length <= 200) {
			return parsed.challenge
		}
	} catch {
		// Falls through to the refusal below.
	}
	throw passkeyFailed()
}

/**
 * Uses up a challenge: exactly one caller can delete the row, and only before it expires, for its
 * purpose and its person (null for a passwordless sign-in). A second use, a late one, or one issued
 * for another purpose or person finds nothing and is refused. It is used up before the response is
 * checked, so a failed attempt cannot be retried with the same challenge either.
 */
async function spendChallenge({
	challenge,
	purpose,
	userId,
	now,
}: {
	challenge: string
	purpose: ChallengePurpose
	userId: string | null
	now: Date
}) {
	const { count } = await prisma.webAuthnChallenge.deleteMany({
		where: { challenge, purpose, userId, expiresAt: { gt: now } },
	})
	if (count !== 1) throw challengeExpired()
}

async function requireActiveUser(userId: string) {
	const user = await prisma.user.findUnique({
		where: { id: userId },
		select: {
			email: true,
			name: true,
			passwordHash: true,
			disabledAt: true,
			passkeys: { select: { id: true, transports: true }, orderBy: { createdAt: 'asc' } },
			totpCredential: { select: { confirmedAt: true } },
		},
	})
	if (!user || user.disabledAt) throw new AuthError('forbidden', 'ACCOUNT_DISABLED', ACCOUNT_DISABLED_MESSAGE)
	return user
}

/** How a signed-in person shows it is still them before changing their passkeys. */
export type Reauthentication = {
	/** When the session making the change was signed in. */
	sessionCreatedAt: Date
	/**
	 * Whether the session making the change proved a second factor. An account that has one (an
	 * authenticator app or a passkey) changes its passkeys only from such a session: otherwise a
	 * session begun before the second factor was set up, with the password, could add a passkey of its
	 * own and keep a way in after the password is changed.
	 */
	sessionMfaVerified: boolean
	/** The account password, when the sign-in is not recent. */
	password?: string | null
}

/**
 * Adding or removing a passkey changes how the account is protected, so a borrowed or stolen
 * session must not do it alone: the sign-in must be recent (RECENT_SIGN_IN_MS), or the person types
 * their password again. Wrong passwords count against the same throttle as signing in.
 */
async function assertReauthenticated(
	user: {
		email: string
		passwordHash: string | null
		passkeys: unknown[]
		totpCredential: { confirmedAt: Date | null } | null
	},
	{ sessionCreatedAt, sessionMfaVerified, password }: Reauthentication,
	now: Date,
) {
	const hasSecondFactor = user.passkeys.length > 0 || Boolean(user.totpCredential?.confirmedAt)
	if (hasSecondFactor && !sessionMfaVerified) {
		throw new MfaError(
			'forbidden',
			'SECOND_FACTOR_REQUIRED',
			'For your security, sign out and sign in again with your second factor before changing your passkeys.',
		)
	}
	if (now.getTime() - sessionCreatedAt.getTime() <= RECENT_SIGN_IN_MS) return
	if (!password) {
		throw new MfaError(
			'invalid',
			'REAUTHENTICATION_REQUIRED',
			user.passwordHash
				? 'Enter your password to confirm it is you.'
				: 'For your security, sign out and sign in again before changing your passkeys.',
			{ field: 'password' },
		)
	}
	await assertNotThrottled('loginPerAccount', user.email)
	const valid = user.passwordHash ? await verifyPassword({ hash: user.passwordHash, password }) : false
	if (!valid) {
		await consumeThrottle('loginPerAccount', user.email)
		throw new AuthError('invalid', 'WRONG_PASSWORD', 'Your password is incorrect', { field: 'password' })
	}
	await resetThrottle('loginPerAccount', user.email)
}

/**
 * Whether adding or removing a passkey from this session will ask for the password (the sign-in is
 * not recent and the account has one), so the page can show the field before it is needed.
 */
export async function passwordNeededForPasskeyChanges({
	userId,
	sessionCreatedAt,
	now = new Date(),
}: {
	userId: string
	sessionCreatedAt: Date
	now?: Date
}) {
	if (now.getTime() - sessionCreatedAt.getTime() <= RECENT_SIGN_IN_MS) return false
	const user = await prisma.user.findUnique({ where: { id: userId }, select: { passwordHash: true } })
	return Boolean(user?.passwordHash)
}

/**
 * Options for adding a passkey to a signed-in person's account (for startRegistration): a
 * discoverable credential (so it also signs in without a password), user verification preferred,
 * the person's existing passkeys excluded. The challenge is stored for WEBAUTHN_CHALLENGE_MS.
 */
export async function startPasskeyRegistration({
	userId,
	reauthentication,
	origin,
	now = new Date(),
}: {
	userId: string
	reauthentication: Reauthentication
	origin?: string
	now?: Date
}) {
	const user = await requireActiveUser(userId)
	await assertReauthenticated(user, reauthentication, now)
	if (user.passkeys.length >= MAX_PASSKEYS_PER_USER) {
		throw new MfaError(
			'conflict',
			'PASSKEY_LIMIT',
			`You have ${MAX_PASSKEYS_PER_USER} passkeys, the most an account can have. Remove one first.`,
		)
	}
	const rp = relyingParty(origin)
	const options = await (
		await webauthn()
	).generateRegistrationOptions({
		rpName: rp.rpName,
		rpID: rp.rpID,
		userName: user.email,
		userDisplayName: user.name,
		userID: userHandle(userId),
		timeout: WEBAUTHN_CHALLENGE_MS,
		attestationType: 'none',
		excludeCredentials: user.passkeys.map((passkey) => ({
			id: passkey.id,
			transports: passkey.transports as AuthenticatorTransportFuture[],
		})),
		authenticatorSelection: { residentKey: 'required', requireResidentKey: true, userVerification: 'preferred' },
	})
	await saveChallenge({ challenge: options.challenge, purpose: 'register', userId, now })
	return options
}

/**
 * A default name for a new passkey from the browser that made it ("Passkey on Chrome (Windows)");
 * the person can rename it.
 */
export function defaultPasskeyName(userAgent: string | null | undefined) {
	const { browser, system } = parseUserAgent(userAgent)
	if (!browser) return 'Passkey'
	return (system ? `Passkey on ${browser} (${system})` : `Passkey on ${browser}`).slice(0, PASSKEY_NAME_MAX)
}

/**
 * Checks the browser's answer to startPasskeyRegistration's options (origin, RP ID, the challenge,
 * which is used up) and stores the passkey with its public key, counter, transports and backup
 * state, in one transaction with its audit entry (`mfa.passkey_added`). `input` is whatever the
 * browser sent; anything that is not a registration response is refused with a clear message.
 */
export async function finishPasskeyRegistration({
	userId,
	input,
	sessionId,
	ipAddress,
	userAgent,
	origin,
	now = new Date(),
}: {
	userId: string
	input: unknown
	/**
	 * The session that added the passkey: it has now proven a second factor, as TOTP enrolment
	 * marks it, so the MFA rule does not end the very session that has just satisfied it.
	 */
	sessionId?: string
	origin?: string
	now?: Date
} & RequestOrigin) {
	const parsed = RegistrationResponseSchema.safeParse(input)
	if (!parsed.success) throw passkeyFailed('That passkey could not be read. Please try again.')
	const response = parsed.data
	const challenge = challengeOf(response.response.clientDataJSON)
	await spendChallenge({ challenge, purpose: 'register', userId, now })
	await requireActiveUser(userId)

	const rp = relyingParty(origin)
	let verification: Awaited<ReturnType<typeof verifyRegistrationResponse>>
	try {
		verification = await (
			await webauthn()
		).verifyRegistrationResponse({
			response,
			expectedChallenge: challenge,
			expectedOrigin: rp.origin,
			expectedRPID: rp.rpID,
			// Preferred, not required: a security key without a PIN is still a strong second factor.
			// Whether a sign-in verified the person is decided at each sign-in (ADR 0025).
			requireUserVerification: false,
		})
	} catch {
		throw passkeyFailed()
	}
	if (!verification.verified) throw passkeyFailed()
	const { credential, credentialDeviceType, credentialBackedUp } = verification.registrationInfo
	const name = defaultPasskeyName(userAgent)

	try {
		return await prisma.$transaction(async (tx) => {
			const count = await tx.passkey.count({ where: { userId } })
			if (count >= MAX_PASSKEYS_PER_USER) {
				throw new MfaError(
					'conflict',
					'PASSKEY_LIMIT',
					`An account can have at most ${MAX_PASSKEYS_PER_USER} passkeys.`,
				)
			}
			const passkey = await tx.passkey.create({
				data: {
					id: credential.id,
					userId,
					publicKey: credential.publicKey,
					counter: BigInt(credential.counter),
					transports: credential.transports ?? [],
					deviceType: credentialDeviceType,
					backedUp: credentialBackedUp,
					name,
					createdAt: now,
				},
				select: { id: true, name: true },
			})
			await recordAudit(tx, {
				actorId: userId,
				action: 'mfa.passkey_added',
				targetType: 'User',
				targetId: userId,
				details: { passkeyId: passkey.id, name, deviceType: credentialDeviceType, backedUp: credentialBackedUp },
				ipAddress,
				userAgent,
			})
			if (sessionId) {
				await tx.session.updateMany({ where: { id: sessionId, userId }, data: { mfaVerifiedAt: now } })
			}
			await sendMfaChangedEmail(tx, userId, 'passkey_added')
			return passkey
		})
	} catch (error) {
		if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
			throw new MfaError('conflict', 'PASSKEY_ALREADY_REGISTERED', 'That passkey is already registered with Circle.')
		}
		throw error
	}
}

/**
 * Options for a passwordless sign-in (for startAuthentication): no allowCredentials, so the
 * browser offers the discoverable passkeys it holds for Circle; the person is not known until one
 * answers. The challenge is stored with no user.
 */
export async function startPasskeySignIn({ origin, now = new Date() }: { origin?: string; now?: Date } = {}) {
	const rp = relyingParty(origin)
	const options = await (
		await webauthn()
	).generateAuthenticationOptions({
		rpID: rp.rpID,
		userVerification: 'preferred',
		timeout: WEBAUTHN_CHALLENGE_MS,
	})
	await saveChallenge({ challenge: options.challenge, purpose: 'authenticate', userId: null, now })
	return options
}

/**
 * Options for a passkey as the second factor of a sign-in waiting at /login/verify: only the
 * challenged person's own passkeys are allowed.
 */
export async function startPasskeySecondFactor({
	userId,
	origin,
	now = new Date(),
}: {
	userId: string
	origin?: string
	now?: Date
}) {
	const user = await requireActiveUser(userId)
	if (user.passkeys.length === 0) {
		throw new MfaError('not_found', 'PASSKEY_NOT_FOUND', 'You have no passkeys. Use another way to sign in.')
	}
	const rp = relyingParty(origin)
	const options = await (
		await webauthn()
	).generateAuthenticationOptions({
		rpID: rp.rpID,
		allowCredentials: user.passkeys.map((passkey) => ({
			id: passkey.id,
			transports: passkey.transports as AuthenticatorTransportFuture[],
		})),
		userVerification: 'preferred',
		timeout: WEBAUTHN_CHALLENGE_MS,
	})
	await saveChallenge({ challenge: options.challenge, purpose: 'second-factor', userId, now })
	return options
}

/**
 * The one check of an assertion, for both sign-in paths: the challenge (used up first), the
 * passkey by its credential id (and, for a second factor, that it is the challenged person's),
 * origin, RP ID and signature (SimpleWebAuthn), and the signature counter, which must move forward
 * when the authenticator keeps one (a counter of 0 means it does not). The new counter is written
 * with a guard on the old one, so two assertions racing with the same counter cannot both pass.
 */
async function verifyAssertion({
	input,
	purpose,
	userId,
	origin,
	now,
}: {
	input: unknown
	purpose: 'authenticate' | 'second-factor'
	userId: string | null
	origin?: string
	now: Date
}) {
	const parsed = AuthenticationResponseSchema.safeParse(input)
	if (!parsed.success) throw passkeyFailed('That passkey could not be read. Please try again.')
	const response: AuthenticationResponse = parsed.data
	const challenge = challengeOf(response.response.clientDataJSON)
	await spendChallenge({ challenge, purpose, userId, now })

	const passkey = await prisma.passkey.findUnique({
		where: { id: response.id },
		select: { id: true, userId: true, publicKey: true, counter: true, transports: true },
	})
	if (!passkey) {
		throw new MfaError(
			'invalid',
			'PASSKEY_UNKNOWN',
			'Circle does not know that passkey. It may have been removed: sign in another way, then add it again from your account.',
		)
	}
	if (userId !== null && passkey.userId !== userId) {
		throw new MfaError('invalid', 'PASSKEY_UNKNOWN', 'That passkey is not one of the passkeys on this account.')
	}
	if (
		response.response.userHandle &&
		response.response.userHandle !== Buffer.from(userHandle(passkey.userId)).toString('base64url')
	) {
		throw passkeyFailed()
	}

	const rp = relyingParty(origin)
	let verification: Awaited<ReturnType<typeof verifyAuthenticationResponse>>
	try {
		verification = await (
			await webauthn()
		).verifyAuthenticationResponse({
			response,
			expectedChallenge: challenge,
			expectedOrigin: rp.origin,
			expectedRPID: rp.rpID,
			credential: {
				id: passkey.id,
				publicKey: new Uint8Array(passkey.publicKey),
				counter: Number(passkey.counter),
				transports: passkey.transports as AuthenticatorTransportFuture[],
			},
			requireUserVerification: false,
		})
	} catch {
		// Includes a counter that did not move forward: the passkey may have been cloned.
		throw passkeyFailed()
	}
	if (!verification.verified) throw passkeyFailed()
	const { newCounter, userVerified, credentialBackedUp } = verification.authenticationInfo

	const { count } = await prisma.passkey.updateMany({
		where: { id: passkey.id, counter: passkey.counter },
		data: { counter: BigInt(newCounter), lastUsedAt: now, backedUp: credentialBackedUp },
	})
	if (count !== 1) throw passkeyFailed()
	return { userId: passkey.userId, passkeyId: passkey.id, userVerified }
}

/**
 * Checks a passwordless sign-in's assertion and says whose passkey it is and whether the
 * authenticator verified the person (PIN or biometric), which makes the passkey multi-factor on
 * its own. A disabled account is refused, after the signature is checked so the refusal tells a
 * stranger nothing. The caller starts the sign-in with beginSignIn.
 */
export async function verifyPasskeySignIn({
	input,
	origin,
	now = new Date(),
}: {
	input: unknown
	origin?: string
	now?: Date
}) {
	const result = await verifyAssertion({ input, purpose: 'authenticate', userId: null, origin, now })
	const user = await prisma.user.findUnique({ where: { id: result.userId }, select: { disabledAt: true } })
	if (!user || user.disabledAt) throw new AuthError('forbidden', 'ACCOUNT_DISABLED', ACCOUNT_DISABLED_MESSAGE)
	return result
}

/**
 * Checks a passkey given as the second factor of `userId`'s waiting sign-in: the assertion must
 * answer a challenge issued for that person and come from one of their own passkeys. The caller
 * then completes the sign-in with completeSignIn({ factor: 'PASSKEY' }).
 */
export async function verifyPasskeySecondFactor({
	userId,
	input,
	origin,
	now = new Date(),
}: {
	userId: string
	input: unknown
	origin?: string
	now?: Date
}) {
	return verifyAssertion({ input, purpose: 'second-factor', userId, origin, now })
}

/** Whether the person has any passkey (so /login/verify offers "Use a passkey"). */
export async function hasPasskeys({ userId }: { userId: string }) {
	return (await prisma.passkey.count({ where: { userId } })) > 0
}

/** A person's passkeys, oldest first, for their passkeys page. */
export async function listPasskeys({ userId }: { userId: string }) {
	return prisma.passkey.findMany({
		where: { userId },
		orderBy: { createdAt: 'asc' },
		select: { id: true, name: true, createdAt: true, lastUsedAt: true, deviceType: true, backedUp: true },
	})
}

function passkeyNotFound() {
	return new MfaError('not_found', 'PASSKEY_NOT_FOUND', 'That passkey is not on your account any more.')
}

/** Renames one of the person's own passkeys. */
export async function renamePasskey({ userId, passkeyId, name }: { userId: string; passkeyId: string; name: string }) {
	const parsed = PasskeyNameSchema.safeParse(name)
	if (!parsed.success) {
		throw new MfaError('invalid', 'PASSKEY_NAME_INVALID', parsed.error.issues[0]?.message ?? 'Check the name', {
			field: 'name',
		})
	}
	const { count } = await prisma.passkey.updateMany({ where: { id: passkeyId, userId }, data: { name: parsed.data } })
	if (count !== 1) throw passkeyNotFound()
	return { id: passkeyId, name: parsed.data }
}

/**
 * Removes one of the person's own passkeys once they have shown it is still them (a recent
 * sign-in, or their password), in one transaction with its audit entry (`mfa.passkey_removed`).
 */
export async function removePasskey({
	userId,
	passkeyId,
	reauthentication,
	ipAddress,
	userAgent,
	now = new Date(),
}: {
	userId: string
	passkeyId: string
	reauthentication: Reauthentication
	now?: Date
} & RequestOrigin) {
	const user = await requireActiveUser(userId)
	const passkey = await prisma.passkey.findFirst({ where: { id: passkeyId, userId }, select: { name: true } })
	if (!passkey) throw passkeyNotFound()
	await assertReauthenticated(user, reauthentication, now)
	return prisma.$transaction(async (tx) => {
		const { count } = await tx.passkey.deleteMany({ where: { id: passkeyId, userId } })
		if (count !== 1) throw passkeyNotFound()
		await recordAudit(tx, {
			actorId: userId,
			action: 'mfa.passkey_removed',
			targetType: 'User',
			targetId: userId,
			details: { passkeyId, name: passkey.name },
			ipAddress,
			userAgent,
		})
		await sendMfaChangedEmail(tx, userId, 'passkey_removed')
		return { id: passkeyId, name: passkey.name }
	})
}
