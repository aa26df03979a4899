import { DomainError } from '#modules/errors/domain-error.ts'

/** Every code the teams context throws: a typo in a code, here or where one is checked, fails tsc. */
export type TeamsErrorCode =
	| 'NOT_A_TEAM_MANAGER'
	| 'TEAM_NOT_FOUND'
	| 'TEAM_NAME_TAKEN'
	| 'TEAM_CYCLE'
	| 'TEAM_TOO_DEEP'
	| 'TEAM_HAS_SUB_TEAMS'
	| 'TEAM_MEMBER_NOT_FOUND'
	| 'TEAM_MANAGED_BY_DIRECTORY'
	| 'TEAM_MANAGERS_ADMINS_ONLY'

/** A DomainError of the teams context, whose code must be one of its own. */
export class TeamsError extends DomainError<TeamsErrorCode> {}
