import { DomainError } from '#modules/errors/domain-error.ts'

/** Every code the storage context throws: a typo in a code, here or where one is checked, fails tsc. */
export type StorageErrorCode =
	'COVER_EMPTY' | 'COVER_NOT_AN_IMAGE' | 'COVER_TOO_BIG' | 'COVER_TOO_LARGE' | 'COVER_TOO_SMALL'

/** A DomainError of the storage context, whose code must be one of its own. */
export class StorageError extends DomainError<StorageErrorCode> {}
