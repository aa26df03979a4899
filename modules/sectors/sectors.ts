// The public sector pages (/sectors/:sector): which sectors have one, by the slug in their address.
// No database here: the pages' components read it in the browser too.
import type { Sector } from '#modules/db/generated/enums.ts'

/** The sectors with a page, in the order Circle presents them, by the slug in their address. */
export const SECTOR_PAGES = {
	schools: 'SCHOOLS',
	'health-and-social-care': 'HEALTH_SOCIAL_CARE',
	'criminal-justice': 'CRIMINAL_JUSTICE',
	'parents-and-carers': 'PARENTS_CARERS',
} as const satisfies Record<string, Sector>

export type SectorPageSlug = keyof typeof SECTOR_PAGES

export const SECTOR_PAGE_SLUGS = Object.keys(SECTOR_PAGES) as SectorPageSlug[]

export function isSectorPageSlug(value: string | undefined): value is SectorPageSlug {
	return value !== undefined && Object.hasOwn(SECTOR_PAGES, value)
}

/** The page slug of a sector, or null for Foundations (a course category with no page of its own). */
export function sectorPageSlug(sector: Sector): SectorPageSlug | null {
	return SECTOR_PAGE_SLUGS.find((slug) => SECTOR_PAGES[slug] === sector) ?? null
}
