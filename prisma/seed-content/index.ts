import { course as criminalJustice } from './criminal-justice.ts'
import { course as foundations } from './foundations.ts'
import { course as healthSocialCare } from './health-social-care.ts'
import { course as leadingRestorativeCulture } from './leading-restorative-culture.ts'
import { course as parentsCarers } from './parents-carers.ts'
import { course as schools } from './schools.ts'
import type { SeedCourse } from './types.ts'

/** Demo courses in catalogue order. */
export const courses: SeedCourse[] = [
	foundations,
	schools,
	healthSocialCare,
	criminalJustice,
	parentsCarers,
	leadingRestorativeCulture,
]
