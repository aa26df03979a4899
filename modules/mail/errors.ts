import { DomainError } from '#modules/errors/domain-error.ts'

/** Every code the mail context throws: a typo in a code, here or where one is checked, fails tsc. */
export type MailErrorCode = 'INVALID_EMAIL_ADDRESS' | 'INVALID_EMAIL_HEADER'

/** A DomainError of the mail context, whose code must be one of its own. */
export class MailError extends DomainError<MailErrorCode> {}
