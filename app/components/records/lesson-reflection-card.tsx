import { Link } from 'react-router'
import { Card } from '#app/components/ui/card.tsx'
import { useFormat } from '#app/utils/i18n.ts'

const LINK = 'font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900'

/**
 * One of the learner's lesson reflections beside a regulator form, with the link that pulls it in
 * (a new record's "Pull this into the form", an HCPC profile's "Add this to my statement").
 */
export function LessonReflectionCard({
	reflection,
	to,
	action,
}: {
	reflection: { courseTitle: string; updatedAt: string | Date; prompt: string; text: string }
	to: string
	action: string
}) {
	const format = useFormat()
	return (
		<Card as="li" className="p-4">
			<p className="text-sm text-stone-600">
				{reflection.courseTitle} · {format.date(reflection.updatedAt)}
			</p>
			<p className="mt-1 font-medium text-stone-900">{reflection.prompt}</p>
			<p className="mt-1 text-stone-700">{reflection.text}</p>
			<Link to={to} className={`mt-2 inline-block ${LINK}`}>
				{action}
				<span className="sr-only">: {reflection.prompt}</span>
			</Link>
		</Card>
	)
}
