import { DomainError } from '#modules/errors/domain-error.ts'

/** Every code the themes context throws: a typo in a code, here or where one is checked, fails tsc. */
export type ThemesErrorCode =
	'THEMES_TEAM_NOT_FOUND' | 'THEMES_MEMBERSHIP_NOT_FOUND' | 'THEMES_REFLECTION_NOT_FOUND' | 'THEMES_NOT_OPTED_IN'

/** A DomainError of the themes context, whose code must be one of its own. */
export class ThemesError extends DomainError<ThemesErrorCode> {}
