import { Ajv, type ErrorObject } from 'ajv'

// An xAPI 1.0.3 statement schema written from the specification (xAPI-Data.md, part two), for the
// statements Circle sends: what a conformant LRS would refuse with 400 fails here too. Circle only
// sends Agents (never Groups) and Activities as objects, so those branches are the strict ones;
// verbs must come from ADL's vocabulary (http://adlnet.gov/expapi/verbs/…).

/** ADL's verb vocabulary (https://github.com/adlnet/xAPI-Spec, the ADL verbs list). */
export const ADL_VERBS = [
	'answered',
	'asked',
	'attempted',
	'attended',
	'commented',
	'completed',
	'exited',
	'experienced',
	'failed',
	'imported',
	'initialized',
	'interacted',
	'launched',
	'mastered',
	'passed',
	'preferred',
	'progressed',
	'registered',
	'responded',
	'resumed',
	'scored',
	'shared',
	'suspended',
	'terminated',
	'voided',
].map((v) => `http://adlnet.gov/expapi/verbs/${v}`)

// An absolute IRI: a scheme, then no whitespace or characters IRIs exclude (RFC 3987).
const IRI = /^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]+$/i
// ISO 8601 date-time with a time zone (the spec: timestamps SHOULD carry one; Circle always sends Z).
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/
// ISO 8601 duration (the spec's "Duration" format), at least one component.
const DURATION =
	/^P(?!$)(\d+(\.\d+)?Y)?(\d+(\.\d+)?M)?(\d+(\.\d+)?W)?(\d+(\.\d+)?D)?(T(?=\d)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?$/
// RFC 5646 language tag (the keys of a language map), in the simple form: language[-script][-region].
const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|\d{3}))?$/
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i

const languageMap = {
	type: 'object',
	minProperties: 1,
	propertyNames: { format: 'language-tag' },
	additionalProperties: { type: 'string' },
}
const extensions = { type: 'object', propertyNames: { format: 'iri' } }

const agent = {
	type: 'object',
	properties: {
		objectType: { const: 'Agent' },
		name: { type: 'string' },
		mbox: { type: 'string', pattern: '^mailto:[^@\\s]+@[^@\\s]+$' },
		mbox_sha1sum: { type: 'string', pattern: '^[0-9a-f]{40}$' },
		openid: { type: 'string', format: 'iri' },
		account: {
			type: 'object',
			required: ['homePage', 'name'],
			properties: { homePage: { type: 'string', format: 'iri' }, name: { type: 'string', minLength: 1 } },
			additionalProperties: false,
		},
	},
	additionalProperties: false,
	// Exactly one Inverse Functional Identifier.
	oneOf: [{ required: ['mbox'] }, { required: ['mbox_sha1sum'] }, { required: ['openid'] }, { required: ['account'] }],
}

const activity = {
	type: 'object',
	required: ['id'],
	properties: {
		objectType: { const: 'Activity' },
		id: { type: 'string', format: 'iri' },
		definition: {
			type: 'object',
			properties: {
				name: languageMap,
				description: languageMap,
				type: { type: 'string', format: 'iri' },
				moreInfo: { type: 'string', format: 'iri' },
				extensions,
			},
			additionalProperties: false,
		},
	},
	additionalProperties: false,
}

const activityList = { oneOf: [activity, { type: 'array', items: activity }] }

export const STATEMENT_SCHEMA = {
	$id: 'https://circle.example/xapi/1.0.3/statement.json',
	type: 'object',
	required: ['id', 'actor', 'verb', 'object'],
	properties: {
		id: { type: 'string', format: 'uuid' },
		actor: agent,
		verb: {
			type: 'object',
			required: ['id', 'display'],
			properties: { id: { enum: ADL_VERBS }, display: languageMap },
			additionalProperties: false,
		},
		object: activity,
		result: {
			type: 'object',
			properties: {
				score: {
					type: 'object',
					properties: {
						scaled: { type: 'number', minimum: -1, maximum: 1 },
						raw: { type: 'number' },
						min: { type: 'number' },
						max: { type: 'number' },
					},
					additionalProperties: false,
				},
				success: { type: 'boolean' },
				completion: { type: 'boolean' },
				response: { type: 'string' },
				duration: { type: 'string', format: 'iso8601-duration' },
				extensions,
			},
			additionalProperties: false,
		},
		context: {
			type: 'object',
			properties: {
				registration: { type: 'string', format: 'uuid' },
				instructor: agent,
				revision: { type: 'string' },
				platform: { type: 'string' },
				language: { type: 'string', format: 'language-tag' },
				contextActivities: {
					type: 'object',
					properties: { parent: activityList, grouping: activityList, category: activityList, other: activityList },
					additionalProperties: false,
				},
				extensions,
			},
			additionalProperties: false,
		},
		timestamp: { type: 'string', format: 'iso8601-datetime' },
		version: { type: 'string', pattern: '^1\\.0(\\.\\d+)?$' },
	},
	additionalProperties: false,
} as const

// strictRequired off: the oneOf branches name properties defined beside them, which is how the IFI rule reads.
const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false })
ajv.addFormat('iri', IRI)
ajv.addFormat('uuid', UUID)
ajv.addFormat('iso8601-datetime', DATE_TIME)
ajv.addFormat('iso8601-duration', DURATION)
ajv.addFormat('language-tag', LANGUAGE_TAG)
const validate = ajv.compile(STATEMENT_SCHEMA)

/**
 * The reasons `statement` is not a valid xAPI 1.0.3 statement (empty when it is): the schema, plus
 * the rules a schema cannot say — score.raw between min and max, and min below max.
 */
export function statementProblems(statement: unknown): string[] {
	const problems = validate(statement)
		? []
		: (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath || '/'} ${e.message ?? ''}`.trim())
	const score = (statement as { result?: { score?: { raw?: number; min?: number; max?: number } } })?.result?.score
	if (score) {
		if (score.min !== undefined && score.max !== undefined && score.min >= score.max) {
			problems.push('/result/score min must be less than max')
		}
		if (score.raw !== undefined && score.min !== undefined && score.raw < score.min) {
			problems.push('/result/score raw must be at least min')
		}
		if (score.raw !== undefined && score.max !== undefined && score.raw > score.max) {
			problems.push('/result/score raw must be at most max')
		}
	}
	if (Number.isNaN(Date.parse((statement as { timestamp?: string })?.timestamp ?? ''))) {
		if ((statement as { timestamp?: string })?.timestamp !== undefined) problems.push('/timestamp is not a real date')
	}
	return problems
}
