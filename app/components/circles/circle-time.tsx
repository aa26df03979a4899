import { useEffect, useState } from 'react'
import { formatCircleLength, formatCircleStart } from '#modules/circles/london-time.ts'

/**
 * The same moment in the viewer's own zone ("Mon 14 Dec, 19:30 CET"), once the page is in a browser
 * whose wall clock differs from the UK's; null on the server and in the UK (or Lisbon, Dublin…).
 * The server cannot know the viewer's zone, so it appears after hydration (never a mismatch).
 */
function useViewerTime(instant: Date) {
	const [own, setOwn] = useState<string | null>(null)
	useEffect(() => {
		const zone = Intl.DateTimeFormat().resolvedOptions().timeZone
		if (!zone || zone === 'Europe/London') return
		const local = new Intl.DateTimeFormat('en-GB', {
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
	}, [instant.getTime()]) // eslint-disable-line react-hooks/exhaustive-deps
	return own
}

/**
 * When a circle starts, in UK time (as scheduled), and, once the page is in a browser whose time
 * zone is not the UK's, the same moment in the viewer's own zone beside it.
 */
export function CircleTime({ startsAt, durationMinutes }: { startsAt: Date | string; durationMinutes: number }) {
	const instant = new Date(startsAt)
	const own = useViewerTime(instant)
	return (
		<span>
			<time dateTime={instant.toISOString()}>{formatCircleStart(instant)}</time> (UK time),{' '}
			{formatCircleLength(durationMinutes)}
			{own ? <span className="text-stone-700"> · {own} where you are</span> : null}
		</span>
	)
}

/** A circle's start alone (for tables): UK time, and the viewer's own time beneath it where it differs. */
export function CircleStart({ startsAt }: { startsAt: Date | string }) {
	const instant = new Date(startsAt)
	const own = useViewerTime(instant)
	return (
		<>
			<time dateTime={instant.toISOString()}>{formatCircleStart(instant)}</time> (UK time)
			{own ? <span className="block text-sm text-stone-700">{own} where you are</span> : null}
		</>
	)
}
