// What /accessibility says, as data: the page renders it, and the browser test
// (tests/e2e/accessibility-statement.spec.ts) holds it true. Every axe failure on a page the tests
// visit must be listed here as a known issue with its rule, and every issue listed with a rule must
// still fail, or the test fails; the compliance status is worked out from the list, so Circle
// cannot claim full compliance while anything is known not to meet WCAG 2.2 AA.

import en from '#modules/i18n/locales/en/public-pages.json' with { type: 'json' }

const ISSUES = en.accessibility.issues

export type KnownIssue = {
	/**
	 * Where the issue's words live in the `public-pages` namespace (`accessibility.issues.<key>`), so
	 * the Welsh statement says it in Welsh; the English below is read from there. An issue without
	 * one is shown in English, marked as such.
	 */
	messageKey?: keyof typeof ISSUES
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
		messageKey: 'untaggedPdfs',
		...ISSUES.untaggedPdfs,
		criteria: ['1.3.1 Info and Relationships', '1.3.2 Meaningful Sequence'],
	},
	{
		messageKey: 'captions',
		...ISSUES.captions,
		criteria: ['1.2.2 Captions (Prerecorded)'],
	},
]

export type ComplianceStatus = 'full' | 'partial'

/** Fully compliant only when nothing is known to fail. */
export function complianceStatus(issues: readonly KnownIssue[] = KNOWN_ISSUES): ComplianceStatus {
	return issues.length === 0 ? 'full' : 'partial'
}
