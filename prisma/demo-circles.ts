// The demo's running circle, apart from the seed code so browser tests can import it without a database.

/** A full drop-in circle that is running when the demo is seeded (prisma/seed-circles.ts). */
export const DEMO_RUNNING_CIRCLE = {
	title: 'Drop-in reflective circle (running now)',
	/** Two demo practitioners hold its two places; both can log in with the demo password. */
	holders: [
		{ email: 'aled@circle.example', name: 'Aled Rhys-Morgan' },
		{ email: 'beatrice@circle.example', name: 'Beatrice Nwosu' },
	],
} as const
