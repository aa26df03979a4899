/**
 * How expensive is a certificate? Renders certificates from an in-memory row (no database) for a
 * few seconds, then streams a pre-rendered PDF of the same size through a PassThrough for as long,
 * and prints both rates and their ratio: what rendering on every download costs against serving
 * stored bytes.
 *
 *   npx tsx scripts/bench/certificates.ts [seconds per phase, default 5]
 *
 * `npm run bench` calls benchCertificates() for the same two rates.
 */
import { pathToFileURL } from 'node:url'
import { PassThrough, Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { generateCertificateCode } from '#modules/certificates/code.ts'
import { type CertificatePdfData, renderCertificatePdf } from '#modules/certificates/render-certificate-pdf.ts'

const baseUrl = 'https://circle.example.org'

function sampleRow(i: number): CertificatePdfData {
	const names = ['Siân Llewellyn-Nowak', 'Zoë Łukasiewicz-Brontë', 'Nguyễn Thị Minh Khai', 'Dafydd ap Gwilym Ŵyn']
	return {
		code: generateCertificateCode(),
		learnerName: names[i % names.length]!,
		courseTitle: 'Restorative conversations in health and social care',
		versionNumber: 2,
		cpdMinutes: 150,
		outcomes: [
			'Explain the social discipline window and what working with people asks of you',
			'Use restorative questions to help people reflect on harm and how to repair it',
			'Plan and facilitate a short check-in circle with a team or group',
			'Recognise when high challenge needs to be matched with high support',
		],
		completedAt: new Date('2026-11-21T10:00:00Z'),
		issuedAt: new Date('2026-11-21T10:00:02Z'),
	}
}

async function timed(label: string, seconds: number, quiet: boolean, fn: (i: number) => Promise<number>) {
	// Warm up: font parsing, JIT.
	for (let i = 0; i < 3; i++) await fn(i)
	let count = 0
	let bytes = 0
	const cpuBefore = process.cpuUsage()
	const start = process.hrtime.bigint()
	const deadline = start + BigInt(Math.round(seconds * 1e9))
	while (process.hrtime.bigint() < deadline) bytes += await fn(count++)
	const elapsed = Number(process.hrtime.bigint() - start) / 1e9
	const cpu = process.cpuUsage(cpuBefore)
	const rate = count / elapsed
	if (!quiet)
		console.log(
			`${label.padEnd(34)} ${rate.toFixed(1).padStart(10)} /s   ${((elapsed / count) * 1000).toFixed(3).padStart(9)} ms each   ${(bytes / count / 1024).toFixed(1)} KiB`,
		)
	return { rate, cpuMs: (cpu.user + cpu.system) / 1000 / count }
}

/** Certificates rendered per second, and pre-rendered PDFs of the same size streamed per second. */
export async function benchCertificates({ seconds, quiet = false }: { seconds: number; quiet?: boolean }) {
	const render = await timed('render certificate (PDFKit)', seconds, quiet, async (i) => {
		const pdf = await renderCertificatePdf({ certificate: sampleRow(i), baseUrl })
		return pdf.length
	})

	const prerendered = await renderCertificatePdf({ certificate: sampleRow(0), baseUrl })
	const stream = await timed('stream pre-rendered PDF', seconds, quiet, async () => {
		let received = 0
		const sink = new PassThrough()
		sink.on('data', (chunk: Buffer) => (received += chunk.length))
		// 64 KiB chunks, as a file or HTTP body would arrive.
		await pipeline(Readable.from(chunks(prerendered, 64 * 1024)), sink)
		return received
	})

	return {
		render: render.rate,
		stream: stream.rate,
		renderCpuMs: render.cpuMs,
		streamCpuMs: stream.cpuMs,
		bytes: prerendered.length,
	}
}

async function main() {
	const seconds = Number(process.argv[2] ?? 5)
	console.log(`Node ${process.version}, ${seconds} s per phase\n`)
	const { render, stream } = await benchCertificates({ seconds })
	console.log(
		`\nstreaming is ${(stream / render).toFixed(0)}× faster than rendering (${render.toFixed(1)} renders/s per core)`,
	)
}

function* chunks(buffer: Buffer, size: number) {
	for (let i = 0; i < buffer.length; i += size) yield buffer.subarray(i, i + size)
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main()
