// When and where a circle is, as its emails say it, in the email's language.
import { useTranslation } from 'react-i18next'
import { useEmailFormat } from './format.ts'

/** Where a circle happens; `meetingUrl` is null for someone who may not see the link (no place). */
export type CirclePlace = { mode: 'ONLINE' | 'IN_PERSON'; venue: string | null; meetingUrl: string | null }

/** "Monday 14 December 2026 at 18:30 (UK time)" and "Online: https://…", "In person: the venue". */
export function useCirclePlace({ startsAt, place }: { startsAt: Date; place: CirclePlace }) {
	const { t } = useTranslation('emails')
	const format = useEmailFormat()
	const startsLabel = t('circle.startsUk', { when: format.weekdayDateAtTime(startsAt) })
	const placeLabel =
		place.mode === 'IN_PERSON'
			? t('circle.inPerson', { venue: place.venue ?? '' })
			: place.meetingUrl
				? t('circle.online', { url: place.meetingUrl })
				: t('circle.onlineHidden')
	return { startsLabel, placeLabel }
}
