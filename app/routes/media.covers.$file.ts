import { getCoverImage } from '#modules/storage/cover-images.ts'
import type { Route } from './+types/media.covers.$file'

/**
 * Serves a stored course cover. Names are random per upload, so a year's immutable caching is safe;
 * nosniff keeps browsers from second-guessing the type (which was checked from the bytes on upload).
 */
export async function loader({ params }: Route.LoaderArgs) {
	const file = await getCoverImage({ file: params.file })
	if (!file) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
	return new Response(file.body as BodyInit, {
		headers: {
			'Content-Type': file.contentType,
			'Content-Length': String(file.size),
			'X-Content-Type-Options': 'nosniff',
			'Cache-Control': 'public, max-age=31536000, immutable',
			'Content-Security-Policy': "default-src 'none'; sandbox",
		},
	})
}
