import { DomainError } from '#modules/errors/domain-error.ts'

/** Every code the teams context throws: a typo in a code, here or where one is checked, fails tsc. */
export type TeamsErrorCode = 'NOT_A_TEAM_MANAGER' | 'TEAM_NOT_FOUND'

/** A DomainError of the teams context, whose code must be one of its own. */
export class TeamsError extends DomainError<TeamsErrorCode> {}
