import { PNG } from 'pngjs'
import { describe, expect, test } from 'vitest'
import { decodePdfQrCode, pdfInfo, pdfPagePng, pdfText } from '#tests/factories/certificates.ts'
import { generateCertificateCode } from './code.ts'
import { parsedFontCacheWorks } from '#modules/pdf/fonts.ts'
import { CERTIFICATE_SIGNATORY, type CertificatePdfData, renderCertificatePdf } from './render-certificate-pdf.ts'

const BASE_URL = 'https://circle.example.org'

function certificate(overrides: Partial<CertificatePdfData> = {}): CertificatePdfData {
	return {
		code: generateCertificateCode(),
		learnerName: 'Zoë Łukasiewicz-Brontë',
		courseTitle: 'Restorative conversations in health and social care',
		versionNumber: 2,
		cpdMinutes: 150,
		outcomes: ['Use restorative questions after harm', 'Facilitate a short check-in circle with a team'],
		completedAt: new Date('2026-11-21T10:00:00Z'),
		issuedAt: new Date('2026-11-21T10:00:02Z'),
		revokedAt: null,
		revokedReason: null,
		...overrides,
	}
}

// pdftotext may break a long line where the layout wraps it; compare text with whitespace squashed.
const squash = (text: string) => text.replace(/\s+/g, ' ')

describe('renderCertificatePdf', () => {
	test('renders one A4 landscape page that pdftoppm can rasterise, unencrypted, with its metadata', async () => {
		const data = certificate()
		const pdf = await renderCertificatePdf({ certificate: data, baseUrl: BASE_URL })
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')

		const png = PNG.sync.read(await pdfPagePng(pdf, { dpi: 50 }))
		// A4 landscape at 50 dpi: 11.69 × 8.27 inches.
		expect(png.width).toBe(585)
		expect(png.height).toBe(414)

		const info = await pdfInfo(pdf)
		expect(info.Pages).toBe('1')
		expect(info.Encrypted).toBe('no')
		expect(info['Page size']).toMatch(/^841\.89 x 595\.28 pts \(A4\)/)
		expect(info.Title).toBe('Certificate of CPD completion: Restorative conversations in health and social care')
		expect(info.Author).toBe('Circle')
		expect(info.Subject).toContain(data.code)
		expect(new Date(info.CreationDate!).toISOString()).toBe('2026-11-21T10:00:02.000Z')
	})

	test.each([
		['Siân Llewellyn-Nowak', ['Siân', 'Llewellyn-Nowak']],
		['Zoë Łukasiewicz-Brontë', ['Zoë', 'Łukasiewicz-Brontë']],
		['Nguyễn Thị Minh Khai', ['Nguyễn', 'Thị']],
		['Dafydd ap Gwilym Ŵyn', ['Dafydd', 'Ŵyn']],
	])('prints %s exactly, with every fact of the certificate', async (learnerName, parts) => {
		const data = certificate({ learnerName })
		const text = squash(await pdfText(await renderCertificatePdf({ certificate: data, baseUrl: BASE_URL })))
		expect(text).toContain(learnerName)
		for (const part of parts) expect(text).toContain(part)
		expect(text).toContain('Certificate of CPD completion')
		expect(text).toContain('Restorative conversations in health and social care')
		expect(text).toContain('Version 2')
		expect(text).toContain('2.5 CPD hours')
		expect(text).toContain('Completed on 21 November 2026')
		expect(text).toContain(data.code)
		expect(text).toContain('Use restorative questions after harm')
		expect(text).toContain(`Verify at ${BASE_URL}/verify/${data.code}`.replace('Verify at', 'VERIFY AT'))
		expect(text).toContain(CERTIFICATE_SIGNATORY.name)
	})

	test('its QR code decodes to the verification address', async () => {
		const data = certificate()
		const pdf = await renderCertificatePdf({ certificate: data, baseUrl: BASE_URL })
		expect(await decodePdfQrCode(pdf)).toBe(`${BASE_URL}/verify/${data.code}`)
	})

	test('fonts are parsed once per process, not once per certificate', () => {
		// Without the cache a render takes several times as long (scripts/bench/certificates.ts).
		expect(parsedFontCacheWorks()).toBe(true)
	})

	test('re-rendering the same row gives the same bytes', async () => {
		const data = certificate()
		const a = await renderCertificatePdf({ certificate: data, baseUrl: BASE_URL })
		const b = await renderCertificatePdf({ certificate: { ...data }, baseUrl: BASE_URL })
		expect(a.equals(b)).toBe(true)
	})

	test('a long list of outcomes still fits on the one page', async () => {
		const outcomes = Array.from(
			{ length: 10 },
			(_, i) => `Outcome ${i + 1}: describe how a restorative approach changes a conversation`,
		)
		const pdf = await renderCertificatePdf({ certificate: certificate({ outcomes }), baseUrl: BASE_URL })
		const info = await pdfInfo(pdf)
		expect(info.Pages).toBe('1')
		const text = squash(await pdfText(pdf))
		expect(text).toContain('Outcome 1:')
		expect(text).toContain('Outcome 10:')
	})

	test('an absurdly long list is cut short with a count, never spilling onto a second page', async () => {
		const outcomes = Array.from(
			{ length: 40 },
			(_, i) => `Outcome ${i + 1} with quite a lot of words in it to wrap over lines`,
		)
		const pdf = await renderCertificatePdf({ certificate: certificate({ outcomes }), baseUrl: BASE_URL })
		expect((await pdfInfo(pdf)).Pages).toBe('1')
		expect(squash(await pdfText(pdf))).toMatch(/…and \d+ more, listed on the verification page/)
	})

	test('a revoked certificate says so on the page', async () => {
		const pdf = await renderCertificatePdf({
			certificate: certificate({ revokedAt: new Date('2026-12-02T12:00:00Z'), revokedReason: 'Issued in error' }),
			baseUrl: BASE_URL,
		})
		const text = squash(await pdfText(pdf))
		expect(text).toContain('Revoked on 2 December 2026: this certificate is no longer valid.')
	})
})
