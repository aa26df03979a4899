// A fake of the parts of the Mux Video API that Circle uses, on a real local HTTP port, so the real
// @mux/mux-node client runs end to end in tests (point it here with MUX_API_URL). Also builds
// webhook deliveries signed exactly as Mux signs them, so the SDK's real verification runs.
import crypto from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export type FakeMuxUpload = {
	id: string
	url: string
	status: 'waiting' | 'asset_created' | 'errored' | 'cancelled' | 'timed_out'
	cors_origin: string
	new_asset_settings?: unknown
	asset_id?: string
	timeout: number
}

export type FakeMuxRequest = { method: string; path: string; authorization: string | null; body: unknown }

export type FakeMuxServer = {
	url: string
	uploads: Map<string, FakeMuxUpload>
	requests: FakeMuxRequest[]
	/** Bytes received by PUT /upload/:id (the browser's direct upload), per upload id. */
	received: Map<string, number>
	/** Make the next API call fail with this HTTP status. */
	failNext(status: number): void
	close(): Promise<void>
}

/** Starts the fake on a free port. Credentials must be sent (Basic auth), as Mux requires. */
export async function startFakeMux(): Promise<FakeMuxServer> {
	const uploads = new Map<string, FakeMuxUpload>()
	const requests: FakeMuxRequest[] = []
	const received = new Map<string, number>()
	let failStatus: number | null = null
	let base = ''

	const server = http.createServer(async (req, res) => {
		const chunks: Buffer[] = []
		for await (const chunk of req) chunks.push(chunk as Buffer)
		const raw = Buffer.concat(chunks)
		const path = new URL(req.url ?? '/', 'http://fake').pathname
		const send = (status: number, body: unknown) => {
			res.writeHead(status, { 'Content-Type': 'application/json' })
			res.end(JSON.stringify(body))
		}

		const uploadPut = path.match(/^\/upload\/([\w-]+)$/)
		if (req.method === 'PUT' && uploadPut) {
			received.set(uploadPut[1]!, raw.length)
			res.writeHead(200, { 'Access-Control-Allow-Origin': '*' })
			return res.end()
		}

		let body: unknown = null
		if (raw.length) {
			try {
				body = JSON.parse(raw.toString('utf8'))
			} catch {
				return send(400, { error: { type: 'invalid_parameters', messages: ['Body is not JSON'] } })
			}
		}
		const authorization = req.headers.authorization ?? null
		requests.push({ method: req.method ?? 'GET', path, authorization, body })
		if (!authorization?.startsWith('Basic ')) {
			return send(401, { error: { type: 'unauthorized', messages: ['Unauthorized request'] } })
		}
		if (failStatus) {
			const status = failStatus
			failStatus = null
			return send(status, { error: { type: 'server_error', messages: ['Injected failure'] } })
		}

		if (req.method === 'POST' && path === '/video/v1/uploads') {
			const input = (body ?? {}) as { cors_origin?: string; new_asset_settings?: unknown; timeout?: number }
			if (!input.cors_origin)
				return send(400, { error: { type: 'invalid_parameters', messages: ['cors_origin is required'] } })
			const id = `upl_${crypto.randomBytes(8).toString('hex')}`
			const upload: FakeMuxUpload = {
				id,
				url: `${base}/upload/${id}`,
				status: 'waiting',
				cors_origin: input.cors_origin,
				new_asset_settings: input.new_asset_settings,
				timeout: input.timeout ?? 3600,
			}
			uploads.set(id, upload)
			return send(201, { data: upload })
		}
		const get = path.match(/^\/video\/v1\/uploads\/([\w-]+)$/)
		if (req.method === 'GET' && get) {
			const upload = uploads.get(get[1]!)
			if (!upload) return send(404, { error: { type: 'not_found', messages: ['Upload not found'] } })
			return send(200, { data: upload })
		}
		send(404, { error: { type: 'not_found', messages: [`No fake for ${req.method} ${path}`] } })
	})
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
	return {
		url: base,
		uploads,
		requests,
		received,
		failNext: (status) => void (failStatus = status),
		close: () =>
			new Promise<void>((resolve, reject) => {
				server.close((e) => (e ? reject(e) : resolve()))
				// The SDK keeps connections alive; end them so the test process can exit.
				server.closeAllConnections()
			}),
	}
}

/**
 * A webhook delivery as Mux sends it: the JSON body and a `mux-signature: t=<ts>,v1=<hex HMAC-SHA256
 * of "<ts>.<body>">` header. Pass a different `secret` to forge a bad one.
 */
export function signedMuxWebhook({
	secret,
	type,
	data,
	id = crypto.randomUUID(),
	timestamp = Math.floor(Date.now() / 1000),
}: {
	secret: string
	type: string
	data: Record<string, unknown>
	id?: string
	timestamp?: number
}) {
	const body = JSON.stringify({
		type,
		id,
		created_at: new Date(timestamp * 1000).toISOString(),
		object: { type: type.split('.')[1], id: data.id },
		environment: { name: 'Test', id: 'env_test' },
		data,
	})
	const signature = crypto.createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')
	return {
		id,
		body,
		headers: { 'Content-Type': 'application/json', 'mux-signature': `t=${timestamp},v1=${signature}` },
	}
}
