// Every raw SQL statement of the themes context (ADR 0034). Each statement starts from the same
// group of people (`groupSql`): the organisation's active members who said yes to team themes there,
// optionally only those in one team and the teams beneath it. Each statement returns nothing at all
// unless that group has at least MIN_GROUP people, and each aggregate also needs MIN_GROUP people of
// its own behind it: the rule lives here, in the SQL, not in the page.
import { Prisma, type Tx } from '#modules/db/client.ts'

/** The fewest consenting people a group (and each figure about it) must have before anything is shown. */
export const MIN_GROUP = 5

export type ThemesGroup = {
	organisationId: string
	/** A team: its people and the people of every team beneath it. Null: the whole organisation. */
	teamId: string | null
	/** Reflections, records and quiz answers from before this are not counted. */
	since: Date
}

/**
 * `WITH RECURSIVE sub, grp, gate`: the team subtree, the consenting people (one row per person, with
 * their membership here) and whether there are enough of them. Every statement below ends its
 * WHERE with `AND (SELECT ok FROM gate)`.
 */
function groupSql({ organisationId, teamId }: ThemesGroup) {
	return Prisma.sql`
		WITH RECURSIVE sub AS (
			SELECT t.id FROM "Team" t WHERE t.id = ${teamId} AND t."organisationId" = ${organisationId}
			UNION
			SELECT c.id FROM "Team" c JOIN sub ON c."parentId" = sub.id
		),
		grp AS (
			SELECT m."userId", m.id AS "membershipId"
			FROM "Membership" m
			JOIN "User" u ON u.id = m."userId" AND u."disabledAt" IS NULL
			WHERE m."organisationId" = ${organisationId}
				AND m."deactivatedAt" IS NULL
				AND m."themesOptInAt" IS NOT NULL
				AND (${teamId}::text IS NULL OR EXISTS (
					SELECT 1 FROM "TeamMember" tm JOIN sub ON sub.id = tm."teamId" WHERE tm."membershipId" = m.id))
		),
		gate AS (SELECT count(*) >= ${MIN_GROUP} AS ok, count(*)::int AS people FROM grp)`
}

/** How many consenting people the group has, or null when fewer than MIN_GROUP (the count is not told). */
export async function selectGroupSize(db: Tx, group: ThemesGroup): Promise<number | null> {
	const rows = await db.$queryRaw<Array<{ people: number | null }>>`
		${groupSql(group)}
		SELECT CASE WHEN ok THEN people END AS people FROM gate`
	return rows[0]?.people ?? null
}

export type CodeThemeRow = { theme: string; accounts: number; people: number; writers: number }

/**
 * The NMC Code themes chosen on the group's reflective accounts since `since`: how many accounts and
 * how many people chose each, and how many people wrote any (`writers`). Empty unless the group and
 * its writers each number MIN_GROUP or more. Only the theme choices are read, never the text.
 */
export async function selectCodeThemes(db: Tx, group: ThemesGroup) {
	return db.$queryRaw<CodeThemeRow[]>`
		${groupSql(group)},
		accounts AS (
			SELECT r."userId", r.fields FROM "ReflectiveRecord" r JOIN grp ON grp."userId" = r."userId"
			WHERE r.kind = 'NMC_REFLECTIVE_ACCOUNT' AND r.date >= ${group.since}::date
		),
		writers AS (SELECT count(DISTINCT "userId")::int AS n FROM accounts)
		SELECT theme, count(*)::int AS accounts, count(DISTINCT a."userId")::int AS people, (SELECT n FROM writers) AS writers
		FROM accounts a
		CROSS JOIN LATERAL jsonb_array_elements_text(
			CASE WHEN jsonb_typeof(a.fields -> 'codeThemes') = 'array' THEN a.fields -> 'codeThemes' ELSE '[]'::jsonb END
		) AS theme
		WHERE (SELECT ok FROM gate) AND (SELECT n FROM writers) >= ${MIN_GROUP}
		GROUP BY theme
		ORDER BY accounts DESC, theme`
}

export type HardPromptRow = {
	courseTitle: string
	prompt: string
	people: number
	averageDifficulty: number
	/** People who rated it 4 or 5. */
	hardFor: number
}

/**
 * The lesson reflection prompts the group found hardest to put into practice (each person's latest
 * self-rating of each prompt, 1 to 5), highest average first. A prompt is left out until MIN_GROUP
 * people have rated it. Never the text of a reflection.
 */
export async function selectHardestPrompts(db: Tx, group: ThemesGroup, limit = 5) {
	return db.$queryRaw<HardPromptRow[]>`
		${groupSql(group)},
		rated AS (
			SELECT DISTINCT ON (r."userId", r."courseId", r.prompt)
				r."userId", r."courseId", r.prompt, r.difficulty, v.title AS "courseTitle"
			FROM "Reflection" r
			JOIN grp ON grp."userId" = r."userId"
			JOIN "Lesson" l ON l.id = r."lessonId"
			JOIN "CourseVersion" v ON v.id = l."versionId"
			WHERE r.difficulty IS NOT NULL AND r."updatedAt" >= ${group.since}
			ORDER BY r."userId", r."courseId", r.prompt, r."updatedAt" DESC
		)
		SELECT max("courseTitle") AS "courseTitle", prompt, count(*)::int AS people,
			round(avg(difficulty), 1)::float8 AS "averageDifficulty",
			(count(*) FILTER (WHERE difficulty >= 4))::int AS "hardFor"
		FROM rated
		WHERE (SELECT ok FROM gate)
		GROUP BY "courseId", prompt
		HAVING count(*) >= ${MIN_GROUP}
		ORDER BY "averageDifficulty" DESC, people DESC, prompt
		LIMIT ${limit}`
}

export type RatingCountRow = { questionId: string; value: number; people: number }

/**
 * Counts from the rating (scale) questions in quizzes: for each question, how many of the group gave
 * each value (each person's latest answer since `since`). A question is left out until MIN_GROUP
 * people have answered it; at most `limit` questions, the most answered first.
 */
export async function selectRatingCounts(db: Tx, group: ThemesGroup, limit = 8) {
	return db.$queryRaw<RatingCountRow[]>`
		${groupSql(group)},
		latest AS (
			SELECT DISTINCT ON (a."questionId", qa."userId") a."questionId", qa."userId", a."scaleValue"
			FROM grp
			JOIN "QuizAttempt" qa ON qa."userId" = grp."userId"
			JOIN "Answer" a ON a."attemptId" = qa.id
			WHERE a."scaleValue" IS NOT NULL AND qa."submittedAt" >= ${group.since}
			ORDER BY a."questionId", qa."userId", qa."submittedAt" DESC
		),
		eligible AS (
			SELECT "questionId", count(*) AS n FROM latest GROUP BY "questionId"
			HAVING count(*) >= ${MIN_GROUP}
			ORDER BY n DESC, "questionId" LIMIT ${limit}
		)
		SELECT l."questionId", l."scaleValue" AS value, count(*)::int AS people
		FROM latest l JOIN eligible e ON e."questionId" = l."questionId"
		WHERE (SELECT ok FROM gate)
		GROUP BY l."questionId", l."scaleValue"
		ORDER BY l."questionId", l."scaleValue"`
}

export type SharedReflectionRow = { id: string; courseTitle: string; prompt: string; text: string; updatedAt: Date }

/**
 * Lesson reflections that their writers chose to share with this organisation (a ReflectionShare on
 * their own membership here), newest first, without anyone's name. Only from the consenting group,
 * and only when it is large enough.
 */
export async function selectSharedReflections(db: Tx, group: ThemesGroup, limit = 20) {
	return db.$queryRaw<SharedReflectionRow[]>`
		${groupSql(group)}
		SELECT r.id, v.title AS "courseTitle", r.prompt, r.text, r."updatedAt"
		FROM grp
		JOIN "ReflectionShare" s ON s."membershipId" = grp."membershipId"
		JOIN "Reflection" r ON r.id = s."reflectionId" AND r."userId" = grp."userId"
		JOIN "Lesson" l ON l.id = r."lessonId"
		JOIN "CourseVersion" v ON v.id = l."versionId"
		WHERE (SELECT ok FROM gate) AND r.text <> '' AND r."updatedAt" >= ${group.since}
		ORDER BY r."updatedAt" DESC, r.id
		LIMIT ${limit}`
}

/**
 * Sets a reflection's self-rating without touching its `updatedAt`: the lesson page's autosave reads
 * that stamp to tell whether the words changed elsewhere, and a rating is not a change to the words.
 */
export async function updateReflectionDifficulty(
	db: Tx,
	{ reflectionId, userId, difficulty }: { reflectionId: string; userId: string; difficulty: number | null },
) {
	return db.$executeRaw`
		UPDATE "Reflection" SET difficulty = ${difficulty}::int WHERE id = ${reflectionId} AND "userId" = ${userId}`
}
