import { type Env, getEnv } from '#modules/env/env.ts'
import { VideoError } from '#modules/video/errors.ts'

/**
 * The Mux client for direct uploads, or a clear `invalid` error when MUX_TOKEN_ID / MUX_TOKEN_SECRET
 * are unset: trainers can still paste a playback id or a video URL. MUX_API_URL points the real
 * client at a local fake in tests.
 */
export async function requireMuxClient(env: Env = getEnv()) {
	if (!env.MUX_TOKEN_ID || !env.MUX_TOKEN_SECRET) {
		throw new VideoError(
			'invalid',
			'MUX_NOT_CONFIGURED',
			'Video uploads need Mux keys; paste a playback id or URL instead.',
		)
	}
	// Mux's SDK (about 80 modules) is loaded on first use, not by every HTTP worker at start-up (ADR 0054).
	const { default: Mux } = await import('@mux/mux-node')
	return new Mux({
		tokenId: env.MUX_TOKEN_ID,
		tokenSecret: env.MUX_TOKEN_SECRET,
		webhookSecret: env.MUX_WEBHOOK_SECRET ?? null,
		baseURL: env.MUX_API_URL ?? null,
		maxRetries: 1,
		timeout: 20_000,
	})
}

/** True when direct uploads to Mux are possible (the studio shows the upload control only then). */
export function isMuxConfigured(env: Env = getEnv()) {
	return Boolean(env.MUX_TOKEN_ID && env.MUX_TOKEN_SECRET)
}
