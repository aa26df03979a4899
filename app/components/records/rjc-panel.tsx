import { getFormProps, getSelectProps, useForm } from '@conform-to/react'
import type { SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { z } from 'zod'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { Form, Link, useNavigation } from 'react-router'
import { FormErrors, SelectField, SubmitButton } from '#app/components/forms.tsx'
import { Card } from '#app/components/ui/card.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import type { RjcLevel } from '#modules/db/generated/enums.ts'
import { useFormat } from '#app/utils/i18n.ts'
import { RJC_LEVEL_HOURS } from '#modules/portfolio/regulator-cycles.ts'
import type { Requirement } from '#modules/reflective-records/revalidation.ts'
import type { SupervisionState } from '#modules/reflective-records/rjc.ts'
import { Requirements } from './requirements.tsx'
import { Trans } from '#app/utils/trans.tsx'

const LEVELS = ['FOUNDATION', 'INTERMEDIATE', 'ADVANCED'] as const satisfies readonly RjcLevel[]

/** The RJC level form: a level, or blank for "not on the RJC's register". */
export const RjcLevelSchema = z.object({
	intent: z.literal('rjc-level'),
	rjcLevel: z.enum(LEVELS, { message: 'Choose a level from the list' }).optional(),
})

/** What the revalidation page's loader sends for the RJC panel. */
export type RjcPanelData = {
	level: RjcLevel
	levelLabel: string
	periodLabel: string
	start: string
	end: string
	requirements: Requirement[]
	sharePercent: number
	supervision: { state: SupervisionState; lastDate: string | null; daysSince: number | null; dueBy: string | null }
}

const LINK = 'font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900'

function weeksAndDays(t: TFunction<'records'>, days: number) {
	const weeks = Math.floor(days / 7)
	const rest = days % 7
	const w = t('rjcPanel.weeks', { count: weeks })
	return rest ? t('rjcPanel.weeksAndDays', { weeks: w, days: t('rjcPanel.days', { count: rest }) }) : w
}

function SupervisionNotice({ supervision }: { supervision: RjcPanelData['supervision'] }) {
	const { t } = useTranslation('records')
	const f = useFormat()
	const logLink = <Link to="/records/new/rjc-supervision" className={LINK} />
	if (supervision.state === 'none' || !supervision.lastDate || supervision.daysSince === null || !supervision.dueBy) {
		return (
			<Notice tone="warning" className="mt-4" title={t('rjcPanel.noneTitle')}>
				<Trans t={t} i18nKey="rjcPanel.none" components={{ a: logLink }} />
			</Notice>
		)
	}
	const since = t('rjcPanel.since', {
		date: f.date(supervision.lastDate),
		ago: weeksAndDays(t, supervision.daysSince),
	})
	if (supervision.state === 'overdue') {
		return (
			<Notice tone="warning" className="mt-4" title={t('rjcPanel.overdueTitle')}>
				{since} <Trans t={t} i18nKey="rjcPanel.overdue" components={{ a: logLink }} />
			</Notice>
		)
	}
	return (
		<p className="mt-4 text-stone-700" data-supervision={supervision.state}>
			{since}{' '}
			<Trans
				t={t}
				i18nKey={supervision.state === 'due-soon' ? 'rjcPanel.dueBySoon' : 'rjcPanel.dueBy'}
				values={{ date: f.date(supervision.dueBy) }}
				components={{ strong: <strong /> }}
			/>
		</p>
	)
}

/**
 * The Restorative Justice Council panel of /cpd/revalidation: the learner's level, the year's CPD hours
 * and the share that is RJC-approved, observed practice, the supervision warning, and the form that
 * sets (or clears) the level. Without a level it is only the form, with a line on what it is for.
 */
export function RjcPanel({
	rjc,
	lastResult,
}: {
	rjc: RjcPanelData | null
	lastResult: SubmissionResult<string[]> | undefined
}) {
	const navigation = useNavigation()
	const { t } = useTranslation('records')
	const f = useFormat()
	const [form, fields] = useForm({
		id: 'rjc-level',
		lastResult,
		defaultValue: { intent: 'rjc-level', rjcLevel: rjc?.level ?? '' },
		onValidate: ({ formData }) => parseWithZod(formData, { schema: RjcLevelSchema }),
		shouldValidate: 'onBlur',
	})
	const levelForm = (
		<Form
			method="post"
			className="mt-6 flex flex-wrap items-end gap-4 border-t border-stone-200 pt-6"
			{...getFormProps(form)}
		>
			<FormErrors id={form.errorId} errors={form.errors} />
			<input type="hidden" name="intent" value="rjc-level" />
			<SelectField
				labelProps={{ children: t('rjcPanel.level') }}
				description={t('rjcPanel.levelHint')}
				selectProps={{ ...getSelectProps(fields.rjcLevel), className: 'sm:max-w-xs' }}
				placeholder={t('rjcPanel.notOnRegister')}
				options={LEVELS.map((level) => ({
					value: level,
					label: t('rjcPanel.levelOption', { level: t(`rjcLevel.${level}`), hours: RJC_LEVEL_HOURS[level] }),
				}))}
				errors={fields.rjcLevel.errors}
			/>
			<SubmitButton
				pending={navigation.state === 'submitting' && navigation.formData?.get('intent') === 'rjc-level'}
				pendingText={t('rjcPanel.saving')}
			>
				{t('rjcPanel.saveLevel')}
			</SubmitButton>
		</Form>
	)
	if (!rjc) {
		return (
			<Card as="section" aria-labelledby="rjc-heading" className="mt-8 p-6">
				<h2 id="rjc-heading" className="text-2xl font-bold text-stone-900">
					{t('rjcPanel.heading')}
				</h2>
				<p className="mt-1 text-stone-700">{t('rjcPanel.intro')}</p>
				{levelForm}
			</Card>
		)
	}
	return (
		<Card as="section" aria-labelledby="rjc-heading" className="mt-8 p-6">
			<h2 id="rjc-heading" className="text-2xl font-bold text-stone-900">
				{t('rjcPanel.headingLevel', { level: t(`rjcLevel.${rjc.level}`) })}
			</h2>
			<p className="mt-1 text-stone-700">
				{t('rjcPanel.period', { start: f.date(rjc.start), end: f.date(rjc.end), percent: rjc.sharePercent })}
			</p>
			<SupervisionNotice supervision={rjc.supervision} />
			<Requirements items={rjc.requirements} id="rjc-heading" level={rjc.level} />
			<p className="mt-4 flex flex-wrap gap-x-6 gap-y-2">
				<Link to="/records/new/rjc-supervision" className={LINK}>
					{t('rjcPanel.logSupervision')}
				</Link>
				<Link to="/records/new/rjc-observed-practice" className={LINK}>
					{t('rjcPanel.recordObserved')}
				</Link>
				<Link to="/cpd/new" className={LINK}>
					{t('rjcPanel.addHours')}
				</Link>
			</p>
			<p className="mt-4 text-sm text-stone-600">{t('rjcPanel.approvedNote')}</p>
			{levelForm}
		</Card>
	)
}
