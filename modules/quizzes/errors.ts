import { DomainError } from '#modules/errors/domain-error.ts'

/** Every code the quizzes context throws: a typo in a code, here or where one is checked, fails tsc. */
export type QuizzesErrorCode =
	| 'ANSWER_NOT_IN_QUIZ'
	| 'ANSWER_REQUIRED'
	| 'ATTEMPT_ALREADY_SUBMITTED'
	| 'DUPLICATE_ANSWER'
	| 'INVALID_ANSWERS'
	| 'INVALID_DRAFT'
	| 'NOT_A_QUIZ'
	| 'NO_ATTEMPTS_LEFT'
	| 'ONE_ANSWER_ONLY'
	| 'OPTION_NOT_IN_QUESTION'
	| 'QUESTION_NOT_FOUND'
	| 'QUIZ_ALREADY_PASSED'
	| 'REFLECTION_REQUIRED'
	| 'REFLECTION_TOO_LONG'
	| 'SCALE_OUT_OF_RANGE'

/** A DomainError of the quizzes context, whose code must be one of its own. */
export class QuizzesError extends DomainError<QuizzesErrorCode> {}
