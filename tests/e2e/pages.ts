import { course as foundations } from '../../prisma/seed-content/foundations.ts'
import { course as schools } from '../../prisma/seed-content/schools.ts'

/**
 * Every page of Circle, by the demo account that opens it ('' for a visitor). meta.spec.ts checks
 * each has its own meta description; accessibility-statement.spec.ts checks each with axe against
 * what /accessibility says. A new page goes here.
 */
export const PAGES: Record<string, string[]> = {
	'': [
		'/',
		'/courses',
		'/courses?sector=schools',
		`/courses/${foundations.slug}`,
		`/courses/${schools.slug}`,
		'/login',
		'/signup',
		'/forgot-password',
		'/verify',
		'/contact',
		'/accessibility',
		'/no-such-page',
	],
	'learner@circle.example': [
		'/dashboard',
		'/cpd',
		'/cpd/new',
		'/account',
		'/account/password',
		'/account/security',
		'/account/purchases',
		`/courses/${schools.slug}/buy`,
		'/account/reminders',
		'/programmes',
		'/circles',
		'/records',
		'/records/new/nmc-reflective-account',
		'/records/new/nmc-reflective-discussion',
		'/records/new/swe-cpd',
		'/records/new/hcpc-profile',
		'/records/new/rjc-supervision',
		'/records/new/rjc-observed-practice',
		'/records/new/teacher-development',
		'/cpd/revalidation',
		'/account/themes',
		'/account/personal-email',
		'/learn/leading-a-restorative-organisation/follow-up',
	],
	// (/org itself redirects someone with one organisation to it.)
	'orgadmin@circle.example': [
		'/org/riverside-academy-trust',
		'/org/riverside-academy-trust/members',
		'/org/riverside-academy-trust/report',
		'/org/riverside-academy-trust/settings/security',
		`/org/riverside-academy-trust/seats/${schools.slug}`,
		'/org/riverside-academy-trust/compliance',
		'/org/riverside-academy-trust/teams',
		'/org/riverside-academy-trust/assignments',
		'/org/riverside-academy-trust/settings/reminders',
		'/org/riverside-academy-trust/settings/learning-records',
		'/org/riverside-academy-trust/circles',
		'/org/riverside-academy-trust/themes',
		'/org/new',
	],
	'manager@circle.example': ['/sign-offs'],
	'trainer@circle.example': [
		'/studio',
		'/studio/new',
		'/studio/programmes',
		'/studio/programmes/new',
		'/studio/circles',
		'/studio/circles/new',
	],
	'admin@circle.example': [
		'/admin',
		'/admin/users',
		'/admin/organisations',
		'/admin/orders',
		'/admin/certificates',
		'/admin/enquiries',
	],
}
