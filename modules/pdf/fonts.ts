import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import type * as Fontkit from 'fontkit'
import type PDFDocument from 'pdfkit'

const require = createRequire(import.meta.url)

type PdfKit = { PDFDocument: typeof PDFDocument; fontkit: typeof Fontkit }
let loading: Promise<PdfKit> | undefined
let kit: PdfKit | undefined

/**
 * PDFKit's document class, with fontkit, imported on the first PDF a process makes rather than when
 * it starts: every web process would otherwise load them (about 40 MB with the fonts' parser) to
 * serve pages that are not PDFs (ADR 0054). Every function that makes a PDF awaits this first.
 */
export async function loadPdfKit(): Promise<typeof PDFDocument> {
	loading ??= Promise.all([import('pdfkit'), import('fontkit')]).then(([pdfkit, fontkit]) => {
		kit = { PDFDocument: pdfkit.default, fontkit }
		return kit
	})
	return (await loading).PDFDocument
}

function loadedKit() {
	if (!kit) throw new Error('PDFKit is not loaded yet: await loadPdfKit() before making a document')
	return kit
}

// The Noto families cover Latin, Latin Extended (Welsh ŵ, Polish ł), Vietnamese and more, so any
// learner's name renders as they typed it. They ship as TTF (pdfkit cannot read WOFF2).
function fontFile(pkg: string, weight: string, file: string) {
	return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), weight, file)
}

const FILES = {
	sans: fontFile('@expo-google-fonts/noto-sans', '400Regular', 'NotoSans_400Regular.ttf'),
	sansItalic: fontFile('@expo-google-fonts/noto-sans', '400Regular_Italic', 'NotoSans_400Regular_Italic.ttf'),
	sansSemiBold: fontFile('@expo-google-fonts/noto-sans', '600SemiBold', 'NotoSans_600SemiBold.ttf'),
	sansBold: fontFile('@expo-google-fonts/noto-sans', '700Bold', 'NotoSans_700Bold.ttf'),
	serif: fontFile('@expo-google-fonts/noto-serif', '400Regular', 'NotoSerif_400Regular.ttf'),
	serifItalic: fontFile('@expo-google-fonts/noto-serif', '400Regular_Italic', 'NotoSerif_400Regular_Italic.ttf'),
	serifBold: fontFile('@expo-google-fonts/noto-serif', '700Bold', 'NotoSerif_700Bold.ttf'),
} as const

export type FontName = keyof typeof FILES
const NAMES = Object.keys(FILES) as FontName[]

type Doc = InstanceType<typeof PDFDocument>

// Read once per process: a render should not touch the disk for 3 MB of fonts every time.
let buffers: Record<FontName, Buffer> | undefined
function fontBuffers() {
	buffers ??= Object.fromEntries(NAMES.map((name) => [name, fs.readFileSync(FILES[name])])) as Record<FontName, Buffer>
	return buffers
}

/*
 * Parsing a 600 KB TrueType font takes fontkit ~35 ms, and PDFKit parses every font afresh for every
 * document: most of a certificate's render time (scripts/bench/certificates.ts). A parsed font can
 * serve any number of documents (each still gets its own subset), so Circle parses each font once.
 * PDFKit only accepts font bytes, so each font is registered under a small token instead: fontkit's
 * own `registerFormat` hook recognises the token and hands back the parsed font. If that ever stops
 * working (a PDFKit that bundles its own fontkit, say), a self-check notices and Circle falls back
 * to passing the bytes, which is slower but identical on the page.
 */
const TOKEN_MAGIC = 'CIRCLE-FONT:'
const parsed = new Map<string, unknown>()

class CachedFontFormat {
	static probe(buffer: Uint8Array) {
		return tokenName(buffer) !== null
	}
	constructor(stream: { buffer: Uint8Array }) {
		const name = tokenName(stream.buffer) as FontName
		let font = parsed.get(name)
		if (!font) {
			font = loadedKit().fontkit.create(fontBuffers()[name])
			parsed.set(name, font)
		}
		// A constructor may return another object: fontkit gets the cached font.
		return font as CachedFontFormat
	}
}

function tokenName(buffer: Uint8Array): FontName | null {
	if (buffer.length > 64) return null
	const text = Buffer.from(buffer).toString('latin1')
	if (!text.startsWith(TOKEN_MAGIC)) return null
	const name = text.slice(TOKEN_MAGIC.length) as FontName
	return NAMES.includes(name) ? name : null
}

const tokens = Object.fromEntries(
	NAMES.map((name) => [name, new Uint8Array(Buffer.from(`${TOKEN_MAGIC}${name}`, 'latin1'))]),
) as Record<FontName, Uint8Array>

let cacheWorks: boolean | undefined
/**
 * Whether fonts are parsed once per process (true) or, as a fallback, once per document. Only after
 * loadPdfKit().
 */
export function parsedFontCacheWorks() {
	if (cacheWorks === undefined) {
		const { fontkit, PDFDocument } = loadedKit()
		try {
			fontkit.registerFormat(CachedFontFormat)
			const probe = new PDFDocument({ autoFirstPage: false })
			probe.registerFont('probe', tokens.sans)
			probe.font('probe')
			cacheWorks = probe.widthOfString('Circle') > 0
		} catch {
			cacheWorks = false
		}
	}
	return cacheWorks
}

/**
 * Registers Circle's PDF fonts on a document under the names of FontName ('sans', 'serifBold', …).
 * PDFKit embeds only the glyphs a document uses, so a certificate stays small.
 */
export function registerPdfFonts(doc: Doc) {
	const useCache = parsedFontCacheWorks()
	for (const name of NAMES) doc.registerFont(name, useCache ? tokens[name] : fontBuffers()[name])
}
