import { DomainError } from '#modules/errors/domain-error.ts'

/** Every code the billing context throws: a typo in a code, here or where one is checked, fails tsc. */
export type BillingErrorCode =
	| 'ALREADY_ENROLLED'
	| 'ALREADY_PAID'
	| 'BILLING_ADDRESS_REQUIRED'
	| 'CHECKOUT_CLOSED'
	| 'CHECKOUT_IN_PROGRESS'
	| 'COURSE_IS_FREE'
	| 'COURSE_NOT_FOUND'
	| 'INDIVIDUAL_QUANTITY'
	| 'INVALID_BILLING_EMAIL'
	| 'INVALID_PAYMENT_TERMS'
	| 'INVALID_PO_NUMBER'
	| 'INVALID_QUANTITY'
	| 'INVALID_VAT_NUMBER'
	| 'INVOICE_NOT_FOUND'
	| 'INVOICE_NEEDS_ORGANISATION'
	| 'NOT_FOUND'
	| 'NOT_AWAITING_APPROVAL'
	| 'NOT_ORGANISATION_ADMIN'
	| 'NO_BUYER'
	| 'NO_PAYMENT_TO_REFUND'
	| 'ORDER_NOT_FOUND'
	| 'ORDER_NOT_INVOICED'
	| 'ORDER_NOT_PAID'
	| 'PROGRAMME_IS_FREE'
	| 'PROGRAMME_NOT_FOUND'
	| 'PROGRAMME_SEATS'
	/** Over the daily allowance of orders paid by invoice, for the buyer or the organisation. */
	| 'TOO_MANY_INVOICE_ORDERS'

/** A DomainError of the billing context, whose code must be one of its own. */
export class BillingError extends DomainError<BillingErrorCode> {}
