import { Link } from 'react-router'
import { Card } from '#app/components/ui/card.tsx'
import { formatDate } from '#app/utils/format.ts'

const LINK = 'font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900'

export type FollowUpReflectionItem = { id: string; courseTitle: string; reflection: string; reflectionAt: string }

/**
 * Beside a regulator form: the learner's 30-day follow-up reflections, each pulled into the form as
 * the impact on practice with one link. Nothing is shown when there are none.
 */
export function FollowUpReflections({ items, formSlug }: { items: FollowUpReflectionItem[]; formSlug: string }) {
	if (items.length === 0) return null
	return (
		<section aria-labelledby="follow-up-reflections-heading" className="mt-8">
			<h2 id="follow-up-reflections-heading" className="text-xl font-bold text-stone-900">
				What changed after a course
			</h2>
			<p className="mt-1 text-sm text-stone-600">Your 30-day follow-up reflections: the impact on your practice.</p>
			<ul className="mt-3 space-y-3">
				{items.map((item) => (
					<Card as="li" key={item.id} className="p-4">
						<p className="text-sm text-stone-600">
							{item.courseTitle} · {formatDate(item.reflectionAt)}
						</p>
						<p className="mt-1 text-stone-700">
							{item.reflection.length > 240 ? `${item.reflection.slice(0, 240)}…` : item.reflection}
						</p>
						<Link to={`/records/new/${formSlug}?followUp=${item.id}`} className={`mt-2 inline-block ${LINK}`}>
							Pull this into the form<span className="sr-only">: what changed after {item.courseTitle}</span>
						</Link>
					</Card>
				))}
			</ul>
		</section>
	)
}
