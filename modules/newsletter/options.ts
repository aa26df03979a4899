// The newsletter's fixed lists, without zod: the sign-up form in every page's footer reads them, and
// importing schemas.ts there would put zod in every page's JavaScript (ADR 0053).
import { Sector } from '#modules/db/generated/enums.ts'

/** The sectors a subscriber can ask to hear about, and an issue can be sent to. */
export const NEWSLETTER_SECTORS = [
	Sector.SCHOOLS,
	Sector.HEALTH_SOCIAL_CARE,
	Sector.CRIMINAL_JUSTICE,
	Sector.PARENTS_CARERS,
] as const

/** Which form a sign-up came from (recorded with the consent). */
export const NEWSLETTER_SOURCES = ['footer', 'home', 'account', 'news', 'sector'] as const
export type NewsletterSource = (typeof NEWSLETTER_SOURCES)[number]

export const NEWSLETTER_LIMITS = { nameMax: 120, emailMax: 254, subjectMax: 150, markdownMax: 50_000 } as const
