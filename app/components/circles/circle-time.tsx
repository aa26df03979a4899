import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLanguage } from '#app/utils/i18n.ts'
import { dateTimeFormat, weekdayDateAtTime } from '#modules/i18n/format.ts'
import { type Language } from '#modules/i18n/languages.ts'

/** "Monday 14 December 2026", "18:30" in UK time, in the page's language ("Dydd Llun 14 Rhagfyr 2026"). */
function startParts(instant: Date, language: Language) {
	const format = weekdayDateAtTime(language)
	const p = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, part.value]))
	return { date: `${p.weekday} ${p.day} ${p.month} ${p.year}`, time: `${p.hour}:${p.minute}` }
}

/** A circle's start and length as pages say them ("Monday 14 December 2026 at 18:30", "1 hour 30 minutes"). */
export function useCircleText() {
	const { t } = useTranslation('circles')
	const language = useLanguage()
	return {
		start: (instant: Date) => t('time.at', startParts(instant, language)),
		length(minutes: number) {
			const hours = Math.floor(minutes / 60)
			const rest = minutes % 60
			const parts = []
			if (hours) parts.push(t('time.hours', { count: hours }))
			if (rest || !hours) parts.push(t('time.minutes', { count: rest }))
			return parts.join(' ')
		},
	}
}

/**
 * The same moment in the viewer's own zone ("Mon 14 Dec, 19:30 CET"), once the page is in a browser
 * whose wall clock differs from the UK's; null on the server and in the UK (or Lisbon, Dublin…).
 * The server cannot know the viewer's zone, so it appears after hydration (never a mismatch).
 */
function useViewerTime(instant: Date) {
	const [own, setOwn] = useState<string | null>(null)
	const language = useLanguage()
	useEffect(() => {
		const zone = Intl.DateTimeFormat().resolvedOptions().timeZone
		if (!zone || zone === 'Europe/London') return
		const local = dateTimeFormat(language, {
			weekday: 'short',
			day: 'numeric',
			month: 'short',
			hour: 'numeric',
			minute: '2-digit',
			hourCycle: 'h23',
			timeZoneName: 'short',
		}).format(instant)
		// Only when the wall clock differs: Lisbon and Dublin keep the UK's hours.
		const hereOffset = new Intl.DateTimeFormat('en-GB', {
			hour: 'numeric',
			minute: '2-digit',
			hourCycle: 'h23',
		}).format(instant)
		const ukClock = new Intl.DateTimeFormat('en-GB', {
			hour: 'numeric',
			minute: '2-digit',
			hourCycle: 'h23',
			timeZone: 'Europe/London',
		}).format(instant)
		if (hereOffset !== ukClock) setOwn(local)
	}, [instant.getTime(), language]) // eslint-disable-line react-hooks/exhaustive-deps
	return own
}

/**
 * When a circle starts, in UK time (as scheduled), and, once the page is in a browser whose time
 * zone is not the UK's, the same moment in the viewer's own zone beside it.
 */
export function CircleTime({ startsAt, durationMinutes }: { startsAt: Date | string; durationMinutes: number }) {
	const instant = new Date(startsAt)
	const own = useViewerTime(instant)
	const { t } = useTranslation('circles')
	const text = useCircleText()
	return (
		<span>
			<time dateTime={instant.toISOString()}>{text.start(instant)}</time> {t('time.uk')}, {text.length(durationMinutes)}
			{own ? <span className="text-stone-700"> · {t('time.whereYouAre', { time: own })}</span> : null}
		</span>
	)
}

/** A circle's start alone (for tables): UK time, and the viewer's own time beneath it where it differs. */
export function CircleStart({ startsAt }: { startsAt: Date | string }) {
	const instant = new Date(startsAt)
	const own = useViewerTime(instant)
	const { t } = useTranslation('circles')
	const text = useCircleText()
	return (
		<>
			<time dateTime={instant.toISOString()}>{text.start(instant)}</time> {t('time.uk')}
			{own ? <span className="block text-sm text-stone-700">{t('time.whereYouAre', { time: own })}</span> : null}
		</>
	)
}
