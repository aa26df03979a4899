import { useTranslation } from 'react-i18next'
import { Form, Link } from 'react-router'
import { controlClasses, linkClasses } from '#app/components/org/org-ui.tsx'
import { Button } from '#app/components/ui/button.tsx'

export type ReportFilterChoice = {
	/** The query parameter, e.g. `course`. */
	name: string
	label: string
	value: string
	/** Shown for the empty value, e.g. "All courses". */
	anyLabel: string
	options: ReadonlyArray<{ value: string; label: string }>
}

/**
 * The filter bar shared by the organisation's reports (team report, compliance matrix): a GET form,
 * so a filtered view is a link, with the report's own choices (course, status, team…), a name or
 * email search, the page size and a way back to the unfiltered report. Ids are `${idPrefix}-${name}`
 * so each report keeps stable, unique labels.
 */
export function ReportFilters({
	idPrefix,
	label,
	choices,
	q,
	perPage,
	perPageLabel,
	pageSizes,
	clearHref,
}: {
	idPrefix: string
	/** The search landmark's name, e.g. "Filter the team report". */
	label: string
	choices: ReadonlyArray<ReportFilterChoice>
	q: string
	perPage: number
	perPageLabel: string
	pageSizes: ReadonlyArray<number>
	/** The report without filters; null when no filter is applied (no link then). */
	clearHref: string | null
}) {
	const { t } = useTranslation('org')
	return (
		<Form method="get" role="search" aria-label={label} className="mt-6 flex flex-wrap items-end gap-3">
			{choices.map((choice) => (
				<div key={choice.name}>
					<label htmlFor={`${idPrefix}-${choice.name}`} className="block font-semibold text-stone-900">
						{choice.label}
					</label>
					<select
						id={`${idPrefix}-${choice.name}`}
						name={choice.name}
						defaultValue={choice.value}
						className={controlClasses}
					>
						<option value="">{choice.anyLabel}</option>
						{choice.options.map((o) => (
							<option key={o.value} value={o.value}>
								{o.label}
							</option>
						))}
					</select>
				</div>
			))}
			<div className="w-full max-w-xs">
				<label htmlFor={`${idPrefix}-search`} className="block font-semibold text-stone-900">
					{t('filters.search')}
				</label>
				<input
					id={`${idPrefix}-search`}
					name="q"
					type="search"
					defaultValue={q}
					autoComplete="off"
					spellCheck={false}
					className={controlClasses}
				/>
			</div>
			<div>
				<label htmlFor={`${idPrefix}-per-page`} className="block font-semibold text-stone-900">
					{perPageLabel}
				</label>
				<select id={`${idPrefix}-per-page`} name="per" defaultValue={perPage} className={controlClasses}>
					{pageSizes.map((size) => (
						<option key={size} value={size}>
							{size}
						</option>
					))}
				</select>
			</div>
			<Button type="submit">{t('filters.apply')}</Button>
			{clearHref ? (
				<Link to={clearHref} className={`${linkClasses} inline-flex min-h-11 items-center`}>
					{t('filters.clear')}
				</Link>
			) : null}
		</Form>
	)
}
