import type { XapiActorFormat } from '#modules/db/client.ts'
import { ACTIVITY_TYPES, PROGRESS_EXTENSION, VERBS, type XapiVerb } from './vocabulary.ts'
import { uuidV5 } from './uuid.ts'

// Pure builders of xAPI 1.0.3 statements from plain facts: no database, no clock. Each statement's
// id is given by the caller (a name-based UUID of the event), its timestamp is the event's time.

export type XapiPerson = { id: string; name: string; email: string }
export type XapiActivity = { iri: string; type: keyof typeof ACTIVITY_TYPES; name: string }
export type XapiResult = {
	completion?: boolean
	success?: boolean
	/** 0–100; sent as score.scaled (0–1) with raw, min 0 and max 100. */
	scorePercent?: number
	/** Seconds, sent as an ISO 8601 duration. */
	durationSeconds?: number
	/** 0–100, sent as cmi5's progress extension. */
	progressPercent?: number
}

export type BuildStatementInput = {
	id: string
	verb: XapiVerb
	person: XapiPerson
	actorFormat: XapiActorFormat
	/** Circle's address (the account's homePage and the base of every activity IRI). */
	homePage: string
	object: XapiActivity
	/** The course a lesson, quiz or circle belongs to. */
	parent?: XapiActivity | null
	/** Any other activity the statement is about (the lesson that moved a course's progress on). */
	other?: XapiActivity | null
	/** The enrolment (and cycle) the statement belongs to, made into a registration UUID. */
	registrationKey?: string | null
	result?: XapiResult
	timestamp: Date
}

export type Statement = Record<string, unknown> & { id: string }

/** An actor by the organisation's choice of identifier: the email address, or an account at Circle. */
export function xapiActor(person: XapiPerson, format: XapiActorFormat, homePage: string) {
	return format === 'MBOX'
		? { objectType: 'Agent', name: person.name, mbox: `mailto:${person.email}` }
		: { objectType: 'Agent', name: person.name, account: { homePage, name: person.id } }
}

function activity(a: XapiActivity) {
	return {
		objectType: 'Activity',
		id: a.iri,
		definition: { type: ACTIVITY_TYPES[a.type], name: { 'en-GB': a.name } },
	}
}

/** Seconds as an ISO 8601 duration, e.g. 3725 → PT1H2M5S. */
export function isoDuration(totalSeconds: number) {
	const s = Math.max(0, Math.round(totalSeconds))
	const h = Math.floor(s / 3600)
	const m = Math.floor((s % 3600) / 60)
	const rest = s % 60
	return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${rest || (!h && !m) ? `${rest}S` : ''}`
}

function result(r: XapiResult | undefined) {
	if (!r) return undefined
	const out: Record<string, unknown> = {}
	if (r.scorePercent !== undefined) {
		const raw = Math.max(0, Math.min(100, r.scorePercent))
		out.score = { scaled: raw / 100, raw, min: 0, max: 100 }
	}
	if (r.success !== undefined) out.success = r.success
	if (r.completion !== undefined) out.completion = r.completion
	if (r.durationSeconds !== undefined) out.duration = isoDuration(r.durationSeconds)
	if (r.progressPercent !== undefined) {
		out.extensions = { [PROGRESS_EXTENSION]: Math.max(0, Math.min(100, Math.round(r.progressPercent))) }
	}
	return Object.keys(out).length ? out : undefined
}

/** One xAPI 1.0.3 statement, as Circle sends it. */
export function buildStatement(input: BuildStatementInput): Statement {
	const contextActivities: Record<string, unknown> = {}
	if (input.parent) contextActivities.parent = [activity(input.parent)]
	if (input.other) contextActivities.other = [activity(input.other)]
	const statement: Statement = {
		id: input.id,
		actor: xapiActor(input.person, input.actorFormat, input.homePage),
		verb: VERBS[input.verb],
		object: activity(input.object),
		context: {
			...(input.registrationKey ? { registration: uuidV5(`registration:${input.registrationKey}`) } : {}),
			platform: 'Circle',
			language: 'en-GB',
			...(Object.keys(contextActivities).length ? { contextActivities } : {}),
		},
		timestamp: input.timestamp.toISOString(),
	}
	const r = result(input.result)
	if (r) statement.result = r
	return statement
}
