// Test data for certificates and the CPD portfolio. Each call makes its own rows (unique slugs and
// emails), so tests never depend on the seed or on each other.
import { execFile } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { issueCertificate } from '#modules/certificates/issue-certificate.ts'
import { prisma, type RegistrationBody, type Role } from '#modules/db/client.ts'

let counter = 0
export function unique(prefix: string) {
	counter += 1
	return `${prefix}-${Date.now().toString(36)}-${counter}-${Math.random().toString(36).slice(2, 8)}`
}

export async function createLearner({
	name = 'Siân Llewellyn-Nowak',
	role = 'LEARNER',
	registrationBody = null,
	profession = null,
}: { name?: string; role?: Role; registrationBody?: RegistrationBody | null; profession?: string | null } = {}) {
	return prisma.user.create({
		data: {
			email: `${unique('cert-learner')}@example.com`,
			name,
			role,
			registrationBody,
			profession,
			emailVerifiedAt: new Date(),
		},
		select: { id: true, email: true, name: true, role: true },
	})
}

export type CompletedEnrolmentOptions = {
	userId?: string
	learnerName?: string
	courseTitle?: string
	versionNumber?: number
	cpdMinutes?: number
	outcomes?: string[]
	/** Null leaves the enrolment incomplete. */
	completedAt?: Date | null
}

/** A course with one published version and an enrolment in it (complete unless told otherwise). */
export async function createCompletedEnrolment(options: CompletedEnrolmentOptions = {}) {
	const user = options.userId
		? await prisma.user.findUniqueOrThrow({
				where: { id: options.userId },
				select: { id: true, email: true, name: true, role: true },
			})
		: await createLearner({ name: options.learnerName })
	const slug = unique('cert-course')
	const course = await prisma.course.create({
		data: { slug, sectors: ['HEALTH_SOCIAL_CARE'] },
		select: { id: true, slug: true },
	})
	const version = await prisma.courseVersion.create({
		data: {
			courseId: course.id,
			number: options.versionNumber ?? 2,
			status: 'PUBLISHED',
			title: options.courseTitle ?? 'Restorative conversations in health and social care',
			summary: 'A course for certificate tests.',
			cpdMinutes: options.cpdMinutes ?? 150,
			outcomes: options.outcomes ?? ['Use restorative questions after harm', 'Facilitate a short check-in circle'],
			publishedAt: new Date(),
		},
		select: { id: true, title: true, number: true },
	})
	const completedAt = options.completedAt === undefined ? new Date('2026-03-14T15:30:00Z') : options.completedAt
	const enrolment = await prisma.enrolment.create({
		data: {
			userId: user.id,
			courseId: course.id,
			versionId: version.id,
			source: 'FREE',
			startedAt: new Date('2026-03-01T09:00:00Z'),
			completedAt,
		},
		select: { id: true },
	})
	return { user, course, version, enrolment }
}

/** Issues the certificate of an enrolment in its own transaction (as completion would). */
export async function issueTestCertificate(enrolmentId: string) {
	return prisma.$transaction((tx) => issueCertificate({ tx, enrolmentId }), { timeout: 30_000, maxWait: 10_000 })
}

/** A completed enrolment with its certificate issued. */
export async function createCertificate(options: CompletedEnrolmentOptions = {}) {
	const made = await createCompletedEnrolment(options)
	const { certificate } = await issueTestCertificate(made.enrolment.id)
	return { ...made, certificate }
}

/** A reflection the learner wrote during a course (a lesson is made for it to hang on). */
export async function createReflection({
	userId,
	courseId,
	prompt = 'What did you notice about how you respond to conflict?',
	text,
}: {
	userId: string
	courseId: string
	prompt?: string
	text: string
}) {
	const version = await prisma.courseVersion.findFirstOrThrow({ where: { courseId }, select: { id: true } })
	const module = await prisma.module.create({
		data: { versionId: version.id, position: 1, title: 'Reflection' },
		select: { id: true },
	})
	const lesson = await prisma.lesson.create({
		data: {
			moduleId: module.id,
			versionId: version.id,
			key: unique('lesson'),
			position: 1,
			kind: 'QUIZ',
			title: 'Reflect',
		},
		select: { id: true },
	})
	return prisma.reflection.create({
		data: { userId, courseId, lessonId: lesson.id, prompt, text },
		select: { id: true, prompt: true, text: true },
	})
}

// ─── Reading PDFs back in tests (poppler-utils' pdftotext/pdftoppm, jsQR) ─────────────────────

const execFileAsync = promisify(execFile)

async function withTempPdf<T>(pdf: Buffer, fn: (file: string, dir: string) => Promise<T>): Promise<T> {
	const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'circle-pdf-'))
	try {
		const file = path.join(dir, 'document.pdf')
		await fs.writeFile(file, pdf)
		return await fn(file, dir)
	} finally {
		await fs.rm(dir, { recursive: true, force: true })
	}
}

/** The text of a PDF as pdftotext reads it (reading order, UTF-8). */
export async function pdfText(pdf: Buffer) {
	return withTempPdf(pdf, async (file) => {
		const { stdout } = await execFileAsync('pdftotext', ['-enc', 'UTF-8', file, '-'])
		return stdout
	})
}

/** pdfinfo's fields (Pages, Encrypted, Title, Page size, …). */
export async function pdfInfo(pdf: Buffer) {
	return withTempPdf(pdf, async (file) => {
		const { stdout } = await execFileAsync('pdfinfo', [file])
		return Object.fromEntries(
			stdout
				.split('\n')
				.filter((line) => line.includes(':'))
				.map((line) => {
					const i = line.indexOf(':')
					return [line.slice(0, i).trim(), line.slice(i + 1).trim()]
				}),
		) as Record<string, string>
	})
}

/** Page `page` of a PDF as a PNG file's bytes, at `dpi`. */
export async function pdfPagePng(pdf: Buffer, { dpi = 50, page = 1 }: { dpi?: number; page?: number } = {}) {
	return withTempPdf(pdf, async (file, dir) => {
		const prefix = path.join(dir, 'page')
		await execFileAsync('pdftoppm', [
			'-png',
			'-r',
			String(dpi),
			'-f',
			String(page),
			'-l',
			String(page),
			'-singlefile',
			file,
			prefix,
		])
		return fs.readFile(`${prefix}.png`)
	})
}

/** Decodes the QR code on page 1 of a PDF (rendered at 150 dpi), or null when there is none. */
export async function decodePdfQrCode(pdf: Buffer) {
	const png = PNG.sync.read(await pdfPagePng(pdf, { dpi: 150 }))
	const result = jsQR(
		new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length),
		png.width,
		png.height,
	)
	return result?.data ?? null
}

/**
 * Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF, a leading BOM) into rows, for
 * reading exports back in tests. csv-parse is not a dependency; this is all the tests need.
 */
export function parseCsv(text: string): string[][] {
	const rows: string[][] = []
	let row: string[] = []
	let field = ''
	let quoted = false
	const input = text.replace(/^\uFEFF/, '')
	for (let i = 0; i < input.length; i++) {
		const char = input[i]!
		if (quoted) {
			if (char === '"' && input[i + 1] === '"') {
				field += '"'
				i++
			} else if (char === '"') quoted = false
			else field += char
		} else if (char === '"') quoted = true
		else if (char === ',') {
			row.push(field)
			field = ''
		} else if (char === '\n' || char === '\r') {
			if (char === '\r' && input[i + 1] === '\n') i++
			row.push(field)
			rows.push(row)
			row = []
			field = ''
		} else field += char
	}
	if (field || row.length) {
		row.push(field)
		rows.push(row)
	}
	return rows
}
