// The cover image rules, free of server code so forms in the browser can show them too.

export const COVER_MAX_BYTES = 5 * 1024 * 1024
/** The smallest cover that still looks sharp as a social-media card (1.91:1 at 600×315). */
export const COVER_MIN = { width: 600, height: 315 }
export const COVER_MAX = { width: 4000, height: 4000 }

/** The public address of a stored cover (`covers/x.png` → `/media/covers/x.png`), or null. */
export function coverImageUrl(coverImagePath: string | null | undefined) {
	if (!coverImagePath?.startsWith('covers/')) return null
	return `/media/${coverImagePath}`
}
