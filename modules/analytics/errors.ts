import { DomainError } from '#modules/errors/domain-error.ts'

/** Every code the analytics context throws: a typo in a code, here or where one is checked, fails tsc. */
export type AnalyticsErrorCode = 'COURSE_NOT_FOUND' | 'VERSION_NOT_FOUND'

/** A DomainError of the analytics context, whose code must be one of its own. */
export class AnalyticsError extends DomainError<AnalyticsErrorCode> {}
