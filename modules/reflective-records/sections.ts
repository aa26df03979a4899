import type { ReflectiveRecordKind } from '#modules/db/client.ts'
import en from '#modules/i18n/locales/en/records.json' with { type: 'json' }
import type { Language } from '#modules/i18n/languages.ts'
import { translator } from '#modules/i18n/translate.ts'
import type { RecordFields } from './schemas.ts'

/** One question of a regulator's form and the learner's answer, as every rendering shows it. */
export type RecordSection = { key: string; heading: string; text: string }

// The questions of each form as the regulator's template puts them, in its order. The page, the PDF
// and the CSV all read a record through this, so the three always agree. Each question's heading is
// the `records` namespace's `sections.<kind>.<key>` (ADR 0041): the page shows it in the reader's
// language; the PDF, CSV and JSON exports keep the English, the wording of the regulators' own
// (English-only) templates, and the JSON's `heading` stays what docs/ promises.
type Questions = { [K in ReflectiveRecordKind]: ReadonlyArray<keyof (typeof en.sections)[K] & string> }

const QUESTIONS = {
	NMC_REFLECTIVE_ACCOUNT: [
		'activity',
		'learnt',
		'changedPractice',
		'codeThemes',
		'codeRelevance',
	],
	NMC_FEEDBACK: [
		'source',
		'summary',
		'response',
	],
	NMC_DISCUSSION: [
		'partnerName',
		'partnerEmail',
		'notes',
	],
	SWE_CPD: [
		'cpdType',
		'description',
		'learnt',
		'impact',
		'standards',
		'peerReflection',
		'peerName',
	],
	// The HCPC's order: the summary, the statement, then (beside the dated list of activities) any gaps explained.
	HCPC_PROFILE: [
		'summary',
		'statement',
		'gapExplanation',
	],
	RJC_SUPERVISION: [
		'supervisor',
		'supervisionType',
		'casesDiscussed',
		'learning',
		'actions',
	],
	RJC_OBSERVED_PRACTICE: [
		'process',
		'observer',
		'observerRole',
		'feedback',
		'learning',
		'actions',
	],
	TEACHER_SIGN_OFF: [
		'activity',
		'standards',
		'pupilImpact',
		'evidence',
		'nextSteps',
		'signerName',
		'signerRole',
	],
} satisfies Questions

/**
 * The record's answers under its form's questions, leaving out the ones not answered; the headings
 * in `language` (English, as the exports use, unless told).
 */
export function recordSections(
	record: { kind: ReflectiveRecordKind; fields: RecordFields },
	language: Language = 'en',
): RecordSection[] {
	const t = translator(language)
	const questions: ReadonlyArray<string> = QUESTIONS[record.kind]
	return questions.flatMap((key) => {
		const value = record.fields[key]
		const text = Array.isArray(value) ? value.join('; ') : (value ?? '')
		const heading = t(`sections.${record.kind}.${key}` as 'sections.HCPC_PROFILE.summary', { ns: 'records' })
		return text ? [{ key, heading, text }] : []
	})
}
