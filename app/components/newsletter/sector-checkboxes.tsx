import { useTranslation } from 'react-i18next'
import { ErrorList, type ListOfErrors } from '#app/components/forms.tsx'
import { NEWSLETTER_SECTORS } from '#modules/newsletter/options.ts'

/** A fieldset of the four sectors as checkboxes (name "sectors"), with its hint and errors. */
export function SectorCheckboxes({
	id,
	legend,
	hint,
	defaultValue,
	errors,
}: {
	id: string
	legend: string
	hint: string
	defaultValue: readonly string[]
	errors?: ListOfErrors
}) {
	const { t } = useTranslation('newsletter-signup')
	const invalid = Boolean(errors?.some(Boolean))
	return (
		<fieldset aria-describedby={invalid ? `${id}-hint ${id}-error` : `${id}-hint`}>
			<legend className="font-semibold text-stone-900">{legend}</legend>
			<p id={`${id}-hint`} className="mt-1 text-sm text-stone-600">
				{hint}
			</p>
			<div className="mt-2 grid gap-1 sm:grid-cols-2">
				{NEWSLETTER_SECTORS.map((sector) => (
					<label key={sector} className="flex min-h-11 items-center gap-3 text-stone-900">
						<input
							type="checkbox"
							name="sectors"
							value={sector}
							defaultChecked={defaultValue.includes(sector)}
							className="size-5 accent-brand-700"
						/>
						{t(`sectors.${sector}`)}
					</label>
				))}
			</div>
			<ErrorList id={invalid ? `${id}-error` : undefined} errors={errors} />
		</fieldset>
	)
}
