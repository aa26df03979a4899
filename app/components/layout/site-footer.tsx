import { useTranslation } from 'react-i18next'
import { Link, useMatches } from 'react-router'
import { LazyNewsletterSignupForm } from '#app/components/newsletter/lazy-signup-form.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { Wordmark } from './wordmark.tsx'

const footerLink = 'inline-flex min-h-8 items-center text-brand-100 underline-offset-4 hover:text-white hover:underline'

/** A route whose handle says `{ footerSignup: false }` shows its own sign-up form, so the footer's would repeat it. */
export type FooterHandle = { footerSignup?: boolean }

export function SiteFooter() {
	const { t } = useTranslation()
	const showSignup = !useMatches().some((match) => (match.handle as FooterHandle | undefined)?.footerSignup === false)
	return (
		<footer className="on-dark mt-auto bg-brand-900 text-brand-100">
			{showSignup ? (
				<Container className="pt-12">
					<LazyNewsletterSignupForm source="footer" className="max-w-3xl" />
				</Container>
			) : null}
			<Container className="grid gap-10 py-12 md:grid-cols-[2fr_1fr_1fr]">
				<div className="max-w-md">
					<Wordmark tone="dark" />
					<p className="mt-4 leading-relaxed">{t('footer.about')}</p>
				</div>
				<nav aria-label={t('footer.label')}>
					<h2 className="text-sm font-semibold tracking-wide text-white uppercase">{t('footer.explore')}</h2>
					<ul className="mt-3 space-y-1">
						<li>
							<Link to="/courses" className={footerLink}>
								{t('nav.courses')}
							</Link>
						</li>
						<li>
							<Link to="/contact" className={footerLink}>
								{t('footer.getInTouch')}
							</Link>
						</li>
						<li>
							<Link to="/verify" className={footerLink}>
								{t('footer.verifyCertificate')}
							</Link>
						</li>
						<li>
							<Link to="/accessibility" className={footerLink}>
								{t('footer.accessibility')}
							</Link>
						</li>
					</ul>
				</nav>
				<div>
					<h2 className="text-sm font-semibold tracking-wide text-white uppercase">
						{t('footer.organisationsHeading')}
					</h2>
					<p className="mt-3 leading-relaxed">{t('footer.organisationsText')}</p>
				</div>
			</Container>
			<div className="border-t border-white/10">
				<Container className="py-5 text-sm text-brand-200">
					<p>{t('footer.copyright', { year: new Date().getFullYear() })}</p>
				</Container>
			</div>
		</footer>
	)
}
