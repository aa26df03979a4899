import { DomainError } from '#modules/errors/domain-error.ts'

/** Every code the enquiries context throws: a typo in a code, here or where one is checked, fails tsc. */
export type EnquiriesErrorCode = 'INVALID_ENQUIRY'

/** A DomainError of the enquiries context, whose code must be one of its own. */
export class EnquiriesError extends DomainError<EnquiriesErrorCode> {}
