import { DomainError } from '#modules/errors/domain-error.ts'

/** Every code the xAPI context throws: a typo in a code, here or where one is checked, fails tsc. */
export type XapiErrorCode =
	/** The LRS address is not a URL Circle may send to (not a URL, credentials or a query in it). */
	| 'LRS_ENDPOINT_INVALID'
	/** The LRS address is not https, outside development. */
	| 'LRS_ENDPOINT_NOT_HTTPS'
	/** In production: a loopback or private address. */
	| 'LRS_ENDPOINT_PRIVATE'
	/** No key/secret typed and none saved. */
	| 'LRS_CREDENTIALS_MISSING'
	/** The organisation has no LRS configured yet. */
	| 'LRS_NOT_CONFIGURED'
	/** The LRS could not be reached, or answered something other than acceptance. */
	| 'LRS_SEND_FAILED'

/** A DomainError of the xAPI context, whose code must be one of its own. */
export class XapiError extends DomainError<XapiErrorCode> {}
