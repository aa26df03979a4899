// The CPD passport: the demo learner's ZIP holds every PDF it names and a passport.json that the
// published JSON Schema (docs/schemas) accepts; the schema files are never stale; a failure while
// the ZIP streams ends the stream instead of leaving the download hanging.
import fs from 'node:fs/promises'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import JSZip from 'jszip'
import { afterAll, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { releaseTestResources } from '#tests/factories/auth.ts'
import { createCertificate, createLearner, pdfInfo, pdfPagePng } from '#tests/factories/certificates.ts'
import { logIn } from '#modules/auth/log-in.ts'
import { DEMO_LEAVER } from '#prisma/seed-passport.ts'
import { DEMO_PASSWORD, seedDemo } from '#prisma/seed.ts'
import { buildPassport } from './build-passport.ts'
import { createPassportZip, writePassportZip } from './passport-zip.ts'
import { PUBLISHED_SCHEMAS } from './published-schemas.ts'
import { PASSPORT_SCHEMA_PATH } from './schema.ts'

afterAll(async () => {
	await releaseTestResources()
	await prisma.$disconnect()
})

function collect(stream: Readable) {
	return new Promise<Buffer>((resolve, reject) => {
		const chunks: Buffer[] = []
		stream.on('data', (chunk: Buffer) => chunks.push(chunk))
		stream.on('end', () => resolve(Buffer.concat(chunks)))
		stream.on('error', reject)
		stream.on('close', () => {
			if (!stream.readableEnded) reject(new Error('closed before the end'))
		})
	})
}

async function validator() {
	const ajv = new Ajv2020({ allErrors: true, strict: true })
	addFormats.default(ajv)
	const schema = JSON.parse(await fs.readFile(PASSPORT_SCHEMA_PATH, 'utf8')) as object
	return ajv.compile(schema)
}

describe('published JSON Schemas', () => {
	test.each(PUBLISHED_SCHEMAS.map((s) => [s.path, s]))(
		'%s is what its zod schema generates (run npm run schemas:write if this fails)',
		async (file, { schema }) => {
			const published = JSON.parse(await fs.readFile(file, 'utf8')) as unknown
			expect(published).toEqual(JSON.parse(JSON.stringify(schema())))
		},
	)
})

describe('the CPD passport', () => {
	test('the demo learner’s ZIP validates against the published schema and holds every PDF it names', async () => {
		await seedDemo({ log: () => {} })
		const learner = await prisma.user.findUniqueOrThrow({
			where: { email: 'learner@circle.example' },
			select: { id: true },
		})
		const { filename, stream } = await createPassportZip({ userId: learner.id, now: new Date() })
		expect(filename).toMatch(/^circle-cpd-passport-\d{4}-\d{2}-\d{2}\.zip$/)
		const zip = await JSZip.loadAsync(await collect(stream))

		const passport = JSON.parse(await zip.file('passport.json')!.async('string')) as {
			person: { email: string }
			certificates: Array<{ file: string; verifyUrl: string }>
			programmeCertificates: Array<{ file: string }>
			reflectiveRecords: Array<{ file: string; kind: string; confirmation: unknown }>
			cpdEntries: unknown[]
			circleAttendance: unknown[]
			portfolioPdf: string
		}
		const validate = await validator()
		expect(validate(passport), JSON.stringify(validate.errors, null, 2)).toBe(true)
		expect(passport.person.email).toBe('learner@circle.example')
		// The demo learner is half-way through revalidation: records, entries and certificates to carry.
		expect(passport.reflectiveRecords.length).toBeGreaterThanOrEqual(5)
		expect(passport.cpdEntries.length).toBeGreaterThanOrEqual(3)
		expect(passport.certificates.length).toBeGreaterThanOrEqual(1)
		expect(passport.reflectiveRecords.some((r) => r.kind === 'NMC_DISCUSSION' && r.confirmation)).toBe(true)

		const named = [
			...passport.certificates.map((c) => c.file),
			...passport.programmeCertificates.map((c) => c.file),
			...passport.reflectiveRecords.map((r) => r.file),
			passport.portfolioPdf,
		]
		const pdfs = Object.keys(zip.files).filter((name) => name.endsWith('.pdf'))
		expect(pdfs.sort()).toEqual([...named].sort())
		expect(Object.keys(zip.files)).toContain('README.txt')

		// Every PDF opens and draws; PASSPORT_PNG_DIR keeps a PNG of each first page to look at.
		const pngDir = process.env.PASSPORT_PNG_DIR
		for (const name of pdfs) {
			const pdf = await zip.file(name)!.async('nodebuffer')
			expect(pdf.subarray(0, 5).toString('latin1'), name).toBe('%PDF-')
			expect(Number((await pdfInfo(pdf)).Pages), name).toBeGreaterThanOrEqual(1)
			const png = await pdfPagePng(pdf, { dpi: 40 })
			expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
			if (pngDir) await fs.writeFile(path.join(pngDir, `${name.replaceAll('/', '__')}.png`), png)
		}

		// The demo organisation's SCIM leaver still reaches their own record with their personal address.
		const leaver = await logIn({ email: DEMO_LEAVER.personalEmail, password: DEMO_PASSWORD, ipAddress: '2001:db8::33' })
		const kept = await buildPassport({ userId: leaver.userId, now: new Date() })
		expect(kept.passport.person.email).toBe(DEMO_LEAVER.workEmail)
		expect(kept.passport.cpdEntries.length).toBeGreaterThanOrEqual(2)
	}, 240_000)

	test('holds only the learner’s own certificates, and a verify address for each', async () => {
		const { user, certificate } = await createCertificate()
		await createCertificate() // someone else's
		const { passport, documents } = await buildPassport({
			userId: user.id,
			now: new Date('2026-12-01T12:00:00Z'),
			baseUrl: 'https://circle.example',
		})
		expect(passport.certificates.map((c) => c.code)).toEqual([certificate.code])
		expect(passport.certificates[0]!.verifyUrl).toBe(`https://circle.example/verify/${certificate.code}`)
		expect(passport.cpdEntries.map((e) => e.certificateCode)).toEqual([certificate.code])
		expect(documents.map((d) => d.path)).toEqual([
			`certificates/${certificate.code}.pdf`,
			'portfolio/circle-cpd-portfolio-2026-12-01.pdf',
		])
	})

	test('a PDF that fails to draw ends the stream with the error instead of hanging', async () => {
		const learner = await createLearner()
		const { passport } = await buildPassport({ userId: learner.id, now: new Date() })
		const errors: string[] = []
		const stream = await writePassportZip({
			passport,
			documents: [
				{ path: 'certificates/A.pdf', render: async () => Buffer.from('%PDF-1.7 fine') },
				{
					path: 'certificates/B.pdf',
					render: async () => {
						throw new Error('the font would not load')
					},
				},
				{ path: 'certificates/C.pdf', render: async () => Buffer.from('%PDF-1.7 never reached') },
			],
			onError: (error) => errors.push(error.message),
		})
		const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('the stream hung')), 10_000))
		await expect(Promise.race([collect(stream), timeout])).rejects.toThrow('the font would not load')
		expect(errors).toEqual(['the font would not load'])
	})
})

