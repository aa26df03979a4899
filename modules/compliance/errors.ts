import { DomainError } from '#modules/errors/domain-error.ts'

/** Every code the compliance context throws: a typo in a code, here or where one is checked, fails tsc. */
export type ComplianceErrorCode = 'NOT_ALLOWED'

/** A DomainError of the compliance context, whose code must be one of its own. */
export class ComplianceError extends DomainError<ComplianceErrorCode> {}
