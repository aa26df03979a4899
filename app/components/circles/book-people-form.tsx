import { getCollectionProps, getFormProps, getSelectProps, type SubmissionResult, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { Form, useNavigation } from 'react-router'
import { ErrorList, FormErrors, SelectField, SubmitButton } from '#app/components/forms.tsx'
import { BookPeopleSchema } from '#modules/circles/schemas.ts'

const CHECKBOX = 'checkbox'

/**
 * On the register of an organisation's circle: book named people of the organisation, a whole team,
 * or both. Each person booked is emailed the calendar invitation with who booked them. Errors beside
 * the list (or the team), every tick kept.
 */
export function BookPeopleForm({
	lastResult,
	people,
	teams,
	placesLeft,
}: {
	lastResult: SubmissionResult<string[]> | undefined
	people: Array<{ id: string; name: string; email: string }>
	teams: Array<{ id: string; name: string; size: number }>
	placesLeft: number
}) {
	const navigation = useNavigation()
	const { t } = useTranslation('circles')
	const [form, fields] = useForm({
		id: 'book-people',
		lastResult,
		onValidate: ({ formData }) => parseWithZod(formData, { schema: BookPeopleSchema }),
		shouldValidate: 'onSubmit',
	})
	const errorId = `${fields.userId.id}-error`
	const invalid = Boolean(fields.userId.errors?.length)
	return (
		<section aria-labelledby="book-people-heading" className="mt-8">
			<h2 id="book-people-heading" className="text-xl font-bold text-stone-900">
				{t('book.heading')}
			</h2>
			<p className="mt-2 max-w-2xl text-stone-800">
				{placesLeft > 0 ? t('book.placesLeft', { count: placesLeft }) : t('book.full')}
				{t('book.emailed')}
			</p>
			<Form
				method="post"
				className="mt-4 max-w-2xl space-y-5"
				{...getFormProps(form)}
				aria-describedby={form.errors?.length ? form.errorId : undefined}
			>
				<input type="hidden" name="intent" value="book-people" />
				<FormErrors id={form.errorId} errors={form.errors} />
				{teams.length ? (
					<SelectField
						labelProps={{ children: t('book.team') }}
						selectProps={getSelectProps(fields.teamId)}
						options={teams.map((team) => ({
							value: team.id,
							label: `${team.name} (${t('people', { count: team.size })})`,
						}))}
						placeholder={t('book.noTeam')}
						errors={fields.teamId.errors}
					/>
				) : null}
				{people.length ? (
					<fieldset aria-describedby={invalid ? errorId : undefined} aria-invalid={invalid || undefined}>
						<legend className="font-semibold text-stone-900">{t('book.without')}</legend>
						<ul className="mt-2 max-h-80 divide-y divide-stone-200 overflow-y-auto rounded-xl border border-stone-200 bg-white">
							{getCollectionProps(fields.userId, { type: CHECKBOX, options: people.map((p) => p.id) }).map(
								({ key, ...props }) => {
									const person = people.find((p) => p.id === props.value)!
									return (
										<li key={key} className="flex items-center gap-3 px-4 py-2">
											<input {...props} className="size-5 rounded border-stone-500" />
											<label htmlFor={props.id} className="text-stone-900">
												{person.name} <span className="text-stone-700">({person.email})</span>
											</label>
										</li>
									)
								},
							)}
						</ul>
						<ErrorList id={invalid ? errorId : undefined} errors={fields.userId.errors} />
					</fieldset>
				) : (
					<>
						<p className="text-stone-800">{t('book.everyone')}</p>
						<ErrorList id={invalid ? errorId : undefined} errors={fields.userId.errors} />
					</>
				)}
				<SubmitButton pending={navigation.state === 'submitting'} pendingText={t('book.booking')}>
					{t('book.bookThem')}
				</SubmitButton>
			</Form>
		</section>
	)
}
