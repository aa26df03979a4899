import { data } from 'react-router'
import { z } from 'zod'
import { withDomainErrors } from '#app/utils/errors.server.ts'
import { requireTrainer } from '#app/utils/studio-errors.server.ts'
import { buildScormPackage } from '#modules/course-io/scorm-package.ts'
import type { Route } from './+types/studio.courses.$courseId_.scorm_.$version.$flavour'

const ParamsSchema = z.object({
	version: z.coerce.number().int().min(1).max(100_000),
	flavour: z.enum(['scorm12', 'scorm2004']),
})

/**
 * /studio/courses/:courseId/scorm/:version/(scorm12|scorm2004): one published version of a course as
 * a SCORM package (ZIP), for the course's authors and admins (the same rule as the analytics CSV).
 * A draft is refused with 409 and its message; nothing is built.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireTrainer(request)
	const parsed = ParamsSchema.safeParse(params)
	if (!parsed.success) {
		throw data({ message: 'There is no such SCORM package: choose a version and SCORM 1.2 or 2004.' }, { status: 404 })
	}
	const { filename, content } = await withDomainErrors(() =>
		buildScormPackage({
			actorId: user.id,
			courseId: params.courseId,
			versionNumber: parsed.data.version,
			flavour: parsed.data.flavour,
		}),
	)
	return new Response(new Uint8Array(content), {
		headers: {
			'Content-Type': 'application/zip',
			'Content-Disposition': `attachment; filename="${filename}"`,
			'Content-Length': String(content.length),
			'Cache-Control': 'private, no-store',
		},
	})
}
