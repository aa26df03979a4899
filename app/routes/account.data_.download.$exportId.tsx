import { data } from 'react-router'
import { buttonClasses } from '#app/components/ui/button.tsx'
import { requireUserId } from '#app/utils/auth.server.ts'
import { withDomainErrors } from '#app/utils/errors.server.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { checkDataExportLink } from '#modules/data-rights/export.ts'
import { DataExportLinkSchema } from '#modules/data-rights/export-schemas.ts'
import { formatUkDateTime } from '#modules/security/user-agent.ts'
import type { Route } from './+types/account.data_.download.$exportId'

export const meta: Route.MetaFunction = () =>
	pageMeta('Download your data | Circle', 'Download the copy of your data that Circle prepared for you.')

/**
 * Where the emailed link lands. Signing in is required (the login page brings the person back); the
 * link is checked without being used up, and a refusal (not the owner, a wrong secret, used, expired)
 * is thrown with its own status and message for the error boundary to show in words.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
	const userId = await requireUserId(request)
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
	const link = await withDomainErrors(() =>
		checkDataExportLink({ exportId: params.exportId, token: query.data.token, userId, now: new Date() }),
	)
	return {
		fileUrl: `/account/data/download/${encodeURIComponent(params.exportId)}/file?token=${query.data.token}`,
		sizeMb: Math.max(0.1, Math.round(link.sizeBytes / 100_000) / 10).toLocaleString('en-GB'),
		expiresAt: formatUkDateTime(link.expiresAt),
	}
}

export default function DataExportDownloadRoute({ loaderData }: Route.ComponentProps) {
	return (
		<>
			<h2 className="text-2xl font-bold text-stone-900">Download your data</h2>
			<p className="mt-2 max-w-xl text-stone-700">
				Your copy of everything Circle holds about you is ready: one ZIP file of {loaderData.sizeMb} MB. The link works
				once, until {loaderData.expiresAt}: save the file somewhere safe, as it holds your personal data.
			</p>
			{/* A native POST (not fetch): the response is the file, which the browser saves. */}
			<form method="post" action={loaderData.fileUrl} className="mt-6">
				<button type="submit" className={buttonClasses()}>
					Download the ZIP file
				</button>
			</form>
		</>
	)
}
