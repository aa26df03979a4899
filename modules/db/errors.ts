import { DomainError } from '#modules/errors/domain-error.ts'

/** Every code the database layer throws: a typo in a code, here or where one is checked, fails tsc. */
export type DbErrorCode = 'BUSY'

/** A DomainError of the database layer (busy, try again), whose code must be one of its own. */
export class DbError extends DomainError<DbErrorCode> {}
