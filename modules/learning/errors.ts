import { DomainError } from '#modules/errors/domain-error.ts'

/** Every code the learning context throws: a typo in a code, here or where one is checked, fails tsc. */
export type LearningErrorCode = 'LESSON_LOCKED' | 'LESSON_NOT_FOUND' | 'NOT_ENROLLED'

/** A DomainError of the learning context, whose code must be one of its own. */
export class LearningError extends DomainError<LearningErrorCode> {}
