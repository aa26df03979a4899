// What /accessibility says, as data: the page renders it, and the browser test
// (tests/e2e/accessibility-statement.spec.ts) holds it true. Every axe failure on a page the tests
// visit must be listed here as a known issue with its rule, and every issue listed with a rule must
// still fail, or the test fails; the compliance status is worked out from the list, so Circle
// cannot claim full compliance while anything is known not to meet WCAG 2.2 AA.

export type KnownIssue = {
	/** What does not work, for whom, in plain words. */
	summary: string
	/** The WCAG 2.2 success criteria it fails, e.g. "1.2.2 Captions (Prerecorded)". */
	criteria: string[]
	/** What to do meanwhile. */
	workaround: string
	/** What we are doing about it. */
	plan: string
	/**
	 * Set when axe finds it: the axe rule and the pages it fails on. The browser test checks that
	 * it still fails there (fixed issues come off the list) and that nothing else fails.
	 */
	axe?: { rule: string; paths: string[] }
}

/** The day the statement was last reviewed against the tests and a manual check (ISO). */
export const STATEMENT_REVIEWED_ON = '2026-12-06'

/** Found by hand: axe does not test PDFs or video. */
export const KNOWN_ISSUES: KnownIssue[] = [
	{
		summary:
			'Certificates, CPD portfolio exports and regulator records downloaded as PDFs are not tagged, so a screen reader may read them without headings or in the wrong order.',
		criteria: ['1.3.1 Info and Relationships', '1.3.2 Meaningful Sequence'],
		workaround:
			'Everything in each PDF is also on an accessible web page: the certificate’s verification page, your CPD portfolio and each record’s own page. Ask us for another format and we will send it.',
		plan: 'We are moving our PDFs to tagged PDF (PDF/UA) with a reading order and headings.',
	},
	{
		summary:
			'Course videos do not have captions yet. Where the trainer has written one, a transcript is shown with the video.',
		criteria: ['1.2.2 Captions (Prerecorded)'],
		workaround:
			'Read the transcript below the video. If a video has no transcript, tell us and we will ask the trainer for one.',
		plan: 'We are adding captions to the studio, so that trainers upload or check a caption file for every video they publish.',
	},
]

export type ComplianceStatus = 'full' | 'partial'

/** Fully compliant only when nothing is known to fail. */
export function complianceStatus(issues: readonly KnownIssue[] = KNOWN_ISSUES): ComplianceStatus {
	return issues.length === 0 ? 'full' : 'partial'
}
