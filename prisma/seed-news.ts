// Demo news and insights (ADR 0043): three published posts in Circle's own words, one per sector,
// and one draft that only the studio shows. The schools post has a Welsh version (NewsPostTranslation),
// so /news in Welsh shows one post in Welsh beside the others in English. Idempotent: a post already there (by its web address)
// is left as it is, so a trainer's edits to the demo survive a re-seed.
import { prisma } from '#modules/db/client.ts'
import type { Sector } from '#modules/db/generated/enums.ts'

type SeedPost = {
	slug: string
	title: string
	summary: string
	body: string
	sectors: Sector[]
	publishedAt: Date | null
	welsh?: { title: string; summary: string; body: string }
}

export const DEMO_NEWS_POSTS: SeedPost[] = [
	{
		slug: 'a-first-term-of-restorative-conversations',
		title: 'A first term of restorative conversations',
		summary:
			'What changed in one primary school when staff swapped “Why did you do that?” for four different questions, and what was harder than they expected.',
		sectors: ['SCHOOLS', 'FOUNDATIONS'],
		publishedAt: new Date('2026-10-14T08:00:00Z'),
		welsh: {
			title: 'Tymor cyntaf o sgyrsiau adferol',
			summary:
				'Beth newidiodd mewn un ysgol gynradd pan roddodd y staff bedwar cwestiwn gwahanol yn lle “Pam wnest ti hynny?”, a beth oedd yn anoddach na’r disgwyl.',
			body: `Ym mis Medi, cytunodd staff ysgol gynradd â dau ddosbarth ym mhob blwyddyn i roi cynnig ar un peth am dymor. Pan âi rhywbeth o’i le rhwng plant, neu rhwng plentyn ac oedolyn, nid cosb na phregeth fyddai’r ymateb cyntaf. Sgwrs fer fyddai hi, wedi’i hadeiladu ar bedwar cwestiwn:

1. Beth ddigwyddodd?
2. Beth oeddet ti’n ei feddwl a’i deimlo ar y pryd?
3. Pwy sydd wedi cael eu heffeithio, a sut?
4. Beth sydd angen digwydd nawr i wneud pethau’n iawn?

## Beth newidiodd

Y peth cyntaf a sylwodd y staff arno oedd amser. Mae sgwrs adferol wrth ddrws y dosbarth yn cymryd tri neu bedwar munud; mae cadw plentyn i mewn, gyda’r llythyr adref a’r dilyn i fyny, yn cymryd llawer mwy o amser ac anaml y mae’n newid dim. Erbyn hanner tymor, dywedodd athrawon eu bod yn treulio llai o amser ar ymddygiad, nid mwy.

Yr ail oedd pwy oedd yn siarad. Mae “Pam wnest ti hynny?” yn gwahodd codi ysgwyddau neu amddiffyn. Mae “Beth oeddet ti’n ei feddwl ar y pryd?” yn gwahodd ateb. Yn araf, dechreuodd plant a oedd wedi dysgu aros yn dawel pan oedden nhw mewn trwbl egluro eu hunain, a gwrando pan oedd y plentyn arall yn egluro hefyd.

## Beth oedd yn anoddach

Cysondeb. Dim ond os yw pob oedolyn yn eu defnyddio y mae’r cwestiynau’n gweithio, gan gynnwys amser cinio ac ar yr iard, lle mae’r rhan fwyaf o bethau’n digwydd. Daeth yr ysgol â’r goruchwylwyr amser cinio i mewn i’r hyfforddiant yn y bumed wythnos, ac roedd y gwahaniaeth i’w weld o fewn pythefnos.

Dilyn drwodd hefyd. Dim ond os yw rhywun yn gwirio, yn garedig, fod y peth wedi digwydd y mae cytundeb i “wneud pethau’n iawn” yn werth rhywbeth. Mae athrawon dosbarth bellach yn cadw nodyn byr o bob cytundeb ac yn edrych yn ôl arno bob dydd Gwener.

## Beth nad yw

Nid absenoldeb canlyniadau yw ymarfer adferol. Roedd plant yn dal i’w hwynebu; y gwahaniaeth yw bod y canlyniad wedi’i benderfynu *gyda* nhw, ac fel arfer roedd yn golygu atgyweirio’r niwed yn hytrach na dim ond treulio amser. Ni aeth disgwyliadau uchel i unman. Cyrhaeddodd y gefnogaeth i’w cyflawni.`,
		},
		body: `In September, the staff of a two-form-entry primary school agreed to try one thing for a term. When something went wrong between children, or between a child and an adult, the first response would not be a sanction or a lecture. It would be a short conversation built on four questions:

1. What happened?
2. What were you thinking and feeling at the time?
3. Who has been affected, and how?
4. What needs to happen now to put things right?

## What changed

The first thing staff noticed was time. A restorative conversation at the classroom door takes three or four minutes; a detention, with the letter home and the follow-up, takes far longer and rarely changes anything. By half term, teachers said they were spending less time on behaviour, not more.

The second was who did the talking. “Why did you do that?” invites a shrug or a defence. “What were you thinking at the time?” invites an answer. Children who had learned to stay silent in trouble began, slowly, to explain themselves, and to listen when the other child explained too.

## What was harder

Consistency. The questions only work if every adult uses them, including at lunchtime and on the playground, where most incidents happen. The school brought midday supervisors into the training in week five, and the difference was visible within a fortnight.

Follow-through, too. An agreement to “put things right” is only worth something if someone checks, kindly, that it happened. Class teachers now keep a short note of each agreement and look back at it on Friday.

## What it is not

Restorative practice is not the absence of consequences. Children still faced them; the difference is that the consequence was worked out *with* them, and usually involved repairing the harm rather than simply serving time. High expectations did not go anywhere. The support to meet them arrived.`,
	},
	{
		slug: 'huddles-in-a-circle-a-community-health-team',
		title: 'Huddles in a circle: a community health team’s ten minutes',
		summary:
			'A community nursing team replaced its morning handover with a short circle. Everyone speaks once before anyone speaks twice, and the quieter voices changed the plan.',
		sectors: ['HEALTH_SOCIAL_CARE'],
		publishedAt: new Date('2026-11-05T09:30:00Z'),
		body: `Community nursing teams start the day under pressure: a caseload that changed overnight, cars to allocate, a colleague off sick. The morning huddle is meant to share the load, but in many teams it turns into the team leader reading out a list while everyone else looks at their phones.

One team we worked with tried something different. For ten minutes each morning they stand in a circle, and the huddle follows the rhythm of a restorative circle.

## How it works

- **A round to start.** Each person says, in a sentence, how they are arriving today. Nobody has to explain; “I didn’t sleep well” is enough. It tells the team who might need a lighter list.
- **A round on the work.** Each person names the visit they are most concerned about. The team leader speaks last, not first.
- **One question to close.** “Who needs something from someone else today?” Offers of help are made out loud, in front of everyone.

The rule is simple: everyone speaks once before anyone speaks twice.

## What the team noticed

The healthcare assistants, who had rarely spoken in the old handover, turned out to know things nobody else did: which patient’s daughter had just moved away, which house had a new dog. Twice in the first month that knowledge changed who visited whom.

The team leader found the circle harder than expected. Speaking last meant holding back answers she already had. She says it was worth it: problems now reach her earlier, from the people closest to them.

## Why circles work here

A circle is not a gimmick. It makes the relationships in the team visible and gives everyone the same footing for a few minutes. When something goes wrong later, a complaint, a missed visit, a disagreement, the team already has a way of talking that works.`,
	},
	{
		slug: 'high-challenge-high-support-in-supervision',
		title: 'What “high challenge, high support” means for supervision',
		summary:
			'The social discipline window is often taught about children. It says just as much about how we supervise staff, and about why both neglect and rescue let people down.',
		sectors: ['CRIMINAL_JUSTICE', 'FOUNDATIONS'],
		publishedAt: new Date('2026-11-26T10:00:00Z'),
		body: `Anyone who has done restorative training has met the social discipline window: two lines, challenge and support, and four ways of working with people.

- **Low challenge, low support** is *neglectful*: nothing is asked and nothing is offered.
- **High challenge, low support** is *punitive*: doing things **to** people.
- **Low challenge, high support** is *permissive*: doing things **for** people.
- **High challenge, high support** is *restorative*: doing things **with** people.

It is usually drawn with children in mind. In probation, prison and youth justice teams, it also describes supervision, the conversations between a practitioner and the person who manages them.

## The punitive supervisor

Targets are checked, late reports are noticed, and little else happens. Practitioners learn to present their cases defensively. The difficult case, the one that keeps them awake, is never raised, because raising it feels like admitting failure.

## The permissive supervisor

Kind, available, and reluctant to ask anything hard. The practitioner feels looked after, until something goes wrong and it becomes clear that nobody was holding the standard with them. Rescue feels like support at the time. It rarely is.

## Working with

Restorative supervision asks for both at once. It is clear about what good practice looks like, names it when it is missing, and then stays in the room to work out what would help. A useful test after a supervision session: *did I leave knowing exactly what is expected, and feeling able to do it?* If either half is missing, the session sat in the wrong box.

## Three questions to bring

1. What is the hardest case on your list right now, and what makes it hard?
2. What are you expecting of yourself that nobody else has asked for?
3. What would you need from me to do this well?

Relationships with the people we supervise mirror the relationships we ask them to build with the people on their caseloads. The window applies to us too.`,
	},
	{
		slug: 'draft-talking-with-teenagers-about-repair',
		title: 'Talking with teenagers about putting things right',
		summary:
			'A draft for parents and carers: how the restorative questions sound at home, at the kitchen table rather than in the classroom.',
		sectors: ['PARENTS_CARERS'],
		publishedAt: null,
		body: `*Draft: still being written.*

Most parents have had the argument that ends with a slammed door. This post will look at what happens when the conversation afterwards starts with “What happened?” instead of “How dare you?”`,
	},
]

/** The demo's news posts, written by `authorId` (the demo trainer). Idempotent. */
export async function seedDemoNews({ authorId }: { authorId: string }) {
	let created = 0
	for (const post of DEMO_NEWS_POSTS) {
		const existing = await prisma.newsPost.findUnique({ where: { slug: post.slug }, select: { id: true } })
		if (existing) continue
		const published = post.publishedAt !== null
		await prisma.newsPost.create({
			data: {
				slug: post.slug,
				title: post.title,
				summary: post.summary,
				body: post.body,
				sectors: post.sectors,
				authorId,
				status: published ? 'PUBLISHED' : 'DRAFT',
				publishedAt: post.publishedAt,
				createdAt: post.publishedAt ?? new Date('2026-12-01T09:00:00Z'),
				updatedAt: post.publishedAt ?? new Date('2026-12-01T09:00:00Z'),
				...(post.welsh ? { translations: { create: { language: 'cy', ...post.welsh } } } : {}),
			},
			select: { id: true },
		})
		created++
	}
	return { created }
}
