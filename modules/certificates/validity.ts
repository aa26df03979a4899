import { addDays, addMonths, dateOnly, ukToday } from '#modules/compliance/status.ts'

/** The longest validity a trainer may set: ten years. */
export const MAX_VALIDITY_MONTHS = 120

/**
 * The last UK calendar day a certificate completed at `completedAt` is valid, for a course whose
 * certificates last `validityMonths` (null: they do not expire, and neither does this). Completed on
 * 6 December 2026 with 12 months' validity: valid until 5 December 2027, expired from the 6th.
 */
export function certificateValidUntil(completedAt: Date, validityMonths: number | null): Date | null {
	if (validityMonths === null) return null
	return dateOnly(addDays(addMonths(ukToday(completedAt), validityMonths), -1))
}

/**
 * How many months a course's certificates last: the course's own validity, or, for a refresher
 * course that sets none, the validity of the course it refreshes (it stands in for that course's
 * certificate, so it must expire as that one does: otherwise one refresher would renew a yearly
 * requirement for ever). A refresher named by several courses takes the shortest of their
 * validities, so it is never valid for longer than any requirement it renews. Null: never expires.
 */
export function courseValidityMonths(course: {
	validityMonths: number | null
	/** The courses that name this one as their refresher. */
	refresherFor: ReadonlyArray<{ validityMonths: number | null }>
}): number | null {
	if (course.validityMonths !== null) return course.validityMonths
	const refreshed = course.refresherFor.flatMap((c) => (c.validityMonths === null ? [] : [c.validityMonths]))
	return refreshed.length ? Math.min(...refreshed) : null
}

/** Whether a certificate stands today: revoked beats expired; a certificate with no end date never expires. */
export type CertificateStanding = 'valid' | 'expired' | 'revoked'

/**
 * A certificate's standing on the UK calendar day of `now`: `revoked` once revoked, `expired` from
 * the day after its `validUntil` (valid until 5 December: expired from 6 December), else `valid`.
 * This is the certificate's own standing, for the verify page, its JSON, the PDF and the learner's
 * list; whether a person is compliant is the compliance rule's question (circle_compliance_status).
 */
export function certificateStanding(
	{ revokedAt, validUntil }: { revokedAt: Date | null; validUntil: Date | null },
	now: Date,
): CertificateStanding {
	if (revokedAt) return 'revoked'
	if (validUntil && dateOnly(ukToday(now)) > validUntil) return 'expired'
	return 'valid'
}

/** "2027-12-05": a `date` column's calendar day as an ISO date (it is held as UTC midnight). */
export function isoDay(value: Date): string {
	return value.toISOString().slice(0, 10)
}

/**
 * How long before a certificate expires its renewal opens: an organisation that required the
 * course re-assigns it (runRenewals), due on the certificate's last valid day, and a learner may
 * retake a course they hold the certificate for on their own. Ninety days gives a learner who is
 * reminded 90, 30 and 7 days before (the reminders) time to fit the course in.
 */
export const RENEWAL_LEAD_DAYS = 90

/** The first UK calendar day a certificate valid until `validUntil` may be renewed (ISO date). */
export function renewalOpensOn(validUntil: Date): string {
	return addDays(isoDay(validUntil), -RENEWAL_LEAD_DAYS)
}
