// The demo's free taster videos (ADR 0044): a free preview on every published demo course (its first
// video lesson), and two standalone public videos with transcripts. Idempotent: a course that already
// has previews keeps the trainer's choice, and a video whose web address exists is left as it is.
import { prisma } from '#modules/db/client.ts'
import type { Sector } from '#modules/db/generated/enums.ts'
import { DEMO_VIDEO } from './seed.ts'

type DemoVideo = { slug: string; title: string; summary: string; sectors: Sector[]; script: string }

export const DEMO_PUBLIC_VIDEOS: DemoVideo[] = [
	{
		slug: 'what-working-with-means',
		title: 'What working with means',
		summary:
			'Three minutes on the idea at the centre of relational and restorative practice: doing things with people, rather than to them or for them.',
		sectors: ['FOUNDATIONS', 'SCHOOLS', 'HEALTH_SOCIAL_CARE', 'CRIMINAL_JUSTICE', 'PARENTS_CARERS'],
		script: [
			'Think of the last time someone made a decision about you without asking you. Maybe it was well meant. Maybe it was even the right decision. But you probably did not feel much like carrying it out.',
			'Relational and restorative practice starts from that feeling. When we do things to people, by telling, punishing or controlling, we may get compliance for a while, but we lose their trust. When we do things for people, by rescuing, excusing or fixing, we are kind, but we take away their chance to grow. When we do nothing at all, people are left on their own.',
			'Working with people is the fourth way. It means holding high expectations and giving high support at the same time. It means asking before deciding, explaining why, and being clear about what happens next. It means that when something goes wrong, the people involved help to put it right.',
			'It sounds simple, and it is. It is also hard, because under pressure most of us fall back on telling or rescuing. That is why practice matters: small, everyday habits, such as asking "what happened?" before "why did you do that?", that make working with people the easy choice rather than the effortful one.',
			'Try it this week. Pick one decision you would normally make for someone, and make it with them instead. Notice what changes.',
		].join('\n\n'),
	},
	{
		slug: 'how-a-restorative-school-day-catches-on',
		title: 'How a restorative school day catches on',
		summary:
			'A story about behaviour catching on: how a few adults modelling restorative habits every day changes the way a whole school talks.',
		sectors: ['SCHOOLS'],
		script: [
			'Behaviour is contagious. We all know it about the bad days: one raised voice in a corridor, and soon everyone is shouting. It is just as true of the good ones.',
			'Picture a secondary school where a handful of staff decide to start every tutor period with a five-minute check-in circle. Nothing grand: one question, everyone answers, nobody is forced. "What is one thing on your mind this morning?"',
			'For the first few weeks, it feels awkward. Some pupils pass. Some colleagues roll their eyes. But the tutors keep going, and they keep using the same few questions when there is trouble: what happened, what were you thinking, who has been affected, and what needs to happen to put it right.',
			'Then something shifts. A pupil uses the questions on a friend in the lunch queue. A teaching assistant borrows the circle for a small group. A head of year notices that the same names are turning up in the detention log less often, and asks what has changed.',
			'Nobody issued a policy. A few adults went first, modelled the practice at every opportunity, and it caught on. That is how restorative schools are built: not in a single training day, but in thousands of small, repeated conversations.',
		].join('\n\n'),
	},
]

/** A standalone demo video's transcript, honest that the demo plays one shared clip for every video. */
export function demoPublicVideoTranscript(script: string) {
	return [
		`Demo clip: Circle's demo plays the same ${DEMO_VIDEO.durationSeconds}-second clip for every video, so the video above is not this one. A real video would be its own recording.`,
		`What the clip says:\n${DEMO_VIDEO.words.join('\n')}`,
		`What this video would say:\n\n${script}`,
	].join('\n\n')
}

/**
 * Marks the first video lesson of every published course (or of `courseSlugs`) as a free preview,
 * unless the course already has previews, and adds the demo's standalone public videos.
 */
export async function seedDemoPreviews({ courseSlugs }: { courseSlugs?: string[] } = {}) {
	const courses = await prisma.course.findMany({
		where: {
			publishedVersion: { is: { status: 'PUBLISHED' } },
			previews: { none: {} },
			...(courseSlugs ? { slug: { in: courseSlugs } } : {}),
		},
		select: {
			id: true,
			publishedVersion: {
				select: {
					lessons: {
						where: { kind: 'VIDEO' },
						orderBy: [{ module: { position: 'asc' } }, { position: 'asc' }],
						take: 1,
						select: { key: true },
					},
				},
			},
		},
	})
	const previews = courses.flatMap((course) => {
		const first = course.publishedVersion?.lessons[0]
		return first ? [{ courseId: course.id, lessonKey: first.key }] : []
	})
	if (previews.length > 0) await prisma.coursePreview.createMany({ data: previews, skipDuplicates: true })

	for (const video of DEMO_PUBLIC_VIDEOS) {
		await prisma.publicVideo.upsert({
			where: { slug: video.slug },
			update: {},
			create: {
				slug: video.slug,
				title: video.title,
				summary: video.summary,
				sectors: video.sectors,
				sourceUrl: DEMO_VIDEO.url,
				captionsUrl: DEMO_VIDEO.captionsUrl,
				durationSeconds: DEMO_VIDEO.durationSeconds,
				transcript: demoPublicVideoTranscript(video.script),
			},
			select: { id: true },
		})
	}
	return { previewsAdded: previews.length }
}
