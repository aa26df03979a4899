// VAT arithmetic and UK VAT numbers for invoices (ADR 0036). Pure (no database, no env), so the
// billing details form validates a VAT number in the browser with exactly the server's rule.

/** What a buyer types: `GB 123 4567 82`, `gb123456782`, `123456782`. */
export const VAT_NUMBER_MESSAGE =
	'Enter a UK VAT number like GB123456782 (GB and 9 digits, or 12 for a group branch), or leave it empty'

/** Upper case, spaces, dots and hyphens removed, `GB` added to a bare 9- or 12-digit number. */
export function normaliseVatNumber(value: string) {
	const compact = value.toUpperCase().replace(/[\s.-]/g, '')
	return /^\d{9}(\d{3})?$/.test(compact) ? `GB${compact}` : compact
}

/**
 * Whether `value` (normalised) is a well-formed UK VAT registration number: GB and 9 digits whose
 * HMRC check digits hold (the weighted sum of the first seven digits plus the last two is a
 * multiple of 97, or is one after adding 55 for numbers issued since 2010), GB and 12 digits (a
 * branch of a VAT group: the first nine checked the same way), or a government department (GD000–
 * GD499) or health authority (HA500–HA999). Northern Ireland's XI prefix takes the same digits.
 */
export function isUkVatNumber(value: string) {
	const match = /^(GB|XI)(\d{9})(\d{3})?$/.exec(value)
	if (match) return checkDigitsHold(match[2]!)
	const special = /^GB(GD|HA)(\d{3})$/.exec(value)
	if (!special) return false
	const n = Number(special[2])
	return special[1] === 'GD' ? n < 500 : n >= 500
}

function checkDigitsHold(digits: string) {
	const weights = [8, 7, 6, 5, 4, 3, 2]
	const sum = weights.reduce((total, weight, i) => total + weight * Number(digits[i]), 0) + Number(digits.slice(7))
	return sum % 97 === 0 || (sum + 55) % 97 === 0
}

export type VatSplit = { netPence: number; vatPence: number; grossPence: number }

/**
 * Splits a VAT-inclusive amount (Circle's prices include VAT) at `ratePercent`: the VAT is the
 * gross × rate ÷ (100 + rate), rounded to the nearest penny (HMRC allows rounding per line), and
 * the net is what is left, so net + VAT is always exactly the amount paid.
 */
export function splitGross(grossPence: number, ratePercent: number): VatSplit {
	const vatPence = ratePercent > 0 ? Math.round((grossPence * ratePercent) / (100 + ratePercent)) : 0
	return { netPence: grossPence - vatPence, vatPence, grossPence }
}
