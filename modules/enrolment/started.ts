// "Has this person started the course?" decides whether a seat can go back to its pool, whether a
// refund may take a seat away, which reminder a holder gets, the team report's status and the
// analytics' starts. It is written once, here, as data, and both forms below are built from it, so
// the SQL and the Prisma filter cannot drift apart. Every learning write (video progress, reading,
// quiz attempts, reflection drafts) also stamps Enrolment.startedAt through touchEnrolment, which is
// what bumps the team report's and the analytics' cache stamps (ADR 0016, 0017); the rows are
// counted as evidence as well, so data written before that rule, or by an import, still counts.
import { type Enrolment, Prisma } from '#modules/db/client.ts'

/** An enrolment has started when any of these is true of it. */
const STARTED_EVIDENCE = [
	{ column: 'startedAt' },
	{ column: 'completedAt' },
	{ table: 'LessonProgress', relation: 'progress' },
	{ table: 'QuizAttempt', relation: 'quizAttempts' },
	{ table: 'Reflection', relation: 'reflections' },
] as const satisfies ReadonlyArray<
	{ column: keyof Enrolment } | { table: Prisma.ModelName; relation: keyof Prisma.EnrolmentWhereInput }
>

/**
 * The rule as an SQL condition on the Enrolment row aliased `alias` (true when it has started).
 * Each source is an index probe (Enrolment columns, then X(enrolmentId)), cheapest first.
 */
export function enrolmentStartedSql(alias: string) {
	if (!/^[a-z_][a-z0-9_]*$/i.test(alias)) throw new Error(`Not an SQL alias: ${alias}`)
	const e = Prisma.raw(`"${alias}"`)
	const parts = STARTED_EVIDENCE.map((source) =>
		'column' in source
			? Prisma.sql`${e}.${Prisma.raw(`"${source.column}"`)} IS NOT NULL`
			: Prisma.sql`EXISTS (SELECT 1 FROM ${Prisma.raw(`"${source.table}"`)} s WHERE s."enrolmentId" = ${e}.id)`,
	)
	return Prisma.sql`(${Prisma.join(parts, ' OR ')})`
}

/** The same rule as a Prisma filter on Enrolment. */
export const enrolmentStartedWhere: Prisma.EnrolmentWhereInput = {
	OR: STARTED_EVIDENCE.map((source): Prisma.EnrolmentWhereInput =>
		'column' in source ? { [source.column]: { not: null } } : { [source.relation]: { some: {} } },
	),
}

/** Its negation, for "not started yet". */
export const enrolmentNotStartedWhere: Prisma.EnrolmentWhereInput = { NOT: enrolmentStartedWhere }
