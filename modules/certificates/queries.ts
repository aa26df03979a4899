/**
 * What a certificate says: the columns its PDF is drawn from (see CertificatePdfData), and exactly
 * what the public verification page and the admin's certificate page show of it.
 */
export const CERTIFICATE_PDF_FIELDS = {
	code: true,
	learnerName: true,
	courseTitle: true,
	versionNumber: true,
	cpdMinutes: true,
	outcomes: true,
	completedAt: true,
	validUntil: true,
	issuedAt: true,
	revokedAt: true,
	revokedReason: true,
} as const

/** "circle-certificate-CIRC-7KQ2-M9XD-4TPA-Q3HZ.pdf": the name a downloaded or emailed certificate gets. */
export function certificateFilename(code: string) {
	return `circle-certificate-${code}.pdf`
}
