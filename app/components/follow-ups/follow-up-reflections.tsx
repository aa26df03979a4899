import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Card } from '#app/components/ui/card.tsx'
import { useFormat } from '#app/utils/i18n.ts'

const LINK = 'font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900'

export type FollowUpReflectionItem = { id: string; courseTitle: string; reflection: string; reflectionAt: string }

/**
 * Beside a regulator form: the learner's 30-day follow-up reflections, each pulled into the form as
 * the impact on practice with one link. Nothing is shown when there are none.
 */
export function FollowUpReflections({ items, formSlug }: { items: FollowUpReflectionItem[]; formSlug: string }) {
	const { t } = useTranslation('dashboard')
	const f = useFormat()
	if (items.length === 0) return null
	return (
		<section aria-labelledby="follow-up-reflections-heading" className="mt-8">
			<h2 id="follow-up-reflections-heading" className="text-xl font-bold text-stone-900">
				{t('followUpReflections.heading')}
			</h2>
			<p className="mt-1 text-sm text-stone-600">{t('followUpReflections.intro')}</p>
			<ul className="mt-3 space-y-3">
				{items.map((item) => (
					<Card as="li" key={item.id} className="p-4">
						<p className="text-sm text-stone-600">
							{item.courseTitle} · {f.date(item.reflectionAt)}
						</p>
						<p className="mt-1 text-stone-700">
							{item.reflection.length > 240 ? `${item.reflection.slice(0, 240)}…` : item.reflection}
						</p>
						<Link to={`/records/new/${formSlug}?followUp=${item.id}`} className={`mt-2 inline-block ${LINK}`}>
							{t('followUpReflections.pull')}
							<span className="sr-only">{t('followUpReflections.pullFor', { title: item.courseTitle })}</span>
						</Link>
					</Card>
				))}
			</ul>
		</section>
	)
}
