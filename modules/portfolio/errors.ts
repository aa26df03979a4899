import { DomainError } from '#modules/errors/domain-error.ts'

/** Every code the portfolio context throws: a typo in a code, here or where one is checked, fails tsc. */
export type PortfolioErrorCode = 'CERTIFICATE_ENTRY' | 'CPD_ENTRY_NOT_FOUND' | 'INVALID_CPD_ENTRY'

/** A DomainError of the portfolio context, whose code must be one of its own. */
export class PortfolioError extends DomainError<PortfolioErrorCode> {}
