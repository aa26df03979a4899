import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Badge } from '#app/components/ui/badge.tsx'
import { Card } from '#app/components/ui/card.tsx'
import { useFormat } from '#app/utils/i18n.ts'

/** The HCPC card on /cpd/revalidation: where the learner's profile stands, from getHcpcEvidence. */
export type HcpcPanelData = {
	start: string
	end: string
	activities: number
	types: number
	enoughTypes: boolean
	gaps: number
	/** The learner's newest profile, if they have started one. */
	profile: { id: string; title: string; summaryWords: number; statementWords: number; gapsExplained: boolean } | null
}

const LINK = 'font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900'

function Check({ done, children }: { done: boolean; children: ReactNode }) {
	const { t } = useTranslation('records')
	return (
		<li className="flex flex-wrap items-baseline justify-between gap-2">
			<span className="text-stone-900">{children}</span>
			{done ? <Badge tone="success">{t('done')}</Badge> : <Badge tone="accent">{t('toDo')}</Badge>}
		</li>
	)
}

/** Where the learner's HCPC CPD profile stands, with a link to build or continue it. */
export function HcpcPanel({ hcpc }: { hcpc: HcpcPanelData }) {
	const { profile } = hcpc
	const { t } = useTranslation('records')
	const f = useFormat()
	return (
		<Card as="section" aria-labelledby="hcpc-heading" className="mt-8 p-6">
			<h2 id="hcpc-heading" className="text-2xl font-bold text-stone-900">
				{t('hcpcPanel.heading')}
			</h2>
			<p className="mt-1 text-stone-700">
				{t('hcpcPanel.intro', {
					start: f.date(hcpc.start),
					end: f.date(hcpc.end),
					count: hcpc.activities,
					types: t('hcpcPanel.kinds', { count: hcpc.types }),
				})}
			</p>
			<ul className="mt-4 space-y-3">
				<Check done={hcpc.enoughTypes}>{t('hcpcPanel.twoKinds')}</Check>
				<Check done={hcpc.gaps === 0 || Boolean(profile?.gapsExplained)}>
					{hcpc.gaps === 0 ? t('hcpcPanel.noGaps') : t('hcpcPanel.gaps', { count: hcpc.gaps })}
				</Check>
				<Check done={Boolean(profile?.summaryWords)}>
					{profile?.summaryWords
						? t('hcpcPanel.summaryWords', { words: f.number(profile.summaryWords) })
						: t('hcpcPanel.summary')}
				</Check>
				<Check done={Boolean(profile?.statementWords)}>
					{profile?.statementWords
						? t('hcpcPanel.statementWords', { words: f.number(profile.statementWords) })
						: t('hcpcPanel.statement')}
				</Check>
			</ul>
			<p className="mt-4">
				{profile ? (
					<Link to={`/records/${profile.id}`} className={LINK}>
						{t('hcpcPanel.continue')}
						<span className="sr-only">: {profile.title}</span>
					</Link>
				) : (
					<Link to="/records/new/hcpc-profile" className={LINK}>
						{t('hcpcPanel.start')}
					</Link>
				)}
			</p>
		</Card>
	)
}
