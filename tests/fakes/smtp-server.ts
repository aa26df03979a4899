import net from 'node:net'

/** One message as the server received it: envelope plus the raw RFC 5322 source (headers and body). */
export type CapturedEmail = { from: string; to: string[]; raw: string }

/**
 * - accept: behaves like a well-mannered mail server and keeps every message
 * - reject: answers 550 to every recipient (mailbox unavailable)
 * - hang-up: closes each connection as soon as it is opened
 */
export type FakeSmtpBehaviour = 'accept' | 'reject' | 'hang-up'

export type FakeSmtpServer = {
	port: number
	/** smtp://127.0.0.1:<port>, ready for SMTP_URL. */
	url: string
	messages: CapturedEmail[]
	close(): Promise<void>
}

/**
 * A real SMTP server on 127.0.0.1 (random port), speaking just enough of RFC 5321 for nodemailer:
 * EHLO/HELO, MAIL FROM, RCPT TO, DATA, RSET, NOOP and QUIT, without TLS or authentication. It stands
 * in for the mail provider at the network boundary, so the code under test runs exactly as in
 * production.
 */
export async function startFakeSmtpServer({
	behaviour = 'accept',
}: { behaviour?: FakeSmtpBehaviour } = {}): Promise<FakeSmtpServer> {
	const messages: CapturedEmail[] = []
	const sockets = new Set<net.Socket>()

	const server = net.createServer((socket) => {
		sockets.add(socket)
		socket.on('close', () => sockets.delete(socket))
		socket.on('error', () => {})
		if (behaviour === 'hang-up') {
			socket.destroy()
			return
		}
		socket.setEncoding('utf8')
		const reply = (line: string) => socket.write(`${line}\r\n`)

		let buffer = ''
		let inData = false
		let dataLines: string[] = []
		let from = ''
		let to: string[] = []

		const handleCommand = (line: string) => {
			const verb = line.slice(0, 4).toUpperCase()
			if (verb === 'EHLO') {
				reply('250-fake-smtp.localhost greets you')
				reply('250-8BITMIME')
				reply('250 OK')
			} else if (verb === 'HELO') {
				reply('250 fake-smtp.localhost')
			} else if (verb === 'MAIL') {
				from = /<([^>]*)>/.exec(line)?.[1] ?? ''
				to = []
				reply('250 2.1.0 OK')
			} else if (verb === 'RCPT') {
				if (behaviour === 'reject') {
					reply('550 5.1.1 Mailbox unavailable')
					return
				}
				to.push(/<([^>]*)>/.exec(line)?.[1] ?? '')
				reply('250 2.1.5 OK')
			} else if (verb === 'DATA') {
				if (to.length === 0) {
					reply('503 5.5.1 No valid recipients')
					return
				}
				inData = true
				dataLines = []
				reply('354 End data with <CR><LF>.<CR><LF>')
			} else if (verb === 'RSET') {
				from = ''
				to = []
				reply('250 2.0.0 OK')
			} else if (verb === 'NOOP') {
				reply('250 2.0.0 OK')
			} else if (verb === 'QUIT') {
				reply('221 2.0.0 Bye')
				socket.end()
			} else {
				reply('502 5.5.2 Command not implemented')
			}
		}

		socket.on('data', (chunk: string) => {
			buffer += chunk
			let end: number
			while ((end = buffer.indexOf('\r\n')) !== -1) {
				const line = buffer.slice(0, end)
				buffer = buffer.slice(end + 2)
				if (!inData) {
					handleCommand(line)
				} else if (line === '.') {
					inData = false
					messages.push({ from, to, raw: dataLines.join('\r\n') })
					reply('250 2.0.0 Queued')
				} else {
					// Undo dot-stuffing: a data line that starts with "." was sent with one more.
					dataLines.push(line.startsWith('..') ? line.slice(1) : line)
				}
			}
		})

		reply('220 fake-smtp.localhost ESMTP ready')
	})

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject)
		server.listen(0, '127.0.0.1', () => resolve())
	})
	const { port } = server.address() as net.AddressInfo

	return {
		port,
		url: `smtp://127.0.0.1:${port}`,
		messages,
		close: () =>
			new Promise<void>((resolve) => {
				for (const socket of sockets) socket.destroy()
				server.close(() => resolve())
			}),
	}
}

/**
 * The readable form of a raw message: undoes quoted-printable (soft line breaks and =XX bytes), which
 * nodemailer uses for text and HTML parts with long lines or non-ASCII characters, so that tests can
 * look for a link or a phrase in it.
 */
export function decodeQuotedPrintable(raw: string): string {
	const unwrapped = raw.replace(/=\r?\n/g, '')
	const bytes: number[] = []
	for (let i = 0; i < unwrapped.length; i++) {
		const hex = unwrapped.slice(i + 1, i + 3)
		if (unwrapped[i] === '=' && /^[0-9A-F]{2}$/.test(hex)) {
			bytes.push(parseInt(hex, 16))
			i += 2
		} else {
			bytes.push(...Buffer.from(unwrapped[i]!, 'utf8'))
		}
	}
	return Buffer.from(bytes).toString('utf8')
}
