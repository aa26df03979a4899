import { formatDateAtTime } from '#modules/i18n/format.ts'
import type { Language } from '#modules/i18n/languages.ts'

/**
 * The browser and system a User-Agent names, or null for each it does not. Deliberately small: the
 * common browsers and systems. Order matters (Edge and Opera also say Chrome; Chrome says Safari).
 * The one reading of a User-Agent: session lists, sign-in emails and passkey names all use it.
 */
export function parseUserAgent(userAgent: string | null | undefined) {
	const ua = userAgent ?? ''
	const browser = /Edg(e|A|iOS)?\//.test(ua)
		? 'Edge'
		: /OPR\/|Opera/.test(ua)
			? 'Opera'
			: /SamsungBrowser\//.test(ua)
				? 'Samsung Internet'
				: /Firefox\/|FxiOS\//.test(ua)
					? 'Firefox'
					: /Chrome\/|CriOS\/|Chromium\//.test(ua)
						? 'Chrome'
						: /Safari\//.test(ua) && /Version\//.test(ua)
							? 'Safari'
							: null
	const system = /iPhone/.test(ua)
		? 'iPhone'
		: /iPad/.test(ua)
			? 'iPad'
			: /Android/.test(ua)
				? 'Android'
				: /Windows/.test(ua)
					? 'Windows'
					: /Mac OS X|Macintosh/.test(ua)
						? 'Mac'
						: /CrOS/.test(ua)
							? 'ChromeOS'
							: /Linux/.test(ua)
								? 'Linux'
								: null
	return { browser, system }
}

/** A browser's User-Agent in plain words, "Chrome on Windows", for people looking at their own sessions. */
export function describeUserAgent(userAgent: string | null | undefined) {
	const { browser, system } = parseUserAgent(userAgent)
	if (browser && system) return `${browser} on ${system}`
	if (browser) return browser
	if (system) return `A browser on ${system}`
	return 'Unknown browser'
}

/**
 * Part of an IP address, enough for a person to recognise a network without the page showing the
 * whole address: the first two parts of IPv4 (`81.2.x.x`), the first three groups of IPv6.
 */
export function partialIpAddress(ipAddress: string | null | undefined) {
	if (!ipAddress) return null
	const ip = ipAddress.replace(/^::ffff:/, '')
	if (ip === '::1' || ip.startsWith('127.')) return 'this computer'
	if (/^\d+\.\d+\.\d+\.\d+$/.test(ip)) return `${ip.split('.').slice(0, 2).join('.')}.x.x`
	if (ip.includes(':')) return `${ip.split(':').slice(0, 3).join(':')}:…`
	return null
}

/** "5 December 2026 at 21:46" in UK time, whatever time zone the server runs in. */
export function formatUkDateTime(value: Date, language?: Language) {
	return formatDateAtTime(value, language)
}
