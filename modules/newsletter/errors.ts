import { DomainError } from '#modules/errors/domain-error.ts'

/** Every code the newsletter context throws: a typo in a code, here or where one is checked, fails tsc. */
export type NewsletterErrorCode =
	| 'INVALID_SIGNUP'
	| 'CONFIRMATION_LINK_NOT_VALID'
	| 'CONFIRMATION_LINK_EXPIRED'
	| 'NEWSLETTER_LINK_NOT_FOUND'
	| 'INVALID_NEWSLETTER_ISSUE'
	| 'NEWSLETTER_ISSUE_NOT_FOUND'
	| 'NEWSLETTER_ISSUE_ALREADY_SENT'
	| 'SEND_TIME_NOT_IN_FUTURE'
	| 'NOT_A_NEWSLETTER_WRITER'

/** A DomainError of the newsletter context, whose code must be one of its own. */
export class NewsletterError extends DomainError<NewsletterErrorCode> {}
