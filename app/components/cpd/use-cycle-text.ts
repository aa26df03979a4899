// A regulator's cycle in the page's language (ADR 0041): its name, period and guidance, worded from
// the cycle's kind rather than the English labels modules/portfolio/regulator-cycles.ts also keeps.
import { useTranslation } from 'react-i18next'
import { useFormat } from '#app/utils/i18n.ts'
import { cpdHoursNumber } from '#modules/catalog/cpd-hours.ts'
import type { RegistrationBody } from '#modules/db/generated/enums.ts'
import type { CyclePeriod } from '#modules/portfolio/regulator-cycles.ts'

export function useCycleText() {
	const { t } = useTranslation('cpd')
	const f = useFormat()
	const body = (b: RegistrationBody | null) => b ?? 'OTHER'
	return {
		...f,
		t,
		/** "1.5 hours" / "1,5 awr", as formatHours words it in English. */
		hours(minutes: number) {
			const hours = cpdHoursNumber(minutes)
			return t('hours', { count: hours, hours: f.number(hours, { maximumFractionDigits: 2 }) })
		},
		cycleName: (b: RegistrationBody | null) => t(`cycle.name.${body(b)}`),
		cycleGuidance: (b: RegistrationBody | null) => t(`cycle.guidance.${body(b)}`),
		period(period: CyclePeriod) {
			return period.kind === 'yearsTo'
				? t('cycle.period.yearsTo', { date: f.date(period.date) })
				: period.kind === 'registrationYear' || period.kind === 'academicYear'
					? t(`cycle.period.${period.kind}`, { years: period.years })
					: t(`cycle.period.${period.kind}`)
		},
		bodyLabel: (b: RegistrationBody) => t(`bodies.${b}`),
	}
}
