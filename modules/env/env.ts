import os from 'node:os'
import { z } from 'zod'
import { isLoopbackHostname } from '#modules/security/internal-address.ts'
import { currentRequestOrigin } from './request-origin.ts'

const postgresUrl = z.string().refine((value) => {
	try {
		const url = new URL(value)
		return (url.protocol === 'postgresql:' || url.protocol === 'postgres:') && url.pathname.length > 1
	} catch {
		return false
	}
}, 'must be a URL like postgresql://user:password@host:5432/database')

const port = z.coerce
	.number({ message: 'must be a whole number between 1 and 65535' })
	.int('must be a whole number between 1 and 65535')
	.min(1, 'must be a whole number between 1 and 65535')
	.max(65535, 'must be a whole number between 1 and 65535')

/** 32 bytes in base64, as `openssl rand -base64 32` prints them. */
const encryptionKey = z
	.string()
	.refine((v) => /^[A-Za-z0-9+/]+={0,2}$/.test(v) && Buffer.from(v, 'base64').length === 32, {
		message: 'must be 32 random bytes in base64 (openssl rand -base64 32)',
	})

/** A whole number of days, at least `min` (retention periods and link lifetimes). */
const days = (fallback: number, min = 1) =>
	z.coerce
		.number({ message: `must be a whole number of days (at least ${min})` })
		.int(`must be a whole number of days (at least ${min})`)
		.min(min, `must be a whole number of days (at least ${min})`)
		.max(36_500, 'must be at most 36500 days (100 years)')
		.default(fallback)

const bool = z
	.enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
	.transform((v) => v === 'true' || v === '1' || v === 'yes')

/**
 * Every environment variable Circle reads. The README's Configuration table lists the same ones.
 * Empty strings count as unset, as they do in most .env files.
 */
export const EnvSchema = z.object({
	NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
	PORT: port.default(3000),
	/** When unset, Circle runs an embedded PostgreSQL (scripts/start.ts). May point at PgBouncer (transaction mode). */
	DATABASE_URL: postgresUrl.optional(),
	/**
	 * The same database without a pooler in between, for what needs a whole session: `prisma migrate
	 * deploy` holds a session-level advisory lock while it migrates (ADR 0048). Defaults to DATABASE_URL.
	 */
	DATABASE_DIRECT_URL: postgresUrl.optional(),
	/** Connections in the app's database pool (read by modules/db/client.ts). */
	DATABASE_POOL_SIZE: z.coerce
		.number({ message: 'must be a whole number between 1 and 100' })
		.int('must be a whole number between 1 and 100')
		.min(1, 'must be a whole number between 1 and 100')
		.max(100, 'must be a whole number between 1 and 100')
		.default(10),
	/**
	 * A streaming replica of DATABASE_URL's PostgreSQL for heavy reads (reports, the compliance
	 * matrix, analytics, CSV exports; ADR 0049). Unset: every read goes to the primary.
	 */
	DATABASE_REPLICA_URL: postgresUrl.optional(),
	/** Heavy reads leave the replica for the primary while it is further behind than this. */
	REPLICA_MAX_LAG_SECONDS: z.coerce
		.number({ message: 'must be a whole number of seconds between 1 and 3600' })
		.int('must be a whole number of seconds between 1 and 3600')
		.min(1, 'must be a whole number of seconds between 1 and 3600')
		.max(3600, 'must be a whole number of seconds between 1 and 3600')
		.default(10),
	EMBEDDED_PG_PORT: port.default(54329),
	EMBEDDED_PG_DIR: z.string().default('.data/postgres'),
	/** Public origin used in links inside emails and certificates. Defaults to http://localhost:PORT. */
	APP_URL: z.url({ message: 'must be an absolute URL such as https://circle.example.org' }).optional(),
	/** smtp(s)://user:pass@host:port. When unset, mail goes to the dev outbox and the console. */
	SMTP_URL: z
		.string()
		.refine((v) => /^smtps?:\/\//.test(v), 'must start with smtp:// or smtps://')
		.optional(),
	MAIL_FROM: z.string().default('Circle <no-reply@circle.localhost>'),
	/** Run the background worker inside the web process (default) or only in `npm run worker`. */
	RUN_WORKER: bool.default(true),
	/**
	 * Demo mode (ADR 0052): Circle tried out on one machine. The dev outbox at /dev/outbox, the
	 * development identity provider, the demo content, plain http (cookies without Secure, no HSTS),
	 * the fixed development encryption key, the labelled demo checkout and invoice supplier. Default:
	 * on when DATABASE_URL is unset and NODE_ENV is not production (a fresh clone's `npm start`);
	 * `npm start` passes its decision on to the processes it starts. Refused in production with a
	 * DATABASE_URL of your own: a real deployment can never be a demo.
	 */
	DEMO_MODE: bool.optional(),
	/**
	 * Seed demo content into an empty database at start (default: in demo mode, and outside
	 * production). Refused in a real deployment (production with a DATABASE_URL of your own).
	 */
	SEED_DEMO: bool.optional(),
	/**
	 * HTTP worker processes `npm start` runs (Node's cluster module, one per core by default: see
	 * webConcurrency). 1 serves from the one process, as `npm run dev` and the browser tests do.
	 */
	WEB_CONCURRENCY: z.coerce
		.number({ message: 'must be a whole number between 1 and 64' })
		.int('must be a whole number between 1 and 64')
		.min(1, 'must be a whole number between 1 and 64')
		.max(64, 'must be a whole number between 1 and 64')
		.optional(),
	/**
	 * Seconds a process has, after SIGTERM or Ctrl-C, to finish the requests and jobs in hand before
	 * it exits anyway. Keep it below the orchestrator's own limit (Kubernetes'
	 * terminationGracePeriodSeconds, Docker's stop timeout).
	 */
	SHUTDOWN_GRACE_SECONDS: z.coerce
		.number({ message: 'must be a whole number of seconds between 1 and 600' })
		.int('must be a whole number of seconds between 1 and 600')
		.min(1, 'must be a whole number of seconds between 1 and 600')
		.max(600, 'must be a whole number of seconds between 1 and 600')
		.default(25),
	/** Trust X-Forwarded-For from this many proxies in front of Circle (for throttling by IP). */
	TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),

	/** Stripe secret key (sk_live_… or sk_test_…). Unset: the labelled demo checkout is used instead. */
	STRIPE_SECRET_KEY: z
		.string()
		.regex(/^(sk|rk)_(test|live)_/, 'must be a Stripe secret key (sk_test_… or sk_live_…)')
		.optional(),
	/** Signing secret of the /webhooks/stripe endpoint (whsec_…). Required when STRIPE_SECRET_KEY is set. */
	STRIPE_WEBHOOK_SECRET: z
		.string()
		.regex(/^whsec_/, 'must start with whsec_')
		.optional(),
	/** Let Stripe calculate VAT (Stripe Tax) on checkouts. */
	STRIPE_AUTOMATIC_TAX: bool.default(false),
	/** Override Stripe's API address (tests point the real client at a local fake). */
	STRIPE_API_URL: z.url({ message: 'must be an absolute URL' }).optional(),

	/**
	 * The supplier on Circle's VAT invoices and credit notes (ADR 0036). Outside production a labelled
	 * demo supplier stands in for any that are unset; in production an invoice cannot be issued
	 * without the name, address and bank details (a BillingConfigurationError names what is missing).
	 */
	INVOICE_SUPPLIER_NAME: z.string().max(120).optional(),
	/** Postal address, lines separated by `|`: `1 High Street|Leeds|LS1 1AA`. */
	INVOICE_SUPPLIER_ADDRESS: z.string().max(400).optional(),
	/** The supplier's UK VAT registration number (GB123456782). Unset: invoices say VAT is not charged. */
	INVOICE_SUPPLIER_VAT_NUMBER: z
		.string()
		.regex(/^GB(\d{9}|\d{12}|GD\d{3}|HA\d{3})$/, 'must be a UK VAT number like GB123456782')
		.optional(),
	INVOICE_SUPPLIER_COMPANY_NUMBER: z.string().max(20).optional(),
	/** Where buyers write about invoices (printed on them). */
	INVOICE_SUPPLIER_EMAIL: z.email({ message: 'must be an email address' }).optional(),
	INVOICE_BANK_ACCOUNT_NAME: z.string().max(120).optional(),
	INVOICE_BANK_SORT_CODE: z
		.string()
		.regex(/^\d{2}-?\d{2}-?\d{2}$/, 'must be a sort code like 12-34-56')
		.optional(),
	INVOICE_BANK_ACCOUNT_NUMBER: z
		.string()
		.regex(/^\d{8}$/, 'must be an 8-digit account number')
		.optional(),
	/** VAT rate in percent charged on sales (prices include it); 20 is the UK standard rate. */
	INVOICE_VAT_RATE: z.coerce
		.number({ message: 'must be a percentage from 0 to 100' })
		.min(0, 'must be a percentage from 0 to 100')
		.max(100, 'must be a percentage from 0 to 100')
		.default(20),

	/** Mux API access token for direct uploads. Unset: trainers paste a playback id or video URL instead. */
	MUX_TOKEN_ID: z.string().optional(),
	MUX_TOKEN_SECRET: z.string().optional(),
	/** Signing secret of the /webhooks/mux endpoint. */
	MUX_WEBHOOK_SECRET: z.string().optional(),
	/**
	 * Shared secret of the /webhooks/mail endpoint (ADR 0046): the mail provider's relay signs each
	 * bounce or complaint notification with HMAC-SHA256 of the body. Unset: the endpoint answers 503.
	 */
	MAIL_WEBHOOK_SECRET: z.string().min(32, 'must be at least 32 characters (openssl rand -hex 32)').optional(),
	/** Override Mux's API address (tests point the real client at a local fake). */
	MUX_API_URL: z.url({ message: 'must be an absolute URL' }).optional(),

	/**
	 * Port of the development identity provider that `npm start` runs in demo mode (no DATABASE_URL),
	 * so single sign-on can be tried without a Microsoft or Google tenant. Defaults to PORT + 1.
	 */
	DEV_IDP_PORT: port.optional(),

	/** Where uploaded files (course cover images) are stored by the default disk storage. */
	UPLOAD_DIR: z.string().default('.data/uploads'),

	/**
	 * The key that encrypts secrets at rest (SSO client secrets, TOTP secrets): 32 random bytes in
	 * base64 (`openssl rand -base64 32`). Required in production (encrypting or decrypting without it
	 * fails there); elsewhere a fixed development key is used. To rotate: move the current key to SECRETS_ENCRYPTION_KEY_PREVIOUS, set a new one, run
	 * `npm run secrets:rotate`, then remove the previous key.
	 */
	SECRETS_ENCRYPTION_KEY: encryptionKey.optional(),
	/** Earlier keys (comma-separated) that still decrypt during a rotation; never used to encrypt. */
	SECRETS_ENCRYPTION_KEY_PREVIOUS: z
		.string()
		.refine(
			(v) => v.split(',').every((k) => encryptionKey.safeParse(k.trim()).success),
			'must be one or more base64 keys of 32 bytes, separated by commas',
		)
		.optional(),

	/**
	 * Data rights (docs/decisions/0037-data-export-and-retention.md, docs/record-of-processing.md).
	 * How long the emailed "Download your data" link works.
	 */
	DATA_EXPORT_LINK_DAYS: days(7).refine((v) => v <= 30, 'must be at most 30 days'),
	/** Sessions are deleted this many days after they expired (signed out or timed out). */
	RETENTION_SESSION_DAYS: days(30),
	/** Throttle counters are deleted this many days after they expired. */
	RETENTION_THROTTLE_DAYS: days(1),
	/** Sent or failed emails in the outbox are deleted this many days after they were queued. */
	RETENTION_OUTBOX_DAYS: days(90),
	/** Audit log entries are deleted this many days after they were written (6 years by default). */
	RETENTION_AUDIT_DAYS: days(2190, 30),
	/** An account nobody has signed in to for this many days is erased (0: never). */
	RETENTION_INACTIVE_ACCOUNT_DAYS: days(1095, 0),
	/** How many days before erasing an inactive account its owner is warned by email. */
	RETENTION_INACTIVE_WARNING_DAYS: days(30),
})

export type Env = z.infer<typeof EnvSchema>

export class EnvError extends Error {
	constructor(message: string) {
		super(message)
		this.name = 'EnvError'
	}
}

/**
 * Variables whose values are secrets (or hold one, like a URL with a password in it): an error about
 * one names the variable and never repeats its value, since start-up errors end up in logs.
 */
export const SECRET_VARIABLES: ReadonlySet<string> = new Set([
	'DATABASE_URL',
	'DATABASE_REPLICA_URL',
	'DATABASE_DIRECT_URL',
	'SMTP_URL',
	'STRIPE_SECRET_KEY',
	'STRIPE_WEBHOOK_SECRET',
	'MUX_TOKEN_ID',
	'MUX_TOKEN_SECRET',
	'MUX_WEBHOOK_SECRET',
	'MAIL_WEBHOOK_SECRET',
	'SECRETS_ENCRYPTION_KEY',
	'SECRETS_ENCRYPTION_KEY_PREVIOUS',
])

/** Settings that are useless, or unsafe, one without the other: both set or neither. */
const PAIRS = [
	[
		'STRIPE_SECRET_KEY',
		'STRIPE_WEBHOOK_SECRET',
		'Stripe payments need both: the key to create checkouts, the webhook secret to trust the payment events',
	],
	['MUX_TOKEN_ID', 'MUX_TOKEN_SECRET', 'a Mux access token is the two together'],
] as const

/**
 * Parses the environment (process.env when no source is given, read at the time of the call); throws
 * an EnvError whose message names each bad variable on one line, without the values of secrets.
 */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
	const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''))
	const result = EnvSchema.safeParse(cleaned)
	const lines = result.success
		? []
		: result.error.issues.map((issue) => {
				const name = String(issue.path[0])
				const got = source[name]
				if (got === undefined) return `${name} ${issue.message}`
				return `${name} ${issue.message} ${SECRET_VARIABLES.has(name) ? '(its value is a secret, so it is not shown)' : `(got "${got}")`}`
			})
	for (const [first, second, why] of PAIRS) {
		const missing = first in cleaned ? (second in cleaned ? null : second) : second in cleaned ? first : null
		if (missing) lines.push(`${first} and ${second} must be set together (${why}); ${missing} is not set`)
	}
	if (result.success && hasOwnDatabaseInProduction(result.data)) {
		// What only a demo may do (ADR 0052) would publish every email and sign anyone in.
		if (result.data.DEMO_MODE) {
			lines.push(
				'DEMO_MODE=true cannot be used in production with a DATABASE_URL of your own (demo mode shows every email at /dev/outbox and signs anyone in through the development identity provider); remove DEMO_MODE',
			)
		}
		if (result.data.SEED_DEMO) {
			lines.push(
				'SEED_DEMO=true cannot be used in production with a DATABASE_URL of your own (the demo accounts have a published password); remove SEED_DEMO, or load the demo content on purpose with `npm run db:seed`',
			)
		}
	}
	if (lines.length || !result.success) throw new EnvError(`Invalid environment: ${lines.join('; ')}`)
	return result.data
}

/**
 * The database address, for whatever opens a connection pool: read when called, because scripts and
 * the test setup provide it (an embedded PostgreSQL, a database per test worker) after start-up.
 */
export function requireDatabaseUrl(env: Env = parseEnv()): string {
	if (!env.DATABASE_URL) {
		throw new EnvError('DATABASE_URL is not set: start Circle with `npm start`, which provides one')
	}
	return env.DATABASE_URL
}

/**
 * The database address for work that needs one PostgreSQL session from start to end (migrations):
 * DATABASE_DIRECT_URL, or DATABASE_URL when there is no pooler in front of the database.
 */
export function requireDirectDatabaseUrl(env: Env = parseEnv()): string {
	return env.DATABASE_DIRECT_URL ?? requireDatabaseUrl(env)
}

/**
 * Whether DATABASE_URL is the embedded PostgreSQL of `npm start` (scripts/start.ts sets it so for
 * the processes it starts): a loopback address on EMBEDDED_PG_PORT.
 */
function isEmbeddedDatabase(env: Pick<Env, 'DATABASE_URL' | 'EMBEDDED_PG_PORT'>) {
	if (!env.DATABASE_URL) return false
	const url = new URL(env.DATABASE_URL)
	return isLoopbackHostname(url.hostname) && Number(url.port || 5432) === env.EMBEDDED_PG_PORT
}

/** Production with a database the operator provided: a real deployment, whatever else is set. */
function hasOwnDatabaseInProduction(env: Pick<Env, 'NODE_ENV' | 'DATABASE_URL' | 'EMBEDDED_PG_PORT'>) {
	return env.NODE_ENV === 'production' && !!env.DATABASE_URL && !isEmbeddedDatabase(env)
}

type DemoSettings = Pick<Env, 'NODE_ENV' | 'DATABASE_URL' | 'EMBEDDED_PG_PORT' | 'DEMO_MODE'>

/**
 * Demo mode (ADR 0052): DEMO_MODE, or by default no DATABASE_URL outside production. Never in
 * production with a DATABASE_URL of the operator's own, even when DEMO_MODE says so (parseEnv
 * refuses that combination; this holds for an Env built any other way too).
 */
export function isDemoMode(env: DemoSettings): boolean {
	if (hasOwnDatabaseInProduction(env)) return false
	return env.DEMO_MODE ?? (!env.DATABASE_URL && env.NODE_ENV !== 'production')
}

/**
 * A deployment serving real people: NODE_ENV=production and not a demo. What is safe only on
 * one's own machine is off exactly when this is true: the dev outbox, identity providers over plain
 * http, the fixed development encryption key, the demo checkout and invoice supplier, cookies without
 * Secure, links that follow the request's Host. NODE_ENV itself now only chooses the libraries'
 * builds, so the demo runs React's production build (ADR 0052).
 */
export function isRealDeployment(env: DemoSettings): boolean {
	return env.NODE_ENV === 'production' && !isDemoMode(env)
}

/** Whether to load the demo content into an empty database at start: SEED_DEMO, else in demo mode or outside production. */
export function seedsDemoContent(env: DemoSettings & Pick<Env, 'SEED_DEMO'>): boolean {
	if (hasOwnDatabaseInProduction(env)) return false
	return env.SEED_DEMO ?? !isRealDeployment(env)
}

let cached: Env | undefined
/** The validated environment, parsed once. */
export function getEnv(): Env {
	cached ??= parseEnv()
	return cached
}

/** The development identity provider's port: DEV_IDP_PORT, or the port after Circle's. */
export function devIdpPort(env: Env = getEnv()) {
	return env.DEV_IDP_PORT ?? env.PORT + 1
}

/** How many HTTP worker processes to run: WEB_CONCURRENCY, or one per core this process may use. */
export function webConcurrency(env: Pick<Env, 'WEB_CONCURRENCY'> = getEnv()) {
	return env.WEB_CONCURRENCY ?? os.availableParallelism()
}

/**
 * The origin for links Circle sends (emails, certificates): APP_URL. When APP_URL is unset outside
 * a real deployment (development, tests, the demo), the loopback origin the current request came to (http://127.0.0.1:3000 when the page
 * was opened there), so a link in an email opens where the person is already logged in; failing
 * that, http://localhost:PORT. A real deployment never follows a request's Host.
 */
export function appUrl(env: Env = getEnv()) {
	if (!env.APP_URL && !isRealDeployment(env)) {
		const origin = currentRequestOrigin()
		if (origin) return origin
	}
	return (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, '')
}
