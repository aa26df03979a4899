import { getFormProps, getInputProps, getTextareaProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Form, Link, useNavigation } from 'react-router'
import { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ErrorList, Field, FormErrors, SubmitButton, TextareaField } from '#app/components/forms.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { replyWithDomainError, throwAsResponse, withDomainErrors } from '#app/utils/errors.server.ts'
import { SECTORS } from '#app/utils/format.ts'
import { getT } from '#app/utils/i18n.server.ts'
import { metaT, useFormat } from '#app/utils/i18n.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { requireTrainer } from '#app/utils/studio-errors.server.ts'
import { isDomainError } from '#modules/errors/domain-error.ts'
import { createPublicVideo, deletePublicVideo, listPublicVideosForStudio } from '#modules/previews/public-videos.ts'
import { PublicVideoSchema } from '#modules/previews/schemas.ts'
import { singleLineText } from '#modules/validation/text.ts'
import type { Route } from './+types/studio.videos'

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	return pageMeta(
		t('studioVideos.metaTitle', { ns: 'previews' }),
		t('studioVideos.metaDescription', { ns: 'previews' }),
		NOINDEX,
	)
}

export function headers() {
	return { 'Cache-Control': 'private, no-store' }
}

export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireTrainer(request)
	return { videos: await withDomainErrors(() => listPublicVideosForStudio({ actorId: user.id })) }
}

const DeleteSchema = z.object({ id: singleLineText().min(1).max(64) })

/** Adds a public video (intent "add"), or removes one (intent "delete"). Trainers and admins only, audited. */
export async function action({ request, context }: Route.ActionArgs) {
	const user = await requireTrainer(request)
	const formData = await request.formData()
	const origin = { ipAddress: context.clientIp, userAgent: request.headers.get('User-Agent') }
	const t = await getT(request)
	if (formData.get('intent') === 'delete') {
		const parsed = DeleteSchema.safeParse({ id: formData.get('id') })
		if (!parsed.success) throw data({ message: 'Choose a video to remove.' }, { status: 400 })
		await withDomainErrors(() => deletePublicVideo({ actorId: user.id, id: parsed.data.id, origin }))
		return data({
			intent: 'delete' as const,
			result: undefined,
			message: t('studioVideos.deleted', { ns: 'previews' }),
		})
	}
	const submission = parseWithZod(formData, { schema: PublicVideoSchema })
	if (submission.status !== 'success') {
		return data({ intent: 'add' as const, result: submission.reply(), message: null }, { status: 400 })
	}
	try {
		const created = await createPublicVideo({ actorId: user.id, input: submission.value, origin })
		return data({
			intent: 'add' as const,
			result: submission.reply({ resetForm: true }),
			message: t('studioVideos.created', { ns: 'previews', title: submission.value.title, slug: created.slug }),
		})
	} catch (error) {
		if (!isDomainError(error) || error.kind === 'forbidden' || error.kind === 'not_found') throwAsResponse(error)
		const reply = replyWithDomainError(submission, error)
		return data(
			{ intent: 'add' as const, result: reply.data.result, message: null },
			{ status: reply.init?.status ?? 422 },
		)
	}
}

export default function StudioVideosRoute({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation('previews')
	const { t: tSectors } = useTranslation('sectors')
	const f = useFormat()
	const navigation = useNavigation()
	const pendingIntent = navigation.state === 'submitting' ? (navigation.formData?.get('intent') ?? 'add') : null
	const [form, fields] = useForm({
		id: 'public-video',
		lastResult: actionData?.intent === 'add' ? actionData.result : undefined,
		constraint: getZodConstraint(PublicVideoSchema),
		onValidate: ({ formData }) => parseWithZod(formData, { schema: PublicVideoSchema }),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
	})
	const formErrorId = `${form.id}-form-error`
	return (
		<Container width="prose" className="py-10 sm:py-12">
			<p className="text-sm">
				<Link to="/studio" className="font-medium text-brand-700 underline underline-offset-2">
					{t('studio.studio')}
				</Link>
			</p>
			<h1 className="mt-2 text-3xl font-bold tracking-tight text-stone-900">{t('studioVideos.heading')}</h1>
			<p className="mt-3 text-lg text-stone-700">{t('studioVideos.intro')}</p>

			<div aria-live="polite" className="mt-6">
				{actionData?.message ? <Notice tone="success" role="status" title={actionData.message} /> : null}
			</div>

			<section aria-labelledby="videos-heading" className="mt-6">
				<h2 id="videos-heading" className="text-xl font-semibold text-stone-900">
					{t('studioVideos.listHeading')}
				</h2>
				{loaderData.videos.length === 0 ? (
					<p className="mt-3 text-stone-700">{t('studioVideos.none')}</p>
				) : (
					<ul className="mt-4 divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white">
						{loaderData.videos.map((video) => (
							<li key={video.id} className="flex flex-wrap items-center justify-between gap-3 p-4">
								<div>
									<Link
										to={`/watch/${video.slug}`}
										className="font-semibold text-brand-700 underline underline-offset-2"
									>
										{video.title}
									</Link>
									<p className="text-sm text-stone-700">
										{t('studioVideos.added', { date: f.date(video.createdAt) })}
										{video.sectors.length > 0
											? ` · ${video.sectors.map((sector) => tSectors(`label.${sector}`)).join(', ')}`
											: ''}
									</p>
								</div>
								<Form method="post">
									<input type="hidden" name="intent" value="delete" />
									<input type="hidden" name="id" value={video.id} />
									<Button
										type="submit"
										variant="secondary"
										size="sm"
										aria-disabled={pendingIntent === 'delete' || undefined}
									>
										{t('studioVideos.delete')}
										<span className="sr-only"> {video.title}</span>
									</Button>
								</Form>
							</li>
						))}
					</ul>
				)}
			</section>

			<section aria-labelledby="add-heading" className="mt-10">
				<h2 id="add-heading" className="text-xl font-semibold text-stone-900">
					{t('studioVideos.addHeading')}
				</h2>
				<Form
					method="post"
					{...getFormProps(form)}
					aria-describedby={form.errors?.length ? formErrorId : undefined}
					className="mt-4 space-y-6 rounded-2xl border border-stone-200 bg-white p-6 sm:p-8"
				>
					<input type="hidden" name="intent" value="add" />
					<FormErrors id={formErrorId} errors={form.errors} title={t('studioVideos.notSaved')} />
					<Field
						labelProps={{ children: t('studioVideos.title') }}
						inputProps={getInputProps(fields.title, { type: 'text' })}
						errors={fields.title.errors}
					/>
					<Field
						labelProps={{ children: t('studioVideos.slug') }}
						description={t('studioVideos.slugHint')}
						inputProps={{ ...getInputProps(fields.slug, { type: 'text' }), spellCheck: false }}
						errors={fields.slug.errors}
					/>
					<TextareaField
						labelProps={{ children: t('studioVideos.summary') }}
						textareaProps={{ ...getTextareaProps(fields.summary), rows: 3 }}
						errors={fields.summary.errors}
					/>
					<Field
						labelProps={{ children: t('studioVideos.playbackId') }}
						description={t('studioVideos.playbackIdHint')}
						inputProps={{ ...getInputProps(fields.playbackId, { type: 'text' }), spellCheck: false }}
						errors={fields.playbackId.errors}
					/>
					<div className="grid gap-6 sm:grid-cols-2">
						<Field
							labelProps={{ children: t('studioVideos.sourceUrl') }}
							description={t('studioVideos.sourceUrlHint')}
							inputProps={{ ...getInputProps(fields.sourceUrl, { type: 'text' }), spellCheck: false }}
							errors={fields.sourceUrl.errors}
						/>
						<Field
							labelProps={{ children: t('studioVideos.durationSeconds') }}
							inputProps={{ ...getInputProps(fields.durationSeconds, { type: 'text' }), inputMode: 'numeric' }}
							errors={fields.durationSeconds.errors}
						/>
					</div>
					<Field
						labelProps={{ children: t('studioVideos.captionsUrl') }}
						description={t('studioVideos.captionsUrlHint')}
						inputProps={{ ...getInputProps(fields.captionsUrl, { type: 'text' }), spellCheck: false }}
						errors={fields.captionsUrl.errors}
					/>
					<TextareaField
						labelProps={{ children: t('studioVideos.transcript') }}
						description={t('studioVideos.transcriptHint')}
						textareaProps={{ ...getTextareaProps(fields.transcript), rows: 8 }}
						errors={fields.transcript.errors}
					/>
					<fieldset aria-describedby={fields.sectors.errors?.length ? 'video-sectors-error' : undefined}>
						<legend className="font-semibold text-stone-900">{t('studioVideos.sectors')}</legend>
						<p className="mt-1 text-sm text-stone-600">{t('studioVideos.sectorsHint')}</p>
						<div className="mt-2 grid gap-2 sm:grid-cols-2">
							{SECTORS.map((sector) => (
								<label
									key={sector}
									className="flex min-h-11 items-center gap-3 rounded-lg border border-stone-300 bg-white px-3 py-2"
								>
									<input
										type="checkbox"
										name={fields.sectors.name}
										value={sector}
										className="size-5 accent-brand-700"
									/>
									<span>{tSectors(`label.${sector}`)}</span>
								</label>
							))}
						</div>
						<ErrorList id="video-sectors-error" errors={fields.sectors.errors} />
					</fieldset>
					<SubmitButton pending={pendingIntent === 'add'} pendingText={t('studio.saving')}>
						{t('studioVideos.add')}
					</SubmitButton>
				</Form>
			</section>
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
