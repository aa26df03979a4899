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
