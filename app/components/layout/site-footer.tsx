import { Link } from 'react-router'
import { Container } from '#app/components/ui/container.tsx'
import { Wordmark } from './wordmark.tsx'

const footerLink = 'inline-flex min-h-8 items-center text-brand-100 underline-offset-4 hover:text-white hover:underline'

export function SiteFooter() {
	return (
		<footer className="on-dark mt-auto bg-brand-900 text-brand-100">
			<Container className="grid gap-10 py-12 md:grid-cols-[2fr_1fr_1fr]">
				<div className="max-w-md">
					<Wordmark tone="dark" />
					<p className="mt-4 leading-relaxed">
						Online CPD in relational and restorative practice for people who work with children, patients, families and
						people in custody: learn at your own pace, reflect on your practice and keep the evidence.
					</p>
				</div>
				<nav aria-label="Footer">
					<h2 className="text-sm font-semibold tracking-wide text-white uppercase">Explore</h2>
					<ul className="mt-3 space-y-1">
						<li>
							<Link to="/courses" className={footerLink}>
								Courses
							</Link>
						</li>
						<li>
							<Link to="/contact" className={footerLink}>
								Get in touch
							</Link>
						</li>
						<li>
							<Link to="/verify" className={footerLink}>
								Verify a certificate
							</Link>
						</li>
						<li>
							<Link to="/accessibility" className={footerLink}>
								Accessibility
							</Link>
						</li>
					</ul>
				</nav>
				<div>
					<h2 className="text-sm font-semibold tracking-wide text-white uppercase">For organisations</h2>
					<p className="mt-3 leading-relaxed">
						Seat licences and tailored programmes for schools, trusts, NHS teams, councils and prisons.
					</p>
				</div>
			</Container>
			<div className="border-t border-white/10">
				<Container className="py-5 text-sm text-brand-200">
					<p>© {new Date().getFullYear()} Circle. Built for practitioners across the UK.</p>
				</Container>
			</div>
		</footer>
	)
}
