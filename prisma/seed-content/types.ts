/**
 * The shape of Circle's demo course content. Each course lives in its own file in this folder and
 * is loaded by prisma/seed.ts. Content is plain data so it can be reviewed like prose.
 */
export type SeedSector = 'FOUNDATIONS' | 'SCHOOLS' | 'HEALTH_SOCIAL_CARE' | 'CRIMINAL_JUSTICE' | 'PARENTS_CARERS'

export type SeedOption = {
	text: string
	isCorrect: boolean
	/** Shown after the attempt is submitted, beside this option. */
	feedback: string
}

export type SeedQuestion =
	| {
			kind: 'SINGLE' | 'MULTIPLE'
			prompt: string
			/** Shown only after submission. */
			explanation?: string
			options: SeedOption[]
	  }
	| {
			kind: 'REFLECTION'
			prompt: string
			/** Helps the learner get started; shown with the prompt. */
			guidance?: string
	  }
	| {
			kind: 'SCALE'
			prompt: string
			min: number
			max: number
			minLabel: string
			maxLabel: string
	  }

export type SeedLesson =
	| {
			/** Stable key, unique within the course, kebab-case. Survives new versions. */
			key: string
			kind: 'VIDEO'
			title: string
			/**
			 * The script a recording of this lesson would follow, in plain text. The demo has no such
			 * recordings: every video lesson plays the same short clip (DEMO_VIDEO in prisma/seed.ts),
			 * so the seed says so and shows the clip's own words, then this script. The lesson's
			 * length is worked out from the clip and the script, never written by hand.
			 */
			transcript: string
	  }
	| {
			key: string
			kind: 'READING'
			title: string
			/** Markdown: headings from ##, lists, emphasis, blockquotes, links. No raw HTML. */
			markdown: string
			estimatedMinutes: number
	  }
	| {
			key: string
			kind: 'QUIZ'
			title: string
			/** Percentage needed to pass, 0–100. */
			passMark: number
			/** null for unlimited attempts. */
			maxAttempts: number | null
			estimatedMinutes: number
			questions: SeedQuestion[]
	  }

export type SeedModule = {
	title: string
	summary: string
	lessons: SeedLesson[]
}

export type SeedCourse = {
	slug: string
	title: string
	/** One or two sentences for cards and search results. */
	summary: string
	/** Markdown for the course page: who it is for, what it covers, how it is assessed. */
	description: string
	sectors: SeedSector[]
	/** CPD time the course is worth, in minutes. */
	cpdMinutes: number
	/** Price of one place in pence (GBP); 0 for free. */
	pricePence: number
	/** Volume pricing for organisations buying seats (optional). */
	volumeTiers?: Array<{ minQuantity: number; unitPricePence: number }>
	/** When true, lessons must be taken in order. */
	sequential: boolean
	outcomes: string[]
	modules: SeedModule[]
}
