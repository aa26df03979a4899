import { buttonClasses } from '#app/components/ui/button.tsx'
import { Card } from '#app/components/ui/card.tsx'

/**
 * The CPD passport download on /cpd: one ZIP of the learner's whole record, theirs to keep. A plain
 * link (not React Router's) so the browser downloads the file itself.
 */
export function PassportCard({ className }: { className?: string }) {
	return (
		<Card as="section" aria-labelledby="passport-heading" className={`p-6 ${className ?? ''}`}>
			<h2 id="passport-heading" className="text-xl font-bold text-stone-900">
				Your CPD passport
			</h2>
			<p className="mt-1 max-w-prose text-sm text-stone-700">
				Everything in one ZIP file: every certificate, each reflective record on its regulator’s form, this portfolio as
				a PDF, and a file a new employer’s system can read. Your record is yours: it stays with you if you leave an
				organisation, and you can take it anywhere.
			</p>
			<a href="/cpd/passport.zip" download className={buttonClasses({ variant: 'secondary', className: 'mt-4' })}>
				Download your CPD passport (ZIP)
			</a>
		</Card>
	)
}
