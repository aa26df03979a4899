import { Link } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { complianceStatus, KNOWN_ISSUES, STATEMENT_REVIEWED_ON } from '#app/utils/accessibility-statement.ts'
import { formatDate } from '#app/utils/format.ts'
import { pageMeta } from '#app/utils/meta.ts'
import type { Route } from './+types/accessibility'

export const meta: Route.MetaFunction = () =>
	pageMeta(
		'Accessibility statement | Circle',
		'How accessible Circle is against WCAG 2.2 AA, what does not work yet and what we are doing about it, and how to ask for another format or report a problem.',
	)

const h2 = 'mt-10 text-2xl font-bold text-brand-900'
const p = 'mt-3 leading-relaxed text-stone-800'
const list = 'mt-3 list-disc space-y-2 pl-6 leading-relaxed text-stone-800'

/** The statement in the shape the Public Sector Bodies Accessibility Regulations 2018 ask for. */
export default function AccessibilityRoute() {
	const status = complianceStatus()
	const reviewed = formatDate(`${STATEMENT_REVIEWED_ON}T12:00:00Z`)
	return (
		<>
			<div className="border-b border-brand-100 bg-brand-50">
				<Container className="py-12 sm:py-14">
					<h1 className="text-4xl font-bold tracking-tight text-brand-900">Accessibility statement for Circle</h1>
					<p className="mt-4 max-w-3xl text-lg leading-relaxed text-stone-700">
						Circle is for everyone who works with people, including people who use a screen reader, magnification, voice
						control or a keyboard alone. This statement says how well it works for them today.
					</p>
				</Container>
			</div>
			<Container className="max-w-3xl py-10">
				<p className={p}>
					This statement covers the Circle website and app: course pages, learning, the CPD portfolio and regulator
					records, certificates, and the pages for organisations, trainers and administrators.
				</p>

				<h2 className={h2}>Using Circle</h2>
				<p className={p}>You should be able to:</p>
				<ul className={list}>
					<li>zoom in up to 400% without text spilling off the screen or needing to scroll sideways to read it</li>
					<li>use every page and form with a keyboard alone, with a visible focus outline</li>
					<li>use Circle with a screen reader: pages have headings, landmarks, labelled form fields and tables</li>
					<li>change colours, fonts and spacing in your browser without losing content</li>
					<li>hear about errors in a form beside the field, with what you typed kept</li>
				</ul>

				<h2 className={h2}>How accessible this website is</h2>
				{status === 'full' ? (
					<p className={p}>We know of no part of Circle that does not meet WCAG 2.2 at level AA.</p>
				) : (
					<>
						<p className={p}>We know some parts do not work as well as they should:</p>
						<ul className={list}>
							{KNOWN_ISSUES.map((issue) => (
								<li key={issue.summary}>{issue.summary}</li>
							))}
						</ul>
					</>
				)}

				<h2 className={h2}>Asking for another format</h2>
				<p className={p}>
					If you need something from Circle in a different format, such as accessible PDF, large print, easy read, an
					audio recording or braille,{' '}
					<Link to="/contact" className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900">
						send us a message
					</Link>{' '}
					and say what you need and which page or document it is. We will reply within 5 working days.
				</p>

				<h2 className={h2}>Reporting accessibility problems</h2>
				<p className={p}>
					We are always looking to improve. If you find a problem that is not listed here, or think we are not meeting
					the requirements, please{' '}
					<Link to="/contact" className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900">
						tell us
					</Link>
					. Say what you were trying to do, on which page, and what you use to browse (for example, a screen reader and
					its version). We will reply within 5 working days.
				</p>

				<h2 className={h2}>Enforcement procedure</h2>
				<p className={p}>
					The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies
					(Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the accessibility regulations). If
					you are not happy with how we respond to your complaint, contact the Equality Advisory and Support Service
					(EASS). In Northern Ireland, contact the Equality Commission for Northern Ireland (ECNI).
				</p>

				<h2 className={h2}>Technical information about this website’s accessibility</h2>
				<p className={p}>
					Circle is committed to making its website accessible, in accordance with the Public Sector Bodies (Websites
					and Mobile Applications) (No. 2) Accessibility Regulations 2018.
				</p>
				<h3 className="mt-6 text-xl font-semibold text-brand-900">Compliance status</h3>
				<p className={p}>
					{status === 'full'
						? 'This website is fully compliant with the Web Content Accessibility Guidelines version 2.2 AA standard.'
						: 'This website is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard, due to the non-compliances listed below.'}
				</p>

				{status === 'partial' ? (
					<>
						<h3 className="mt-6 text-xl font-semibold text-brand-900">Non-accessible content</h3>
						<p className={p}>The content listed below is non-accessible for the following reasons.</p>
						<h4 className="mt-4 text-lg font-semibold text-stone-900">
							Non-compliance with the accessibility regulations
						</h4>
						{KNOWN_ISSUES.map((issue) => (
							<div key={issue.summary} className="mt-4 rounded-xl border border-stone-200 bg-white p-4">
								<p className="leading-relaxed text-stone-900">{issue.summary}</p>
								<p className="mt-2 text-stone-700">
									<span className="font-semibold">Fails WCAG 2.2 success criteria:</span> {issue.criteria.join('; ')}.
								</p>
								<p className="mt-2 text-stone-700">
									<span className="font-semibold">Meanwhile:</span> {issue.workaround}
								</p>
								<p className="mt-2 text-stone-700">
									<span className="font-semibold">What we are doing:</span> {issue.plan}
								</p>
							</div>
						))}
						<h4 className="mt-6 text-lg font-semibold text-stone-900">Disproportionate burden</h4>
						<p className={p}>We are not claiming disproportionate burden for anything.</p>
					</>
				) : null}

				<h2 className={h2}>How we tested this website</h2>
				<p className={p}>
					Every change to Circle runs browser tests that open each page as a visitor, a learner, an organisation
					administrator, a trainer and a platform administrator, and check it with axe against WCAG 2.0, 2.1 and 2.2 at
					levels A and AA. A page that fails is either fixed or listed above: the tests fail if this statement claims
					more than they find. They also check that focus moves to what has changed after each action, that pages work
					at 320 pixels wide, and that every form keeps what was typed when it shows an error. Circle has not yet been
					audited by an independent accessibility specialist; we will publish what that finds.
				</p>

				<h2 className={h2}>Preparation of this accessibility statement</h2>
				<p className={p}>This statement was prepared on 6 December 2026. It was last reviewed on {reviewed}.</p>
			</Container>
		</>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
