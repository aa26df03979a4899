import { useTranslation } from 'react-i18next'
import { data, Form, Link, useNavigation } from 'react-router'
import { Field } from '#app/components/forms.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { requireRole } from '#app/utils/auth.server.ts'
import { BodyTooLargeError, limitBody } from '#app/utils/upload.server.ts'
import { replyWithProblem, throwAsResponse, withDomainErrors } from '#app/utils/errors.server.ts'
import { metaT } from '#app/utils/i18n.ts'
import { getT } from '#app/utils/i18n.server.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { isDomainError } from '#modules/errors/domain-error.ts'
import { getCourseCover, removeCoverImage, saveCoverImage } from '#modules/storage/cover-images.ts'
import { COVER_MAX, COVER_MAX_BYTES, COVER_MIN } from '#modules/storage/cover-rules.ts'
import type { Route } from './+types/studio.courses.$courseId.cover'
import { Trans } from '#app/utils/trans.tsx'

export const meta: Route.MetaFunction = ({ data, matches }) => {
	const t = metaT(matches)
	return pageMeta(
		data
			? t('cover.meta.title', { ns: 'studio', course: data.course.title })
			: t('cover.meta.titleFallback', { ns: 'studio' }),
		t('cover.meta.description', { ns: 'studio' }),
		NOINDEX,
	)
}

/** Room for the multipart boundaries and the other fields around a file of the maximum size. */
const MAX_BODY_BYTES = COVER_MAX_BYTES + 64 * 1024

function formError(message: string, status: number) {
	return data({ ok: false as const, error: message }, { status })
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireRole(request, 'TRAINER')
	const course = await withDomainErrors(() => getCourseCover({ actorId: user.id, courseId: params.courseId }))
	return { course }
}

export async function action({ request, params }: Route.ActionArgs) {
	const user = await requireRole(request, 'TRAINER')
	const courseId = params.courseId
	const contentType = request.headers.get('Content-Type') ?? ''
	const t = await getT(request)
	try {
		if (!contentType.startsWith('multipart/form-data')) {
			const form = await request.formData()
			if (form.get('intent') !== 'remove') return formError(t('cover.chooseImage', { ns: 'studio' }), 400)
			await removeCoverImage({ actorId: user.id, courseId })
			return data({ ok: true as const, message: t('cover.removed', { ns: 'studio' }) })
		}
		// Refuse oversized uploads before reading a byte of them.
		const declared = request.headers.get('Content-Length')
		if (declared === null) return formError(t('cover.noLength', { ns: 'studio' }), 411)
		if (!/^\d+$/.test(declared) || Number(declared) > MAX_BODY_BYTES) {
			return formError(t('cover.tooLarge', { ns: 'studio' }), 413)
		}
		let form: FormData
		try {
			form = await limitBody(request, MAX_BODY_BYTES).formData()
		} catch (error) {
			if (error instanceof BodyTooLargeError || (error as Error)?.cause instanceof BodyTooLargeError) {
				return formError(t('cover.tooLarge', { ns: 'studio' }), 413)
			}
			return formError(t('cover.unreadable', { ns: 'studio' }), 400)
		}
		const file = form.get('cover')
		if (!(file instanceof Blob) || file.size === 0) return formError(t('cover.chooseImage', { ns: 'studio' }), 400)
		await saveCoverImage({ actorId: user.id, courseId, file })
		return data({ ok: true as const, message: t('cover.saved', { ns: 'studio' }) })
	} catch (error) {
		if (isDomainError(error) && error.kind === 'invalid') return replyWithProblem(error, (e) => ({ error: e.message }))
		throwAsResponse(error)
	}
}

export default function CoverImageRoute({ loaderData, actionData }: Route.ComponentProps) {
	const { course } = loaderData
	const { t } = useTranslation('studio')
	const navigation = useNavigation()
	const busy = navigation.state === 'submitting'
	return (
		<Container width="prose" className="py-10">
			<p className="text-sm">
				<Link to="/studio" className="text-brand-700 underline underline-offset-2 hover:text-brand-900">
					{t('nav.studio')}
				</Link>
			</p>
			<h1 className="mt-2 text-3xl font-bold text-stone-900">{t('cover.heading')}</h1>
			<p className="mt-2 text-stone-700">
				<Trans
					t={t}
					i18nKey="cover.intro"
					values={{ course: course.title }}
					components={{ strong: <span className="font-semibold" /> }}
				/>
			</p>

			<div aria-live="polite" className="mt-6">
				{actionData?.ok ? <Notice tone="success" role="status" title={actionData.message} /> : null}
			</div>
			{actionData && !actionData.ok ? (
				<Notice tone="error" role="alert" title={t('cover.notChanged')} className="mt-2">
					{actionData.error}
				</Notice>
			) : null}

			<section aria-labelledby="current-cover" className="mt-6">
				<h2 id="current-cover" className="text-xl font-semibold text-stone-900">
					{t('cover.current')}
				</h2>
				{course.coverUrl ? (
					<img
						src={course.coverUrl}
						alt={t('cover.currentAlt', { course: course.title })}
						className="mt-3 aspect-[1.91/1] w-full rounded-2xl border border-stone-200 object-cover"
					/>
				) : (
					<p className="mt-2 text-stone-700">{t('cover.none')}</p>
				)}
			</section>

			<Form method="post" encType="multipart/form-data" className="mt-8 space-y-4" aria-labelledby="upload-cover">
				<h2 id="upload-cover" className="text-xl font-semibold text-stone-900">
					{t('cover.uploadHeading')}
				</h2>
				<Field
					labelProps={{ children: t('cover.file') }}
					description={t('cover.fileHint', {
						min: `${COVER_MIN.width}×${COVER_MIN.height}`,
						max: `${COVER_MAX.width}×${COVER_MAX.height}`,
					})}
					inputProps={{
						id: 'cover',
						name: 'cover',
						type: 'file',
						required: true,
						accept: 'image/png,image/jpeg,image/webp',
						className:
							'file:mr-3 file:min-h-11 file:rounded-lg file:border file:border-brand-700 file:bg-white file:px-4 file:font-semibold file:text-brand-700',
					}}
				/>
				<Button type="submit" disabled={busy}>
					{busy ? t('cover.uploading') : t('cover.upload')}
				</Button>
			</Form>

			{course.coverUrl ? (
				<Form method="post" className="mt-8">
					<input type="hidden" name="intent" value="remove" />
					<Button type="submit" variant="secondary" disabled={busy}>
						{t('cover.remove')}
					</Button>
				</Form>
			) : null}
		</Container>
	)
}
