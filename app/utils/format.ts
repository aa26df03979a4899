// Formatting shared by server and browser code, so it imports only plain values (no Prisma client).
import { Sector, type LessonKind } from '#modules/db/generated/enums.ts'
import { formatPrice } from '#modules/i18n/format.ts'
import type { Language } from '#modules/i18n/languages.ts'

// Dates, times and prices in the reader's language: one implementation, shared with emails and documents.
export { formatDate, formatDateTime, formatPrice, formatShortDate } from '#modules/i18n/format.ts'

/** A course price as learners read it: "Free" or "£49.00". */
export function formatCoursePrice(pence: number, language?: Language) {
	return pence <= 0 ? (language === 'cy' ? 'Am ddim' : 'Free') : formatPrice(pence, language)
}

// One way to state CPD hours and lesson time everywhere (see modules/catalog/cpd-hours.ts).
export { formatCpdHours, formatDuration } from '#modules/i18n/format.ts'

/** "1 module", "3 lessons". */
export function pluralise(count: number, singular: string, plural = `${singular}s`) {
	return `${count} ${count === 1 ? singular : plural}`
}

/** Sectors in the order Circle presents them: the shared foundations first. */
export const SECTORS = [
	Sector.FOUNDATIONS,
	Sector.SCHOOLS,
	Sector.HEALTH_SOCIAL_CARE,
	Sector.CRIMINAL_JUSTICE,
	Sector.PARENTS_CARERS,
] as const satisfies readonly Sector[]

export const SECTOR_LABELS: Record<Sector, string> = {
	FOUNDATIONS: 'Foundations',
	SCHOOLS: 'Schools',
	HEALTH_SOCIAL_CARE: 'Health and social care',
	CRIMINAL_JUSTICE: 'Criminal justice settings',
	PARENTS_CARERS: 'Parents and carers',
}

export function sectorLabel(sector: Sector) {
	return SECTOR_LABELS[sector]
}

/** The sector as it appears in URLs: `/courses?sector=health-social-care`. */
export function sectorSlug(sector: Sector) {
	return sector.toLowerCase().replaceAll('_', '-')
}

/**
 * Reads a sector from a URL value, accepting the slug (`health-social-care`) and the enum name
 * (`HEALTH_SOCIAL_CARE`) so that links written either way keep working. Unknown values give null.
 */
export function parseSector(value: string | null | undefined): Sector | null {
	if (!value) return null
	const candidate = value.trim().toUpperCase().replaceAll('-', '_')
	return (SECTORS as readonly string[]).includes(candidate) ? (candidate as Sector) : null
}

export const LESSON_KIND_LABELS: Record<LessonKind, string> = {
	VIDEO: 'Video',
	READING: 'Reading',
	QUIZ: 'Quiz',
}

export type TextBlock =
	{ kind: 'paragraph'; text: string } | { kind: 'heading'; text: string } | { kind: 'list'; items: string[] }

/**
 * Splits Markdown into paragraphs, simple headings and bullet lists, with inline markers removed,
 * for rendering as plain React text. It deliberately produces no HTML: course descriptions are
 * written by trainers, and until the sanitised Markdown renderer lands nothing of theirs is trusted
 * as markup.
 */
export function markdownToTextBlocks(markdown: string): TextBlock[] {
	const blocks: TextBlock[] = []
	for (const raw of markdown.replaceAll('\r\n', '\n').split(/\n\s*\n/)) {
		const lines = raw
			.split('\n')
			.map((l) => l.trim())
			.filter(Boolean)
		if (lines.length === 0) continue
		if (lines.every((l) => /^([-*+]|\d+[.)])\s+/.test(l))) {
			blocks.push({ kind: 'list', items: lines.map((l) => stripInline(l.replace(/^([-*+]|\d+[.)])\s+/, ''))) })
			continue
		}
		const first = lines[0]!
		const heading = /^#{1,6}\s+(.*)$/.exec(first)
		if (heading) {
			blocks.push({ kind: 'heading', text: stripInline(heading[1]!) })
			if (lines.length > 1) blocks.push({ kind: 'paragraph', text: stripInline(lines.slice(1).join(' ')) })
			continue
		}
		blocks.push({ kind: 'paragraph', text: stripInline(lines.join(' ')) })
	}
	return blocks
}

function stripInline(text: string) {
	return (
		text
			// [label](url) → label
			.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
			.replace(/(\*\*|__)(.+?)\1/g, '$2')
			.replace(/\*(.+?)\*/g, '$1')
			// _emphasis_ only at word edges, so snake_case words survive
			.replace(/(^|[\s(])_(.+?)_(?=[\s).,;:!?]|$)/g, '$1$2')
			.replace(/`([^`]+)`/g, '$1')
			.replace(/^>\s?/, '')
	)
}
