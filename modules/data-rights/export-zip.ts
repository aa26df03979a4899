import type { PassportDocument } from '#modules/passport/build-passport.ts'
import type { Passport } from '#modules/passport/schema.ts'
import { type PersonalData, personalDataJson } from './export-data.ts'

const README = (data: PersonalData) => `Your data from Circle
=====================

Everything Circle held about ${data.profile.name} on ${data.exportedAt.slice(0, 10)}, as you asked
(UK GDPR article 15, and article 20 for the parts you gave us).

circle-data.json         every record about you: your details, sign-ins, organisations, learning,
                         reflections, CPD, purchases, emails we sent you, your newsletter
                         subscription with its consent record, and the audit log of what
                         you did and what was done to your account (format "${data.format}",
                         version ${data.version})
passport/passport.json   your CPD record in Circle's published CPD passport format
passport/certificates/   every course certificate as a PDF
passport/records/        each reflective record on its regulator's form
passport/portfolio/      your CPD portfolio, laid out for your regulator

Why Circle keeps each kind of record and for how long: see "Your data" in your account, or ask
the organisation that runs Circle for its record of processing.
`

/**
 * The "Download your data" ZIP in memory (it is stored, then downloaded once): a README,
 * circle-data.json, and the CPD passport (its JSON and every PDF: certificates, regulator-form
 * records, the portfolio), drawn one at a time. Rejects if any PDF fails, so a half-made export is
 * never stored as finished.
 */
export async function buildDataExportZip({
	data,
	passport,
	documents,
}: {
	data: PersonalData
	passport: Passport
	documents: PassportDocument[]
}): Promise<Buffer> {
	// archiver (and its zip and glob packages) is loaded on first use, not by every HTTP worker at
	// start-up (ADR 0054).
	const { ZipArchive } = await import('archiver')
	const archive = new ZipArchive({ zlib: { level: 6 } })
	const chunks: Buffer[] = []
	const done = new Promise<Buffer>((resolve, reject) => {
		archive.on('data', (chunk: Buffer) => chunks.push(chunk))
		archive.on('end', () => resolve(Buffer.concat(chunks)))
		archive.on('error', reject)
		// A missing file is a warning in archiver; in an export it is a failure.
		archive.on('warning', reject)
	})
	try {
		archive.append(README(data), { name: 'README.txt' })
		archive.append(personalDataJson(data), { name: 'circle-data.json' })
		archive.append(JSON.stringify(passport, null, 2), { name: 'passport/passport.json' })
		for (const document of documents) {
			archive.append(await document.render(), { name: `passport/${document.path}` })
		}
		await archive.finalize()
	} catch (error) {
		archive.abort()
		throw error
	}
	return done
}
