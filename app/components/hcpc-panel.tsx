import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { Badge } from '#app/components/ui/badge.tsx'
import { Card } from '#app/components/ui/card.tsx'
import { formatIsoDate } from '#modules/portfolio/cpd-dates.ts'

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
	return (
		<li className="flex flex-wrap items-baseline justify-between gap-2">
			<span className="text-stone-900">{children}</span>
			{done ? <Badge tone="success">Done</Badge> : <Badge tone="accent">To do</Badge>}
		</li>
	)
}

/** Where the learner's HCPC CPD profile stands, with a link to build or continue it. */
export function HcpcPanel({ hcpc }: { hcpc: HcpcPanelData }) {
	const { profile } = hcpc
	return (
		<Card as="section" aria-labelledby="hcpc-heading" className="mt-8 p-6">
			<h2 id="hcpc-heading" className="text-2xl font-bold text-stone-900">
				HCPC CPD profile
			</h2>
			<p className="mt-1 text-stone-700">
				{formatIsoDate(hcpc.start)} to {formatIsoDate(hcpc.end)}: {hcpc.activities}{' '}
				{hcpc.activities === 1 ? 'activity' : 'activities'} of {hcpc.types} {hcpc.types === 1 ? 'kind' : 'kinds'}. Only
				registrants selected for audit send a profile, but it is easier to keep it up to date as you go.
			</p>
			<ul className="mt-4 space-y-3">
				<Check done={hcpc.enoughTypes}>At least two kinds of activity</Check>
				<Check done={hcpc.gaps === 0 || Boolean(profile?.gapsExplained)}>
					{hcpc.gaps === 0
						? 'No gaps of three months or more'
						: `${hcpc.gaps === 1 ? 'A gap' : `${hcpc.gaps} gaps`} of three months or more, explained`}
				</Check>
				<Check done={Boolean(profile?.summaryWords)}>
					Summary of practice{profile?.summaryWords ? ` (${profile.summaryWords} of 500 words)` : ''}
				</Check>
				<Check done={Boolean(profile?.statementWords)}>
					Statement
					{profile?.statementWords ? ` (${profile.statementWords.toLocaleString('en-GB')} of 1,500 words)` : ''}
				</Check>
			</ul>
			<p className="mt-4">
				{profile ? (
					<Link to={`/records/${profile.id}`} className={LINK}>
						Continue your profile<span className="sr-only">: {profile.title}</span>
					</Link>
				) : (
					<Link to="/records/new/hcpc-profile" className={LINK}>
						Start your profile
					</Link>
				)}
			</p>
		</Card>
	)
}
