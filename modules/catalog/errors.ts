import { DomainError } from '#modules/errors/domain-error.ts'

/** Every code the catalog context throws: a typo in a code, here or where one is checked, fails tsc. */
export type CatalogErrorCode = 'COURSE_NOT_FOUND'

/** A DomainError of the catalog context, whose code must be one of its own. */
export class CatalogError extends DomainError<CatalogErrorCode> {}
