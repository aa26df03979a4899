import { useEffect, useState } from 'react'
import { formatCircleLength, formatCircleStart } from '#modules/circles/london-time.ts'

/**
 * When a circle starts, in UK time (as scheduled), and, once the page is in a browser whose time
 * zone is not the UK's, the same moment in the viewer's own zone beside it. The server cannot know
 * the viewer's zone, so the second part appears after hydration (never a mismatch).
 */
export function CircleTime({ startsAt, durationMinutes }: { startsAt: Date | string; durationMinutes: number }) {
	const instant = new Date(startsAt)
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
	return (
		<span>
			<time dateTime={instant.toISOString()}>{formatCircleStart(instant)}</time> (UK time),{' '}
			{formatCircleLength(durationMinutes)}
			{own ? <span className="text-stone-700"> · {own} where you are</span> : null}
		</span>
	)
}
