import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible'
import pg from 'pg'
import { requireDatabaseUrl } from '#modules/env/env.ts'
import { SecurityError } from '#modules/security/errors.ts'

/**
 * Throttles Circle applies. Counters live in PostgreSQL (table "throttle"), so the limits hold
 * across any number of app processes.
 */
export const THROTTLES = {
	/** Wrong passwords for one account: the 11th within 15 minutes is refused. */
	loginPerAccount: { points: 10, durationSeconds: 15 * 60, blockSeconds: 15 * 60 },
	/** Login attempts from one IP address, whatever the account. */
	loginPerIp: { points: 50, durationSeconds: 15 * 60, blockSeconds: 15 * 60 },
	/** Emails triggered for one address (verification, reset, invitations). */
	emailPerAddress: { points: 5, durationSeconds: 60 * 60, blockSeconds: 0 },
	/**
	 * Email-sending requests from one IP address (sign-up, forgotten password, enquiries). Generous,
	 * because a whole school or NHS trust may sign up from one network address.
	 */
	emailPerIp: { points: 60, durationSeconds: 60 * 60, blockSeconds: 0 },
	/**
	 * Wrong second-factor codes (TOTP or recovery code) for one account, wherever they come from:
	 * the 11th within 15 minutes is refused, even a right one, for 15 minutes (like passwords).
	 */
	secondFactorPerAccount: { points: 10, durationSeconds: 15 * 60, blockSeconds: 15 * 60 },
	/** Single sign-on starts from one IP address (each stores a login state and asks the provider for its metadata). */
	ssoStartPerIp: { points: 120, durationSeconds: 60, blockSeconds: 60 },
	/** Certificate verification look-ups from one IP address. */
	verifyPerIp: { points: 60, durationSeconds: 60, blockSeconds: 60 },
	/**
	 * SCIM requests with one organisation's token. Entra ID's provisioning service sends bursts during
	 * an initial cycle, so the limit is generous; it stops a runaway client, not normal syncs.
	 */
	scimPerToken: { points: 1200, durationSeconds: 60, blockSeconds: 0 },
	/**
	 * Wrong check-in codes from one person for one circle: ten in 15 minutes, then none for 15
	 * minutes, so a code (about 30 bits) cannot be guessed from home to claim participatory hours.
	 */
	checkInPerPerson: { points: 10, durationSeconds: 15 * 60, blockSeconds: 15 * 60 },
	/**
	 * CPD passports one person downloads: each draws every PDF of their record (seconds of CPU for a
	 * long career), so ten an hour, which no one keeping their record needs more than.
	 */
	passportPerPerson: { points: 10, durationSeconds: 60 * 60, blockSeconds: 0 },
	/**
	 * "Download your data" requests from one person: each builds a ZIP of their whole record with every
	 * PDF, and one a day is plenty for a subject access request.
	 */
	dataExportPerPerson: { points: 3, durationSeconds: 24 * 60 * 60, blockSeconds: 0 },
	/** SCIM requests with a wrong or revoked token from one IP address: guessing tokens is pointless, but cheap to refuse. */
	scimBadTokenPerIp: { points: 30, durationSeconds: 15 * 60, blockSeconds: 15 * 60 },
	/**
	 * Newsletter sign-ups from one IP address: ten a minute, so the form cannot be scripted to fill
	 * inboxes, while a staff room signing up together on one network still gets through.
	 */
	newsletterSignupPerIp: { points: 10, durationSeconds: 60, blockSeconds: 5 * 60 },
	/** Newsletter sign-ups for one address: three an hour (each may send a confirmation email). */
	newsletterSignupPerAddress: { points: 3, durationSeconds: 60 * 60, blockSeconds: 0 },
	/**
	 * Orders paid by invoice placed by one person, whichever organisation they buy for: each takes the
	 * next number of the gap-free VAT invoice series (ADR 0036) and emails an invoice to the address
	 * typed, so a script cannot spend the series or mail invoices at will. Ten a day is more than any
	 * buyer places (one order buys up to 1,000 seats), and paying by card is not limited.
	 */
	invoiceOrdersPerBuyer: { points: 10, durationSeconds: 24 * 60 * 60, blockSeconds: 0 },
	/** Orders paid by invoice for one organisation a day, all its admins together. */
	invoiceOrdersPerOrganisation: { points: 20, durationSeconds: 24 * 60 * 60, blockSeconds: 0 },
} as const

export type ThrottleName = keyof typeof THROTTLES

let pool: pg.Pool | undefined
const limiters = new Map<ThrottleName, RateLimiterPostgres>()

function limiter(name: ThrottleName) {
	let l = limiters.get(name)
	if (!l) {
		if (!pool) {
			pool = new pg.Pool({ connectionString: requireDatabaseUrl(), max: 3 })
			// An idle connection that the server ends (a restart, or Ctrl-C reaching the embedded
			// PostgreSQL first) must not crash the process: the pool simply opens a new one next time.
			pool.on('error', (error) => console.error(`[throttle] idle connection closed: ${error.message}`))
		}
		const rule = THROTTLES[name]
		const shared = pool
		l = new RateLimiterPostgres({
			// rate-limiter-flexible names its statements ('rlflx-upsert'), and pg then prepares each once
			// per connection and only binds it afterwards. Behind PgBouncer in transaction mode the next
			// query may land on another server connection, where that statement does not exist (ADR
			// 0051), so the names are dropped: every statement goes unnamed, parsed where it runs.
			storeClient: { query: (q: pg.QueryConfig) => shared.query({ text: q.text, values: q.values }) },
			storeType: 'pool',
			tableName: 'throttle',
			// The table is created by our migrations (prisma/schema.prisma, model Throttle).
			tableCreated: true,
			clearExpiredByTimeout: false,
			keyPrefix: name,
			points: rule.points,
			duration: rule.durationSeconds,
			blockDuration: rule.blockSeconds,
		})
		limiters.set(name, l)
	}
	return l
}

function normaliseKey(key: string) {
	return key.trim().toLowerCase().slice(0, 200)
}

/**
 * Counts one attempt against `name` for `key`; throws a `throttled` DomainError once the limit is
 * reached. Use for actions that always count (sending an email, a look-up).
 */
export async function consumeThrottle(name: ThrottleName, key: string, message?: string) {
	try {
		await limiter(name).consume(normaliseKey(key))
	} catch (error) {
		if (error instanceof RateLimiterRes) throw throttledError(error, message)
		throw error
	}
}

/** Throws if `key` is already over the limit, without counting an attempt (e.g. before a login check). */
export async function assertNotThrottled(name: ThrottleName, key: string, message?: string) {
	const res = await limiter(name).get(normaliseKey(key))
	if (res && res.consumedPoints >= THROTTLES[name].points) throw throttledError(res, message)
}

/** Gives back one counted attempt for `key` (one that turned out to place nothing, e.g. a refused order). */
export async function refundThrottle(name: ThrottleName, key: string) {
	await limiter(name).reward(normaliseKey(key), 1)
}

/** Forgets the counter for `key` (e.g. after a successful login). */
export async function resetThrottle(name: ThrottleName, key: string) {
	await limiter(name).delete(normaliseKey(key))
}

function throttledError(res: RateLimiterRes, message?: string) {
	const retryAfterSeconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000))
	const minutes = Math.ceil(retryAfterSeconds / 60)
	return new SecurityError(
		'throttled',
		'TOO_MANY_ATTEMPTS',
		// Two whole sentences, so each is in the error catalogue as its plural form (ADR 0045).
		message ??
			(minutes === 1
				? `Too many attempts. Please wait ${minutes} minute and try again.`
				: `Too many attempts. Please wait ${minutes} minutes and try again.`),
		{ retryAfterSeconds },
	)
}

/** Closes the throttle's connection pool (for clean shutdown and tests). */
export async function closeThrottles() {
	limiters.clear()
	await pool?.end()
	pool = undefined
}
