import { DomainError } from '#modules/errors/domain-error.ts'

/** Every code the reminders context throws: a typo in a code, here or where one is checked, fails tsc. */
export type RemindersErrorCode = 'UNSUBSCRIBE_LINK_NOT_FOUND'

/** A DomainError of the reminders context, whose code must be one of its own. */
export class RemindersError extends DomainError<RemindersErrorCode> {}
