import { useTranslation } from 'react-i18next'
import { data } from 'react-router'
import { buttonClasses } from '#app/components/ui/button.tsx'
import { requireUserId } from '#app/utils/auth.server.ts'
import { domainErrorInit } from '#app/utils/errors.server.ts'
import { metaT, useFormat } from '#app/utils/i18n.ts'
import { getT } from '#app/utils/i18n.server.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { checkDataExportLink } from '#modules/data-rights/export.ts'
import { DataExportLinkSchema } from '#modules/data-rights/export-schemas.ts'
import { isDomainError } from '#modules/errors/domain-error.ts'
import type { Route } from './+types/account.data_.download.$exportId'

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	return pageMeta(t('file.metaTitle', { ns: 'data-export' }), t('file.metaDescription', { ns: 'data-export' }))
}

/**
 * Where the emailed link lands. Signing in is required (the login page brings the person back); the
 * link is checked without being used up, and a refusal (not the owner, a wrong secret, used, expired)
 * is thrown with its own status and message for the error boundary to show in words.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
	const userId = await requireUserId(request)
	const t = await getT(request)
	const query = DataExportLinkSchema.safeParse({ token: new URL(request.url).searchParams.get('token') ?? '' })
	if (!query.success) {
		throw data(
			{
				message: 'This download link is not right. Open the link from the email again.',
				code: 'DATA_EXPORT_NOT_FOUND',
			},
			{ status: 400 },
		)
	}
	const link = await checkDataExportLink({
		exportId: params.exportId,
		token: query.data.token,
		userId,
		now: new Date(),
	}).catch((error: unknown) => {
		// Each refusal in the page's language, with its own status, for the error boundary.
		if (isDomainError(error) && error.code in LINK_ERRORS) {
			throw data(
				{ message: t(LINK_ERRORS[error.code as keyof typeof LINK_ERRORS], { ns: 'data-export' }), code: error.code },
				domainErrorInit(error),
			)
		}
		throw error
	})
	return {
		fileUrl: `/account/data/download/${encodeURIComponent(params.exportId)}/file?token=${query.data.token}`,
		sizeMb: Math.max(0.1, Math.round(link.sizeBytes / 100_000) / 10),
		expiresAt: link.expiresAt,
	}
}

const LINK_ERRORS = {
	DATA_EXPORT_NOT_FOUND: 'errors.DATA_EXPORT_NOT_FOUND',
	DATA_EXPORT_NOT_YOURS: 'errors.DATA_EXPORT_NOT_YOURS',
	DATA_EXPORT_NOT_READY: 'errors.DATA_EXPORT_NOT_READY',
	DATA_EXPORT_LINK_EXPIRED: 'errors.DATA_EXPORT_LINK_EXPIRED',
	DATA_EXPORT_LINK_USED: 'errors.DATA_EXPORT_LINK_USED',
} as const

export default function DataExportDownloadRoute({ loaderData }: Route.ComponentProps) {
	const { t } = useTranslation('data-export')
	const f = useFormat()
	return (
		<>
			<h2 className="text-2xl font-bold text-stone-900">{t('file.heading')}</h2>
			<p className="mt-2 max-w-xl text-stone-700">
				{t('file.body', { size: f.number(loaderData.sizeMb), expiresAt: f.dateTime(loaderData.expiresAt) })}
			</p>
			{/* A native POST (not fetch): the response is the file, which the browser saves. */}
			<form method="post" action={loaderData.fileUrl} className="mt-6">
				<button type="submit" className={buttonClasses()}>
					{t('file.button')}
				</button>
			</form>
		</>
	)
}
