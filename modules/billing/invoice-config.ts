import { isRealDeployment, parseEnv } from '#modules/env/env.ts'
import { BillingConfigurationError } from './stripe-client.ts'

export type SupplierDetails = {
	name: string
	address: string[]
	/** Null when the supplier is not registered for VAT: then no VAT is charged or shown. */
	vatNumber: string | null
	companyNumber: string | null
	email: string | null
	bank: { accountName: string; sortCode: string; accountNumber: string }
	/** The VAT rate charged, in percent (0 when not VAT-registered). */
	vatRatePercent: number
	/** True when the labelled demo supplier stands in (never in a real deployment: ADR 0052). */
	demo: boolean
}

// Outside a real deployment, a supplier that is obviously not real fills any gap, so the demo's invoices
// are complete documents without anyone configuring anything.
const DEMO = {
	name: 'Circle Learning Ltd (demo)',
	address: ['Demo only, not a real address', '1 Example Street', 'Leeds', 'LS1 1AA'],
	vatNumber: 'GB980780684',
	companyNumber: '00000000',
	email: 'accounts@circle.example',
	bank: { accountName: 'Circle Learning Ltd (demo)', sortCode: '00-00-00', accountNumber: '00000000' },
}

/**
 * The supplier printed on invoices and credit notes, from the INVOICE_* environment variables (read
 * at call time, as billingConfig is, so tests can change them). In a real deployment the name, address and
 * bank details are required: issuing an invoice without them is a BillingConfigurationError that
 * names the missing variables (a webhook answered 500 is retried by Stripe once they are set).
 */
export function supplierDetails(): SupplierDetails {
	const env = parseEnv()
	const production = isRealDeployment(env)
	const address = env.INVOICE_SUPPLIER_ADDRESS?.split('|')
		.map((line) => line.trim())
		.filter(Boolean)
	if (production) {
		const missing = (
			[
				['INVOICE_SUPPLIER_NAME', env.INVOICE_SUPPLIER_NAME],
				['INVOICE_SUPPLIER_ADDRESS', address?.length ? 'set' : undefined],
				['INVOICE_BANK_ACCOUNT_NAME', env.INVOICE_BANK_ACCOUNT_NAME],
				['INVOICE_BANK_SORT_CODE', env.INVOICE_BANK_SORT_CODE],
				['INVOICE_BANK_ACCOUNT_NUMBER', env.INVOICE_BANK_ACCOUNT_NUMBER],
			] as const
		)
			.filter(([, value]) => !value)
			.map(([name]) => name)
		if (missing.length) {
			throw new BillingConfigurationError(`Invoices cannot be issued: set ${missing.join(', ')}.`)
		}
	}
	const vatNumber = env.INVOICE_SUPPLIER_VAT_NUMBER ?? (production ? null : DEMO.vatNumber)
	const sortCode = env.INVOICE_BANK_SORT_CODE ?? DEMO.bank.sortCode
	return {
		name: env.INVOICE_SUPPLIER_NAME ?? DEMO.name,
		address: address?.length ? address : DEMO.address,
		vatNumber,
		companyNumber: env.INVOICE_SUPPLIER_COMPANY_NUMBER ?? (production ? null : DEMO.companyNumber),
		email: env.INVOICE_SUPPLIER_EMAIL ?? (production ? null : DEMO.email),
		bank: {
			accountName: env.INVOICE_BANK_ACCOUNT_NAME ?? DEMO.bank.accountName,
			sortCode: sortCode.replace(/^(\d{2})-?(\d{2})-?(\d{2})$/, '$1-$2-$3'),
			accountNumber: env.INVOICE_BANK_ACCOUNT_NUMBER ?? DEMO.bank.accountNumber,
		},
		vatRatePercent: vatNumber ? env.INVOICE_VAT_RATE : 0,
		demo: !production && !env.INVOICE_SUPPLIER_NAME,
	}
}
