import { redirect } from 'react-router'
import { requireUserId } from '#app/utils/auth.server.ts'
import { isDomainError } from '#modules/errors/domain-error.ts'
import { openDataExport } from '#modules/data-rights/export.ts'
import { DataExportLinkSchema } from '#modules/data-rights/export-schemas.ts'
import type { Route } from './+types/account.data_.download.$exportId.file'

/**
 * The ZIP behind the download page's button (a native form POST, since it uses the link up): sends
 * the file. A link that is
 * refused here (used a moment ago in another tab, not the owner's) goes back to the download page,
 * which says why in words rather than as a bare status.
 */
export async function action({ request, params, context }: Route.ActionArgs) {
	const userId = await requireUserId(request)
	const url = new URL(request.url)
	const query = DataExportLinkSchema.safeParse({ token: url.searchParams.get('token') ?? '' })
	const page = `/account/data/download/${encodeURIComponent(params.exportId)}?${url.searchParams}`
	if (!query.success) throw redirect(page)
	try {
		const { body, filename } = await openDataExport({
			exportId: params.exportId,
			token: query.data.token,
			userId,
			now: new Date(),
			origin: { ipAddress: context.clientIp, userAgent: request.headers.get('User-Agent') },
		})
		return new Response(body, {
			headers: {
				'Content-Type': 'application/zip',
				'Content-Disposition': `attachment; filename="${filename}"`,
				'Content-Length': String(body.byteLength),
				'Cache-Control': 'private, no-store',
				'Referrer-Policy': 'no-referrer',
			},
		})
	} catch (error) {
		if (isDomainError(error)) throw redirect(page)
		throw error
	}
}
