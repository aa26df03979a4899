import { DomainError } from '#modules/errors/domain-error.ts'

/** Every code the assignments context throws: a typo in a code, here or where one is checked, fails tsc. */
export type AssignmentsErrorCode =
	| 'COURSE_NOT_ASSIGNABLE'
	| 'NOT_A_MEMBER'
	| 'DUE_DATE_IN_PAST'
	| 'DUE_DATE_TOO_FAR'
	| 'TEAM_NOT_FOUND'
	| 'ASSIGNMENT_NOT_FOUND'
	| 'EVERYONE_ADMINS_ONLY'

/** A DomainError of the assignments context, whose code must be one of its own. */
export class AssignmentsError extends DomainError<AssignmentsErrorCode> {}
