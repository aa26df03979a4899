import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Container } from '#app/components/ui/container.tsx'
import {
	complianceStatus,
	KNOWN_ISSUES,
	type KnownIssue,
	STATEMENT_REVIEWED_ON,
} from '#app/utils/accessibility-statement.ts'
import { metaT, useFormat } from '#app/utils/i18n.ts'
import { pageMeta } from '#app/utils/meta.ts'
import type { Route } from './+types/accessibility'
import { Trans } from '#app/utils/trans.tsx'

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	return pageMeta(
		t('accessibility.metaTitle', { ns: 'public-pages' }),
		t('accessibility.metaDescription', { ns: 'public-pages' }),
	)
}

const h2 = 'mt-10 text-2xl font-bold text-brand-900'
const p = 'mt-3 leading-relaxed text-stone-800'
const list = 'mt-3 list-disc space-y-2 pl-6 leading-relaxed text-stone-800'
const contactLink = (
	<Link to="/contact" className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900" />
)

type IssueText = { text: string; lang: 'en' | undefined }
const PARTS = ['summary', 'workaround', 'plan'] as const

/** Each known issue's words in the page's language, or its English (marked) when it has no messages. */
function useIssueTexts(): Array<{ issue: KnownIssue } & Record<(typeof PARTS)[number], IssueText>> {
	const { t } = useTranslation('public-pages')
	return KNOWN_ISSUES.map((issue) => {
		const [summary, workaround, plan] = PARTS.map(
			(part): IssueText =>
				issue.messageKey
					? { text: t(`accessibility.issues.${issue.messageKey}.${part}`), lang: undefined }
					: { text: issue[part], lang: 'en' },
		) as [IssueText, IssueText, IssueText]
		return { issue, summary, workaround, plan }
	})
}

/** The statement in the shape the Public Sector Bodies Accessibility Regulations 2018 ask for. */
export default function AccessibilityRoute() {
	const { t } = useTranslation('public-pages')
	const f = useFormat()
	const issues = useIssueTexts()
	const status = complianceStatus()
	const reviewed = f.date(`${STATEMENT_REVIEWED_ON}T12:00:00Z`)
	return (
		<>
			<div className="border-b border-brand-100 bg-brand-50">
				<Container className="py-12 sm:py-14">
					<h1 className="text-4xl font-bold tracking-tight text-brand-900">{t('accessibility.heading')}</h1>
					<p className="mt-4 max-w-3xl text-lg leading-relaxed text-stone-700">{t('accessibility.lead')}</p>
				</Container>
			</div>
			<Container className="max-w-3xl py-10">
				<p className={p}>{t('accessibility.scope')}</p>

				<h2 className={h2}>{t('accessibility.usingHeading')}</h2>
				<p className={p}>{t('accessibility.youShould')}</p>
				<ul className={list}>
					<li>{t('accessibility.zoom')}</li>
					<li>{t('accessibility.keyboard')}</li>
					<li>{t('accessibility.screenReader')}</li>
					<li>{t('accessibility.colours')}</li>
					<li>{t('accessibility.errors')}</li>
					<li>{t('accessibility.welsh')}</li>
				</ul>

				<h2 className={h2}>{t('accessibility.howAccessibleHeading')}</h2>
				{status === 'full' ? (
					<p className={p}>{t('accessibility.noneKnown')}</p>
				) : (
					<>
						<p className={p}>{t('accessibility.someKnown')}</p>
						<ul className={list}>
							{issues.map(({ issue, summary }) => (
								<li key={issue.summary} lang={summary.lang}>
									{summary.text}
								</li>
							))}
						</ul>
					</>
				)}

				<h2 className={h2}>{t('accessibility.formatHeading')}</h2>
				<p className={p}>
					<Trans t={t} i18nKey="accessibility.format" components={{ a: contactLink }} />
				</p>

				<h2 className={h2}>{t('accessibility.reportingHeading')}</h2>
				<p className={p}>
					<Trans t={t} i18nKey="accessibility.reporting" components={{ a: contactLink }} />
				</p>

				<h2 className={h2}>{t('accessibility.enforcementHeading')}</h2>
				<p className={p}>{t('accessibility.enforcement')}</p>

				<h2 className={h2}>{t('accessibility.technicalHeading')}</h2>
				<p className={p}>{t('accessibility.committed')}</p>
				<h3 className="mt-6 text-xl font-semibold text-brand-900">{t('accessibility.complianceHeading')}</h3>
				<p className={p}>{status === 'full' ? t('accessibility.full') : t('accessibility.partial')}</p>

				{status === 'partial' ? (
					<>
						<h3 className="mt-6 text-xl font-semibold text-brand-900">{t('accessibility.nonAccessibleHeading')}</h3>
						<p className={p}>{t('accessibility.nonAccessible')}</p>
						<h4 className="mt-4 text-lg font-semibold text-stone-900">{t('accessibility.nonComplianceHeading')}</h4>
						{issues.map(({ issue, summary, workaround, plan }) => {
							return (
								<div key={issue.summary} className="mt-4 rounded-xl border border-stone-200 bg-white p-4">
									<p lang={summary.lang} className="leading-relaxed text-stone-900">
										{summary.text}
									</p>
									<p className="mt-2 text-stone-700">
										<span className="font-semibold">{t('accessibility.fails')}</span>{' '}
										{/* The success criteria's own names, as W3C publishes them. */}
										<span lang="en">{issue.criteria.join('; ')}</span>.
									</p>
									<p className="mt-2 text-stone-700">
										<span className="font-semibold">{t('accessibility.meanwhile')}</span>{' '}
										<span lang={workaround.lang}>{workaround.text}</span>
									</p>
									<p className="mt-2 text-stone-700">
										<span className="font-semibold">{t('accessibility.doing')}</span>{' '}
										<span lang={plan.lang}>{plan.text}</span>
									</p>
								</div>
							)
						})}
						<h4 className="mt-6 text-lg font-semibold text-stone-900">{t('accessibility.burdenHeading')}</h4>
						<p className={p}>{t('accessibility.burden')}</p>
					</>
				) : null}

				<h2 className={h2}>{t('accessibility.testingHeading')}</h2>
				<p className={p}>{t('accessibility.testing')}</p>

				<h2 className={h2}>{t('accessibility.preparationHeading')}</h2>
				<p className={p}>
					{t('accessibility.preparation', { prepared: f.date('2026-12-06T12:00:00Z'), reviewed })}
				</p>
			</Container>
		</>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
