import type { ReflectiveRecordKind } from '#modules/db/client.ts'
import type { RecordFields } from './schemas.ts'

/** One question of a regulator's form and the learner's answer, as every rendering shows it. */
export type RecordSection = { key: string; heading: string; text: string }

// The questions of each form as the regulator's template puts them, in its order. The page, the PDF
// and the CSV all read a record through this, so the three always agree.
const HEADINGS: Record<ReflectiveRecordKind, Array<[key: string, heading: string]>> = {
	NMC_REFLECTIVE_ACCOUNT: [
		['activity', 'The activity, feedback or event in my practice'],
		['learnt', 'What I learnt from it'],
		['changedPractice', 'How I changed or improved my practice as a result'],
		['codeThemes', 'Themes of the Code'],
		['codeRelevance', 'How this is relevant to the Code'],
	],
	NMC_FEEDBACK: [
		['source', 'Source of the feedback'],
		['summary', 'What the feedback said'],
		['response', 'How I used it to improve my practice'],
	],
	NMC_DISCUSSION: [
		['partnerName', 'Discussion partner'],
		['partnerEmail', 'Discussion partner’s email'],
		['notes', 'Notes on the discussion'],
	],
	SWE_CPD: [
		['cpdType', 'Type of CPD'],
		['description', 'Description, and why it is relevant to my practice'],
		['learnt', 'What I learnt'],
		['impact', 'Impact on my practice and on the people I work with'],
		['standards', 'Professional standards'],
		['peerReflection', 'Peer reflection: what I learnt from discussing it with a peer'],
		['peerName', 'Peer'],
	],
	// The HCPC's order: the summary, the statement, then (beside the dated list of activities) any gaps explained.
	HCPC_PROFILE: [
		['summary', 'Summary of practice'],
		['statement', 'Statement of how I have met the HCPC’s standards for CPD'],
		['gapExplanation', 'Gaps of three months or more in my CPD record'],
	],
	RJC_SUPERVISION: [
		['supervisor', 'Supervisor'],
		['supervisionType', 'Type of supervision'],
		['casesDiscussed', 'Cases discussed (no one identifiable)'],
		['learning', 'What I learnt'],
		['actions', 'Actions agreed'],
	],
	RJC_OBSERVED_PRACTICE: [
		['process', 'The restorative process observed'],
		['observer', 'Observer'],
		['observerRole', 'Observer’s role'],
		['feedback', 'The observer’s feedback'],
		['learning', 'What I learnt'],
		['actions', 'What I will do differently'],
	],
	TEACHER_SIGN_OFF: [
		['activity', 'What I did'],
		['standards', 'Teachers’ Standards'],
		['pupilImpact', 'The difference it made to my pupils'],
		['evidence', 'Evidence'],
		['nextSteps', 'Next steps'],
		['signerName', 'Signed off by'],
		['signerRole', 'Their role'],
	],
}

/** The record's answers under its form's questions, leaving out the ones not answered. */
export function recordSections(record: { kind: ReflectiveRecordKind; fields: RecordFields }): RecordSection[] {
	return HEADINGS[record.kind].flatMap(([key, heading]) => {
		const value = record.fields[key]
		const text = Array.isArray(value) ? value.join('; ') : (value ?? '')
		return text ? [{ key, heading, text }] : []
	})
}
