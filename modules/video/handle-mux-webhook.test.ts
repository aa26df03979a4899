// Signed Mux events about uploads or assets Circle does not have: acknowledged with a warning (Mux
// would otherwise retry them for a day), never a 500.
import { afterAll, expect, test, vi } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { getEnv } from '#modules/env/env.ts'
import { signedMuxWebhook } from '#tests/fakes/mux-server.ts'
import { handleMuxWebhook } from './handle-mux-webhook.ts'

const SECRET = 'mux-webhook-unknown-test-secret'
const env = { ...getEnv(), MUX_WEBHOOK_SECRET: SECRET }

afterAll(async () => {
	await prisma.$disconnect()
})

test('events naming an unknown upload or asset, or unreadable data, are acknowledged and logged', async () => {
	const deliveries = [
		signedMuxWebhook({
			secret: SECRET,
			type: 'video.upload.asset_created',
			data: { id: 'upload-nobody-made', asset_id: 'asset-1' },
		}),
		signedMuxWebhook({ secret: SECRET, type: 'video.upload.cancelled', data: { id: 'upload-nobody-made' } }),
		signedMuxWebhook({
			secret: SECRET,
			type: 'video.asset.ready',
			data: { id: 'asset-nobody-has', upload_id: 'upload-nobody-made', playback_ids: [{ id: 'p', policy: 'public' }] },
		}),
		signedMuxWebhook({ secret: SECRET, type: 'video.asset.errored', data: { id: 'asset-nobody-has' } }),
		// Data of the wrong shape for its type: before, a ZodError and a 500 on every retry.
		signedMuxWebhook({ secret: SECRET, type: 'video.asset.ready', data: { id: 'asset-x', duration: 'long' } }),
	]
	const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
	try {
		for (const delivery of deliveries) {
			const result = await handleMuxWebhook({ body: delivery.body, headers: delivery.headers, env })
			expect(result).toEqual({ outcome: 'ignored', eventId: delivery.id, type: expect.any(String) })
		}
		const lines = warn.mock.calls.map((args) => args.join(' '))
		expect(lines).toHaveLength(deliveries.length)
		for (const [index, delivery] of deliveries.entries()) {
			expect(lines[index]).toContain(delivery.id)
			expect(lines[index]).not.toContain(SECRET)
			expect(lines[index]).not.toContain(delivery.headers['mux-signature'])
		}
		expect(lines[4]).toContain('has data Circle cannot read')
		// Recorded, so a retry is a quick duplicate.
		const again = await handleMuxWebhook({ body: deliveries[0]!.body, headers: deliveries[0]!.headers, env })
		expect(again.outcome).toBe('duplicate')
		expect(await prisma.muxEvent.count({ where: { id: { in: deliveries.map((d) => d.id) } } })).toBe(deliveries.length)
	} finally {
		warn.mockRestore()
	}
})
