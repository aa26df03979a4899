/**
 * The ADL verbs and activity types Circle uses (https://registry.tincanapi.com and the ADL vocabulary,
 * http://adlnet.gov/expapi/verbs/…), with their display names. Only these leave Circle.
 */
export const VERBS = {
	launched: { id: 'http://adlnet.gov/expapi/verbs/launched', display: { 'en-GB': 'launched' } },
	progressed: { id: 'http://adlnet.gov/expapi/verbs/progressed', display: { 'en-GB': 'progressed' } },
	completed: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-GB': 'completed' } },
	passed: { id: 'http://adlnet.gov/expapi/verbs/passed', display: { 'en-GB': 'passed' } },
	failed: { id: 'http://adlnet.gov/expapi/verbs/failed', display: { 'en-GB': 'failed' } },
	attended: { id: 'http://adlnet.gov/expapi/verbs/attended', display: { 'en-GB': 'attended' } },
} as const

export type XapiVerb = keyof typeof VERBS

export const ACTIVITY_TYPES = {
	course: 'http://adlnet.gov/expapi/activities/course',
	lesson: 'http://adlnet.gov/expapi/activities/lesson',
	assessment: 'http://adlnet.gov/expapi/activities/assessment',
	meeting: 'http://adlnet.gov/expapi/activities/meeting',
} as const

/** cmi5's progress extension: how far through the course the learner is, 0–100. */
export const PROGRESS_EXTENSION = 'https://w3id.org/xapi/cmi5/result/extensions/progress'

/** The version of the xAPI specification Circle speaks, sent as X-Experience-API-Version. */
export const XAPI_VERSION = '1.0.3'
