import { z } from 'zod'

/** `?version=3` on the analytics page and CSV; anything else (missing, text, 0) means the default version. */
export const VersionParamSchema = z.coerce.number().int().min(1).max(100_000).nullable().catch(null)

/** The version number asked for in a request's query string, or null for the default. */
export function versionFromUrl(url: string) {
	const value = new URL(url).searchParams.get('version')
	return VersionParamSchema.parse(value === '' ? null : value)
}
