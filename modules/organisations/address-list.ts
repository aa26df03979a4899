// Addresses as people paste them: from a spreadsheet column (one per line), or from Outlook's To
// box, which writes `Carys Hughes <carys.hughes@example.org>; "Hughes, Carys" <…>`. Plain values
// and no dependencies, so the invite form's schema can use it in the browser too.

export type ParsedAddress = { email: string; name: string | null }

/**
 * Splits a list on newlines, commas and semicolons, except inside "quotes" or <angle brackets>
 * (Outlook quotes a display name that has a comma in it). An unquoted `Hughes, Carys <…>` is put
 * back together: a piece with no @ in it followed by one with <…> is the start of its name.
 */
export function splitAddressList(text: string): string[] {
	const pieces: string[] = []
	let current = ''
	let quoted = false
	let angled = false
	for (const char of text) {
		if (char === '"' && !angled) quoted = !quoted
		else if (char === '<' && !quoted) angled = true
		else if (char === '>' && !quoted) angled = false
		if (!quoted && !angled && (char === ',' || char === ';' || char === '\n' || char === '\r')) {
			pieces.push(current)
			current = ''
		} else current += char
	}
	pieces.push(current)
	const trimmed = pieces.map((p) => p.trim()).filter(Boolean)
	const merged: string[] = []
	for (let i = 0; i < trimmed.length; i++) {
		const piece = trimmed[i]!
		const next = trimmed[i + 1]
		if (!piece.includes('@') && next !== undefined && /^[^<@]*<[^>]*>$/.test(next)) {
			merged.push(`${piece}, ${next}`)
			i += 1
		} else merged.push(piece)
	}
	return merged
}

/**
 * Reads one address as an email client writes it: `name@example.org`, `<name@example.org>`,
 * `Carys Hughes <carys.hughes@example.org>`, `"Hughes, Carys" <carys.hughes@example.org>`, or
 * `mailto:name@example.org`. What it cannot read comes back as typed, for the caller to reject.
 */
export function parseAddress(text: string): ParsedAddress {
	const value = text.trim()
	const angled = /^(.*?)<\s*([^<>]*?)\s*>\s*$/s.exec(value)
	if (angled) {
		const rawName = angled[1]!.trim()
		const name = rawName
			.replace(/^"(.*)"$/s, '$1')
			.replace(/^'(.*)'$/s, '$1')
			.replace(/\s+/g, ' ')
			.trim()
		return { email: stripMailto(angled[2]!), name: name && !name.includes('@') ? name : null }
	}
	return { email: stripMailto(value.replace(/^"(.*)"$/s, '$1').replace(/^'(.*)'$/s, '$1')), name: null }
}

function stripMailto(address: string) {
	return address.trim().replace(/^mailto:/i, '')
}
