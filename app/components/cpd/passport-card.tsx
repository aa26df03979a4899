import { useTranslation } from 'react-i18next'
import { buttonClasses } from '#app/components/ui/button.tsx'
import { Card } from '#app/components/ui/card.tsx'

/**
 * The CPD passport download on /cpd: one ZIP of the learner's whole record, theirs to keep. A plain
 * link (not React Router's) so the browser downloads the file itself.
 */
export function PassportCard({ className }: { className?: string }) {
	const { t } = useTranslation('cpd')
	return (
		<Card as="section" aria-labelledby="passport-heading" className={`p-6 ${className ?? ''}`}>
			<h2 id="passport-heading" className="text-xl font-bold text-stone-900">
				{t('passport.heading')}
			</h2>
			<p className="mt-1 max-w-prose text-sm text-stone-700">{t('passport.text')}</p>
			<a href="/cpd/passport.zip" download className={buttonClasses({ variant: 'secondary', className: 'mt-4' })}>
				{t('passport.download')}
			</a>
		</Card>
	)
}
