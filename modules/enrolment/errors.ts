import { DomainError } from '#modules/errors/domain-error.ts'

/** Every code the enrolment context throws: a typo in a code, here or where one is checked, fails tsc. */
export type EnrolmentErrorCode = 'COURSE_NOT_FOUND' | 'PAYMENT_REQUIRED'

/** A DomainError of the enrolment context, whose code must be one of its own. */
export class EnrolmentError extends DomainError<EnrolmentErrorCode> {}
