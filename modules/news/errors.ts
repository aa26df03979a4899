import { DomainError } from '#modules/errors/domain-error.ts'

/** Every code the news context throws: a typo in a code, here or where one is checked, fails tsc. */
export type NewsErrorCode = 'INVALID_POST' | 'NOT_A_NEWS_AUTHOR' | 'POST_NOT_FOUND' | 'POST_SLUG_TAKEN'

/** A DomainError of the news context, whose code must be one of its own. */
export class NewsError extends DomainError<NewsErrorCode> {}
