import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useEnglishContentLang, useFormat } from '#app/utils/i18n.ts'
import type { Sector } from '#modules/db/generated/enums.ts'
import { Badge } from './badge.tsx'
import { AwardIcon, LayersIcon } from './icons.tsx'
import { Price } from './price.tsx'

export type CourseCardCourse = {
	slug: string
	title: string
	summary: string
	sectors: Sector[]
	cpdMinutes: number
	pricePence: number
	moduleCount: number
	lessonCount: number
}

/**
 * A course in a list. The title is the one link; a pseudo-element stretches it over the card so the
 * whole card is clickable while screen readers hear a single, well-named link.
 */
export function CourseCard({ course, headingLevel = 3 }: { course: CourseCardCourse; headingLevel?: 2 | 3 }) {
	const Heading = headingLevel === 2 ? 'h2' : 'h3'
	const { t } = useTranslation('catalogue')
	const format = useFormat()
	const hours = course.cpdMinutes / 60
	const contentLang = useEnglishContentLang()
	return (
		<article className="group relative flex h-full flex-col rounded-2xl border border-stone-200 bg-white p-6 shadow-xs transition-shadow focus-within:shadow-md hover:border-brand-300 hover:shadow-md">
			<ul className="flex flex-wrap gap-2" aria-label={t('card.sectors')}>
				{course.sectors.map((sector) => (
					<li key={sector}>
						<Badge tone={sector === 'FOUNDATIONS' ? 'accent' : 'brand'}>{t(`sectors.${sector}`)}</Badge>
					</li>
				))}
			</ul>
			<Heading className="mt-4 text-xl leading-snug font-semibold text-stone-900" lang={contentLang}>
				<Link
					to={`/courses/${course.slug}`}
					className="rounded-sm after:absolute after:inset-0 after:rounded-2xl after:content-[''] group-hover:text-brand-700"
				>
					{course.title}
				</Link>
			</Heading>
			<p className="mt-2 flex-1 leading-relaxed text-stone-600" lang={contentLang}>
				{course.summary}
			</p>
			<div className="mt-5 flex flex-wrap items-center justify-between gap-x-4 gap-y-2 border-t border-stone-100 pt-4 text-sm text-stone-700">
				<ul className="flex flex-wrap gap-x-4 gap-y-1">
					<li className="inline-flex items-center gap-1.5">
						<AwardIcon className="size-4 text-brand-600" />
						{t('card.cpdHours', { count: hours, hours: format.number(hours) })}
					</li>
					<li className="inline-flex items-center gap-1.5">
						<LayersIcon className="size-4 text-brand-600" />
						{t('card.moduleCount', { count: course.moduleCount })},{' '}
						{t('lessonCount', { ns: 'common', count: course.lessonCount })}
					</li>
				</ul>
				<Price pence={course.pricePence} className="text-base" />
			</div>
		</article>
	)
}
