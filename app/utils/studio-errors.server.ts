import { requireRole } from '#app/utils/auth.server.ts'

// HTTP glue shared by the studio routes (the authoring rules themselves live in modules/authoring;
// their errors become responses through app/utils/errors.server.ts).

/** The signed-in trainer or admin (403 for learners; visitors go to /login). */
export function requireTrainer(request: Request) {
	return requireRole(request, 'TRAINER')
}
