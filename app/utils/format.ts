// Formatting shared by server and browser code, so it imports only plain values (no Prisma client).
import { Sector, type LessonKind } from '#modules/db/generated/enums.ts'
import { languageTag, type Language } from '#modules/i18n/languages.ts'

// Each formatter is built once per language (building an Intl formatter costs far more than using it).
function perLanguage<F>(build: (tag: string) => F) {
	const cache = new Map<Language, F>()
	return (language: Language = 'en') => {
		let formatter = cache.get(language)
		if (!formatter) cache.set(language, (formatter = build(languageTag(language))))
		return formatter
	}
}

const gbp = perLanguage((tag) => new Intl.NumberFormat(tag, { style: 'currency', currency: 'GBP' }))
const longDate = perLanguage(
	(tag) =>
		new Intl.DateTimeFormat(tag, {
			day: 'numeric',
			month: 'long',
			year: 'numeric',
			// Dates are shown as a UK reader would see them, whatever time zone the server runs in.
			timeZone: 'Europe/London',
		}),
)
const shortDate = perLanguage(
	(tag) => new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Europe/London' }),
)
const dateTime = perLanguage(
	(tag) =>
		new Intl.DateTimeFormat(tag, {
			day: 'numeric',
			month: 'short',
			year: 'numeric',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
			hour12: false,
			timeZone: 'Europe/London',
		}),
)

const toDate = (value: Date | string | number) => (value instanceof Date ? value : new Date(value))

/** "£49.00" from 4900 pence. Zero is "£0.00": use `formatCoursePrice` where free should read "Free". */
export function formatPrice(pence: number, language?: Language) {
	return gbp(language).format(pence / 100)
}

/** A course price as learners read it: "Free" or "£49.00". */
export function formatCoursePrice(pence: number, language?: Language) {
	return pence <= 0 ? (language === 'cy' ? 'Am ddim' : 'Free') : formatPrice(pence, language)
}

/** "21 November 2026" ("21 Tachwedd 2026" in Welsh). Accepts a Date or anything Date understands (loader data arrives as strings). */
export function formatDate(value: Date | string | number, language?: Language) {
	return longDate(language).format(toDate(value))
}

/** "21 Nov 2026": for tables with several date columns. */
export function formatShortDate(value: Date | string | number, language?: Language) {
	return shortDate(language).format(toDate(value))
}

/** "5 Dec 2026, 21:46:03", UK time: for logs, where the time of day matters. */
export function formatDateTime(value: Date | string | number, language?: Language) {
	return dateTime(language).format(toDate(value))
}

// One way to state CPD hours and lesson time everywhere (see modules/catalog/cpd-hours.ts).
export { formatCpdHours, formatDuration } from '#modules/catalog/cpd-hours.ts'

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
