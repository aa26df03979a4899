import { PassThrough, pipeline, type Readable } from 'node:stream'
import { consumeThrottle } from '#modules/security/throttle.ts'
import { buildPassport, type PassportDocument } from './build-passport.ts'
import type { Passport } from './schema.ts'

const README = (passport: Passport) => `Circle CPD passport
===================

This is ${passport.person.name}'s CPD record from Circle, made on ${passport.exportedAt.slice(0, 10)}.
It belongs to them: they can keep it, and give it to an employer, an appraiser or their regulator.

passport.json            the whole record, for another system to read
                         (its JSON Schema: docs/schemas/cpd-passport.schema.json in Circle's code,
                         format "${passport.format}", version ${passport.version})
certificates/            every course certificate; each one can be checked at the address printed on it
programme-certificates/  every programme certificate
records/                 each reflective record on its regulator's form
portfolio/               the CPD portfolio, laid out for their regulator
`

/**
 * Writes the ZIP (archiver's ZipArchive) as a stream: the README and passport.json first, then each
 * PDF, drawn one at a time as the previous one is queued. If anything fails (a PDF that will not
 * draw, a database error) the stream is destroyed with the error, so the response it feeds is cut
 * off and the browser reports a failed download: a half-written ZIP never looks finished, and the
 * request never hangs.
 */
export async function writePassportZip({
	passport,
	documents,
	onError = (error) => console.error(`[passport] the ZIP failed: ${error.message}`),
}: {
	passport: Passport
	documents: PassportDocument[]
	onError?: (error: Error) => void
}): Promise<Readable> {
	// archiver (and its zip and glob packages) is loaded on first use, not by every HTTP worker at
	// start-up (ADR 0054).
	const { ZipArchive } = await import('archiver')
	const archive = new ZipArchive({ zlib: { level: 6 } })
	let failed = false
	const fail = (error: unknown) => {
		if (failed) return
		failed = true
		const reason = error instanceof Error ? error : new Error(String(error))
		onError(reason)
		archive.destroy(reason)
	}
	archive.on('error', fail)
	// A missing file is a warning in archiver; in a passport it is a failure.
	archive.on('warning', fail)

	void (async () => {
		archive.append(README(passport), { name: 'README.txt' })
		archive.append(JSON.stringify(passport, null, 2), { name: 'passport.json' })
		for (const document of documents) {
			if (failed) return
			const content = await document.render()
			if (failed) return
			archive.append(content, { name: document.path })
		}
		await archive.finalize()
	})().catch(fail)
	// Handed on through a core PassThrough: archiver's own stream (readable-stream) goes on emitting
	// after it is destroyed, and a web stream made from it directly throws "Controller is already
	// closed" (uncaught) when the browser cancels the download. pipeline() destroys both ends on an
	// error or a cancel, and reports it once.
	const output = new PassThrough()
	pipeline(archive, output, (error) => {
		if (error) fail(error)
	})
	return output
}

/**
 * The learner's CPD passport: one ZIP with passport.json (see PassportSchema), every certificate PDF
 * and the regulator-format PDFs, read only from `userId`'s own rows. The data is read before the
 * stream starts, so a bad request fails before any byte is sent. Ten an hour per person
 * (passportPerPerson): each one draws every PDF of the record.
 */
export async function createPassportZip({ userId, now }: { userId: string; now: Date }) {
	await consumeThrottle(
		'passportPerPerson',
		userId,
		'You have downloaded your CPD passport ten times in the last hour. Please try again later.',
	)
	const { passport, documents, filename } = await buildPassport({ userId, now })
	return { filename, stream: await writePassportZip({ passport, documents }) }
}
