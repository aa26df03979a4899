// CPD hours and time spent in the page's language (ADR 0041): "1.75 CPD hours" / "1,75 awr DPP",
// "1 h 20 min" / "1 awr 20 mun.". The English matches formatCpdHours and formatTimeSpent.
import { useTranslation } from 'react-i18next'
import { useFormat } from '#app/utils/i18n.ts'
import { cpdHoursNumber } from '#modules/catalog/cpd-hours.ts'

export function useCpdFormat() {
	const { t } = useTranslation('dashboard')
	const format = useFormat()
	return {
		...format,
		cpdHours(minutes: number) {
			const hours = cpdHoursNumber(minutes)
			return t('cpdHours', { count: hours, hours: format.number(hours, { maximumFractionDigits: 2 }) })
		},
		timeSpent(seconds: number) {
			if (seconds <= 0) return t('time.zero')
			if (seconds < 60) return t('time.underMinute')
			const minutes = Math.floor(seconds / 60)
			const h = Math.floor(minutes / 60)
			const m = minutes % 60
			if (h === 0) return t('time.minutes', { minutes: m })
			return m === 0 ? t('time.hours', { hours: h }) : t('time.hoursMinutes', { hours: h, minutes: m })
		},
	}
}
