import type { SeedCourse } from './types.ts'

export const course: SeedCourse = {
	slug: 'relational-practice-in-schools',
	title: 'Relational Practice in Schools',
	summary:
		'Practical relational and restorative approaches for primary and secondary schools: from the classroom and the playground to attendance, bullying, suspensions and working with families.',
	description: `## Who this course is for

Teachers, teaching assistants, pastoral and inclusion staff, heads of year, SENCos, Designated Safeguarding Leads, midday supervisors and school leaders in primary, secondary and special schools and alternative provision. It builds on **Restorative Practice Foundations**, which we recommend you complete first.

## What you will cover

- **A relational school** – what a whole-school relational culture looks like day to day, including how staff treat one another
- **Restorative conversations** – responding to incidents in class, in corridors and on the playground, and the difference between saying sorry and taking responsibility
- **Bullying** – when restorative approaches help, when they do not, and how they sit alongside safeguarding
- **Circles, attendance and families** – tutor-time circles, relational approaches to attendance, reintegration after suspension and working alongside parents and carers

Lessons are taken in order, with scenarios drawn from real school life: Year 4 football disputes, Year 9 science lessons, group chats and tricky phone calls home.

## How it is assessed

Each module ends with a quiz of marked questions with detailed feedback, a confidence self-rating and a reflection question saved to your CPD record. Schools buying ten or more places receive a reduced rate per place.`,
	sectors: ['SCHOOLS'],
	cpdMinutes: 105,
	pricePence: 4900,
	volumeTiers: [
		{ minQuantity: 10, unitPricePence: 4400 },
		{ minQuantity: 50, unitPricePence: 3900 },
	],
	sequential: true,
	outcomes: [
		'Describe the features of a whole-school relational culture, including the part played by relationships between staff',
		'Use short restorative conversations to respond to incidents in the classroom and on the playground',
		'Distinguish between an apology and genuinely taking responsibility, and help pupils move from one to the other',
		'Judge when a restorative response to bullying is appropriate and how it fits with safeguarding procedures',
		'Facilitate regular circles in tutor or class time',
		'Apply relational approaches to attendance, suspension reintegration and partnership with families',
	],
	modules: [
		{
			title: 'Building a relational school',
			summary:
				'What a relational school feels like from the gate to the staffroom, and how high expectations and high support work together across a whole school.',
			lessons: [
				{
					key: 'what-a-relational-school-feels-like',
					kind: 'VIDEO',
					title: 'What a relational school feels like',
					transcript: `It's twenty to nine on a wet Monday morning, and Leah, who's in Year 7, arrives at the school gate eight minutes late. Her shoes are soaked, her hood's up, and she looks as though she'd rather be anywhere else.

What happens next tells you a great deal about a school.

In one version, the first adult she meets points at her hood, tells her she's late and sends her to the late desk for a same-day detention. All of that might be in line with the behaviour policy. Leah goes to registration angry, says nothing all morning and is in trouble again by lunchtime.

In another version, the adult on the gate says, "Morning, Leah. Hood down once you're inside, please. You're a bit late; is everything all right?" Leah shrugs and says the bus didn't turn up. "Okay, thanks for telling me. Sign in at reception and I'll let your tutor know. See you at break." The late mark still goes on the system. The expectation about the hood is still clear. But Leah walks into school feeling that someone noticed her.

That's the difference a relational culture makes. It doesn't mean abandoning rules or consequences. It means that every interaction, however brief, is also an opportunity to build or damage a relationship. And in a school, there are thousands of those interactions every day.

A relational school is one where this happens consistently, not just when a particularly warm member of staff is on duty. Everyone, from the head teacher to the site team, uses a shared language. Staff greet pupils by name. Incidents are followed by conversations about harm and repair, not only by sanctions. Pupils who are struggling are met with curiosity before judgement.

And here's the part that is often missed: it also depends on how adults treat each other. If staff feel blamed, unheard or unsupported, it's very hard for them to offer warmth and patience to pupils. Pupils notice how the adults around them speak to one another, and they copy it.

In this course, we'll look at how to build that culture, how to run restorative conversations in the classroom and on the playground, how to handle bullying, and how to work with families on attendance and after suspensions. Start by thinking about the first adult your most vulnerable pupil meets each morning, and what that moment feels like for them.`,
				},
				{
					key: 'whole-school-culture',
					kind: 'READING',
					title: 'Whole-school relational culture',
					estimatedMinutes: 12,
					markdown: `## Relationships are the behaviour strategy

In many schools, relational practice begins as an add-on: a few staff are trained, a room is set aside for restorative meetings, and the rest of the behaviour system carries on as before. This rarely lasts. A relational approach works when it shapes how the whole school thinks about behaviour, not just how it responds to the most serious incidents.

At its core is the idea you met in the Foundations course: **high challenge and high support together**. Expectations stay high, routines stay clear and consequences still exist. What changes is that pupils are expected to understand the effect of their behaviour and to play a part in putting it right, and adults give them real help to do that.

## Features of a relational school

Schools that have embedded this well tend to share some common features.

- **Predictable routines.** Pupils know what will happen, and adults respond consistently. Predictability is especially important for pupils who have experienced trauma or who have special educational needs.
- **A shared language.** Everyone uses the same restorative questions and affective statements, so that a pupil hears similar words from a teacher, a teaching assistant and a midday supervisor.
- **Connection built in.** Meet-and-greet at doors, regular circles, and named adults for pupils who need them. Relationships are planned for, not left to chance.
- **Incidents followed by repair.** Sanctions, where they are used, are followed by a conversation about who was affected and what needs to happen next.
- **Curiosity before judgement.** When behaviour changes, staff ask what might be going on, and they work with the SENCo, the Designated Safeguarding Lead and families where needed.
- **Fair process for big decisions.** Pupils, staff and families are involved in shaping the behaviour policy, not just told about it.

## Staff relationships matter too

A relational school is one where adults are treated relationally as well. If a teacher's only experience of a senior leader is being told off after a lesson observation, they are unlikely to feel able to offer patience to a dysregulated Year 9 pupil. Schools that sustain relational practice usually:

- start staff briefings or meetings with a short check-in
- use restorative conversations when staff fall out, rather than leaving tension to fester
- make it safe for staff to say "I got that wrong" or "I need help with this class"
- involve support staff, office staff and site teams in training, not just teachers

## How this fits with inspection and policy

Relational practice does not sit outside the usual expectations on schools. Inspectors, governors and trusts want to see calm, orderly environments, high expectations and fair, consistent responses to poor behaviour. A well-implemented relational approach supports all of those. What it adds is a focus on why behaviour happens and on repair, alongside the consequences your policy sets out.

## A worked example

Ashdown Academy, an 11–16 school, had rising numbers of pupils removed from lessons. Many were removed by the same few teachers, and many of the same pupils were removed again and again.

The school made three changes over a year.

1. Every removal was followed, before the pupil's next lesson with that teacher, by a five-minute restorative conversation between the pupil and the teacher, supported by a pastoral leader if needed.
2. Staff briefings on Mondays began with a two-minute check-in in small groups, and heads of department were trained to use restorative conversations with their own teams.
3. The behaviour policy was rewritten with a working group of staff, pupils and parents, and now explains both the consequences and the expectation of repair.

Staff reported that the conversations felt awkward at first. Over time, several teachers noticed that the pupils they had spoken with were much less likely to be removed from their lessons again.

## Try this

- Stand at your classroom door for the next five lessons and greet every pupil by name. Notice who you find it hardest to greet warmly.
- Pick one pupil you have a difficult relationship with. Aim for two positive, low-stakes interactions with them this week that have nothing to do with their behaviour.
- At your next department or phase meeting, suggest starting with a one-minute check-in round.
- Read your school's behaviour policy and ask: where does it mention repair, and who was involved in writing it?`,
				},
				{
					key: 'module-1-quiz',
					kind: 'QUIZ',
					title: 'Check your understanding: a relational school',
					passMark: 70,
					maxAttempts: 3,
					estimatedMinutes: 10,
					questions: [
						{
							kind: 'SINGLE',
							prompt: 'Which statement best describes a whole-school relational approach to behaviour?',
							options: [
								{
									text: 'It replaces rules and consequences with conversations.',
									isCorrect: false,
									feedback:
										'A common misunderstanding. Relational schools keep clear rules and consequences; they add an expectation of understanding and repair.',
								},
								{
									text: 'It is mainly the job of the pastoral team, who run restorative meetings after serious incidents.',
									isCorrect: false,
									feedback:
										'Pastoral teams play an important role, but if relational practice only happens in one office, most pupils will rarely experience it.',
								},
								{
									text: 'It applies to pupils with special educational needs, while other pupils follow the standard policy.',
									isCorrect: false,
									feedback:
										'Adjustments for individual needs are important, but a relational culture is for every pupil and every adult in the school.',
								},
								{
									text: 'It combines clear expectations and consequences with support, connection and repair, consistently across the school.',
									isCorrect: true,
									feedback:
										'Yes. High challenge and high support, used by everyone and built into routines, is what makes it a whole-school approach rather than an add-on.',
								},
							],
						},
						{
							kind: 'MULTIPLE',
							prompt: 'Which of these are likely to strengthen a relational staff culture? Select all that apply.',
							options: [
								{
									text: 'Starting staff briefings with a short check-in',
									isCorrect: true,
									feedback:
										'Correct. Small, regular moments of connection help staff feel seen and make harder conversations easier.',
								},
								{
									text: 'Using restorative conversations when colleagues fall out',
									isCorrect: true,
									feedback:
										'Correct. Staff experience the approach for themselves, and tension is dealt with rather than left to grow.',
								},
								{
									text: 'Training teachers only, because they spend most time with pupils',
									isCorrect: false,
									feedback:
										'Teaching assistants, midday supervisors, office and site staff have many interactions with pupils. Leaving them out undermines consistency.',
								},
								{
									text: 'Making it safe for staff to ask for help with a difficult class',
									isCorrect: true,
									feedback:
										'Correct. When asking for help is seen as professional rather than as failure, problems are tackled earlier.',
								},
							],
						},
						{
							kind: 'SINGLE',
							prompt:
								"In the video lesson's script, Leah arrives late and the adult on the gate still records the late mark and reminds her about her hood. Why is this still a relational response?",
							options: [
								{
									text: 'Because the adult combined the expectation with warmth and curiosity about how Leah was.',
									isCorrect: true,
									feedback:
										'Exactly. The standard was held, and Leah was treated as a person rather than a problem. That is high challenge with high support.',
								},
								{
									text: 'It is not relational, because any consequence damages the relationship.',
									isCorrect: false,
									feedback:
										'Consequences delivered fairly and warmly do not have to damage relationships. Unpredictable or humiliating consequences are more likely to.',
								},
								{
									text: 'Because the adult decided not to apply the behaviour policy.',
									isCorrect: false,
									feedback: 'The adult did apply the policy. The late mark and the reminder still happened.',
								},
								{
									text: 'Because Leah had a good excuse for being late.',
									isCorrect: false,
									feedback:
										'The response would have been relational even without a reason. What made it relational was the way the adult spoke to her, not the excuse.',
								},
							],
						},
						{
							kind: 'SCALE',
							prompt: 'How relational would you say the culture in your current school is, for pupils and for staff?',
							min: 1,
							max: 5,
							minLabel: 'Not at all relational',
							maxLabel: 'Very relational',
						},
						{
							kind: 'REFLECTION',
							prompt:
								'Think about the first few minutes of the school day for your most vulnerable pupil. What do they experience, and what is one change you could make that would help them feel noticed?',
							guidance:
								'You might think about who greets them, what is said, and what happens if they are late or out of uniform. Keep your change small enough to start tomorrow.',
						},
					],
				},
			],
		},
		{
			title: 'Restorative conversations in class and on the playground',
			summary:
				'Responding to everyday incidents with short, structured conversations, helping pupils move from saying sorry to taking responsibility, and using restorative approaches with bullying safely.',
			lessons: [
				{
					key: 'playground-scenario',
					kind: 'VIDEO',
					title: 'Scenario: after a playground fall-out',
					transcript: `This scenario takes place at a primary school in Leicester. It's the end of lunchtime, and a football game on the field has ended in tears. Ruby and Alfie, both in Year 4, have been pushing each other over a disputed goal. Ruby has a grazed knee, and Alfie is refusing to come inside.

Mr Patel, their class teacher, has heard about it from a midday supervisor. Watch how he handles it.

First, he doesn't try to sort it out straight away. Ruby's knee is cleaned up, and Alfie is given a few minutes with a teaching assistant to calm down. Mr Patel knows that nobody can think clearly while they're still upset.

Fifteen minutes later, while the class is reading, he sits down with Alfie in the corridor. He crouches so he's at Alfie's level.

"Alfie, I heard things went wrong at football. What happened?"

Alfie says Ruby cheated, so he pushed her.

"Okay. What were you thinking when you pushed her?"

"That it wasn't fair."

"That sounds really frustrating. Who do you think got hurt or upset?"

Alfie pauses. "Ruby hurt her knee. And the game stopped, so everyone was cross."

"What do you think would help put it right?"

Alfie thinks, then says he could say sorry. Mr Patel says, "That's a good start. Is there anything else you could do so Ruby knows you mean it?" Alfie suggests he could let Ruby choose the teams tomorrow.

Mr Patel then has a similar conversation with Ruby, asking what happened, how she felt and what would help. Ruby admits she pushed Alfie back. She says she wants Alfie to say sorry, and she wants a rule about who decides if it's a goal.

Finally, he brings them together for two minutes. Each says what they've agreed. They decide that a midday supervisor will be the referee for disputed goals this week.

Notice a few things. Mr Patel waited until both children were calm. He asked the same questions of both, without deciding in advance who was to blame. He used simple language suitable for eight-year-olds. He didn't accept "sorry" as the end of it, but he didn't dismiss it either; he helped Alfie go one step further. And the whole thing took less than ten minutes.

The next day, Mr Patel checks in with both of them at the start of lunch. That follow-up is what makes the agreement stick.`,
				},
				{
					key: 'classroom-conversations',
					kind: 'READING',
					title: 'Short conversations that change the next lesson',
					estimatedMinutes: 12,
					markdown: `## Small conversations, big effects

Most behaviour in classrooms is low-level: talking over the teacher, refusing to start work, a rude comment, a pencil case knocked to the floor. These incidents are dealt with quickly, often with a warning or a sanction, and then forgotten by the adult. They are rarely forgotten by the pupil.

A short restorative conversation, held at the right moment, can change how the *next* lesson goes. It does not need a special room or a trained facilitator. It needs a few minutes, the restorative questions and a genuine interest in the answer.

## When and where

- **Regulate first.** If a pupil is still angry, embarrassed or upset, wait. A calm-down period with a trusted adult, or simply until the end of the lesson, is better than a conversation that turns into a second confrontation.
- **Keep it private.** Corridors, the edge of the classroom during independent work, or the first few minutes of break are all fine. An audience makes pupils defensive.
- **Before the next lesson.** If the relationship has been damaged, aim to speak before you next teach the pupil. Otherwise both of you walk in carrying the last lesson.
- **Side by side can help.** For some pupils, especially teenagers, sitting side by side or walking together is less intense than sitting face to face.

## Adapting for different pupils

- **Younger children** need shorter questions and more concrete language: "What happened? Who got hurt or upset? What can we do to help?"
- **Pupils with SEND** may need visual prompts, more processing time or fewer questions. Speak to your SENCo about how a particular pupil communicates best. Some pupils find it very hard to think about other people's feelings in the moment, and that is not the same as not caring.
- **Pupils who shut down** may do better writing or drawing their answers first.

## Sorry is a start, not an ending

Many of us were brought up to believe that an apology finishes a conflict. In schools, pupils quickly learn that saying "sorry" is the quickest way out of trouble, and it often comes out flat.

An apology looks backwards: it says "I regret what happened". Taking responsibility looks forwards: it asks "what does the other person need from me now?" Genuine responsibility usually includes:

1. **Acknowledging** what you did, without excuses
2. **Understanding** how it affected the other person
3. **Offering** to do something about it, and asking what would help
4. **Following through**, so that trust can be rebuilt

So when a pupil says sorry, thank them, and then ask: "What do you think would show them you mean it?"

## A worked example

Tyler, in Year 9, swore at Ms Okoro in a science lesson when she moved his seat, then walked out. He was removed to the school's reflection room for the rest of the lesson, in line with the behaviour policy.

The next morning, Ms Okoro finds him at registration and asks for five minutes at break. Tyler arrives braced for a telling-off. Instead she asks: "What happened yesterday, from your point of view?" He explains that he had been moved away from the only friend he has in that class, in front of everyone, and felt humiliated.

Ms Okoro listens, then says: "I didn't know that, and I'm glad you told me. When you swore at me, I felt shocked and a bit embarrassed too, in front of the class. Who else do you think was affected?" Tyler says the rest of the class lost time. He offers an apology. Ms Okoro asks what else might help. They agree that he will apologise to her briefly at the start of the lesson, and that in future, if she needs to move him, she will do it quietly and explain why afterwards.

The consequence still happened. But the next lesson began with a repaired relationship rather than a grudge on both sides.

## Try this

- Choose one pupil you have recently sanctioned. Find five minutes before your next lesson with them to ask, "What happened, from your side?"
- Carry a small card with the restorative questions until they become second nature.
- When a pupil says sorry, practise the follow-up: "Thank you. What would show them you mean it?"
- Notice whether there are pupils you never have these conversations with, and ask yourself why.`,
				},
				{
					key: 'bullying-and-restorative-approaches',
					kind: 'READING',
					title: 'Bullying and restorative approaches',
					estimatedMinutes: 11,
					markdown: `## A careful fit

Bullying is one of the areas where restorative practice can do the most good, and also one where it needs the most care. Bullying is repeated, intentional and involves an imbalance of power. That imbalance means a face-to-face meeting is not automatically safe or fair. Used well, restorative approaches can stop bullying, rebuild a sense of safety and change the behaviour of bystanders. Used carelessly, they can leave a pupil feeling pressured to "make up" with the person who has been hurting them.

## Principles to hold on to

1. **Safeguarding comes first.** If there is any concern that a pupil is at risk of significant harm, including from online abuse, sexual harassment or exploitation, follow your safeguarding procedures and speak to the Designated Safeguarding Lead before anything else.
2. **Start with the pupil who has been harmed.** Listen fully. Find out what has happened, how it has affected them and what they want. Take it seriously even if it seems minor to you.
3. **Their choice, their pace.** A pupil who has been bullied must never be pressured into meeting the person responsible. There are many restorative options that do not involve a meeting at all.
4. **Make them safer now.** Whatever else happens, agree practical steps that improve safety immediately: where they go at break, who they can talk to, what staff will watch for.
5. **Follow up for weeks, not days.** Bullying often goes underground. Check in regularly and ask specific questions.

## Options along the continuum

- **Separate restorative conversations** with the pupil or pupils responsible, helping them understand the impact and agree to stop. The pupil harmed does not need to be present.
- **Working with the wider group.** Many bullying situations depend on bystanders. A conversation or circle with the wider friendship group, focused on how everyone can help, can shift the dynamic without singling anyone out in public.
- **Indirect communication.** A written apology or message passed on by a trusted adult, if the pupil harmed wants one.
- **A facilitated meeting,** only when the pupil harmed genuinely wants it, both sides have been prepared separately, and a trained facilitator judges it safe.

Sanctions set out in your anti-bullying policy may still apply alongside these approaches.

## A worked example

Maisie, in Year 8, tells her form tutor, Mr Davies, that she has been removed from a class group chat and that screenshots of her messages are being shared with unkind comments. She has stopped going to the canteen.

Mr Davies listens, writes down what she says and checks whether any of the content raises safeguarding concerns; it does not involve images, threats or anything sexual, but he logs it and informs the DSL and head of year as the policy requires. He asks Maisie what she most wants. She says she wants it to stop and does not want to be in a room with the girls involved.

The head of year speaks separately with the three pupils who started the screenshots, using the restorative questions. Two of them had not considered that Maisie had stopped eating lunch. They agree to delete the posts and to stop. The third pupil denies involvement, so that part is handled through the usual anti-bullying procedures.

Mr Davies then runs a circle with the wider tutor group on how online group chats can leave people out, without naming anyone. Maisie is offered a lunchtime club, and he checks in with her every week for half a term. Three weeks later, she tells him one of the girls has invited her back into the group chat, and she has said yes.

## Try this

- Read your school's anti-bullying policy and find where restorative approaches are mentioned. If they are not, raise it with your pastoral lead.
- When a pupil reports bullying, ask "What would help you feel safer tomorrow?" before anything else.
- Think about the bystanders in a current situation you know about. What would it take for them to step in?`,
				},
				{
					key: 'module-2-quiz',
					kind: 'QUIZ',
					title: 'Check your understanding: restorative conversations and bullying',
					passMark: 70,
					maxAttempts: 3,
					estimatedMinutes: 12,
					questions: [
						{
							kind: 'SINGLE',
							prompt:
								'A Year 9 pupil swears at you and storms out of your lesson. When is the best time for a restorative conversation?',
							options: [
								{
									text: 'Immediately, in the corridor, while the incident is fresh',
									isCorrect: false,
									feedback:
										'While the pupil is still dysregulated, they are unlikely to reflect, and you may still be upset too. The conversation risks becoming a second confrontation.',
								},
								{
									text: 'At the end of term, when things have settled down',
									isCorrect: false,
									feedback:
										'Waiting that long means several more lessons begin with unresolved tension, and the moment for repair is largely lost.',
								},
								{
									text: 'Once you are both calm, and ideally before you next teach them',
									isCorrect: true,
									feedback:
										'Yes. Calm allows reflection, and speaking before the next lesson means you both walk in with the relationship repaired rather than damaged.',
								},
								{
									text: 'Only if the pupil asks for one',
									isCorrect: false,
									feedback:
										"Pupils rarely ask, especially when they expect to be in trouble. It is the adult's job to create the opportunity.",
								},
							],
						},
						{
							kind: 'SINGLE',
							prompt: 'Which response best helps a pupil move from apologising to taking responsibility?',
							options: [
								{
									text: '"Say it like you mean it."',
									isCorrect: false,
									feedback:
										'This usually produces a louder but no more sincere apology, and it can feel humiliating, especially in front of others.',
								},
								{
									text: '"Thank you for saying sorry. What do you think would show them you mean it?"',
									isCorrect: true,
									feedback:
										'Yes. It values the apology and invites the pupil to think about what the other person needs, which is the heart of taking responsibility.',
								},
								{
									text: '"Sorry isn\'t good enough. You\'ll be in detention tomorrow."',
									isCorrect: false,
									feedback:
										'A consequence may still be appropriate, but dismissing the apology teaches the pupil that trying to make amends is pointless.',
								},
								{
									text: '"Good, that\'s sorted then. Off you go."',
									isCorrect: false,
									feedback:
										'Accepting the apology as the end of the matter misses the chance for the pupil to understand the impact and do something about it.',
								},
							],
						},
						{
							kind: 'MULTIPLE',
							prompt:
								'A pupil tells you they are being bullied. Which of the following reflect safe restorative practice? Select all that apply.',
							options: [
								{
									text: 'Listening fully and asking what they want to happen',
									isCorrect: true,
									feedback:
										'Correct. The pupil who has been harmed should be heard first, and their wishes should shape what follows.',
								},
								{
									text: 'Arranging a meeting with the pupils responsible that afternoon so it can be resolved quickly',
									isCorrect: false,
									feedback:
										'Rushing to a meeting ignores the power imbalance in bullying. Any meeting must be wanted by the pupil harmed and carefully prepared.',
								},
								{
									text: 'Following safeguarding procedures and informing the DSL if there is any concern about risk of harm',
									isCorrect: true,
									feedback: 'Correct. Restorative approaches never replace safeguarding; they sit alongside it.',
								},
								{
									text: 'Agreeing practical steps that make the pupil safer straight away',
									isCorrect: true,
									feedback:
										'Correct. Immediate safety, such as where to go at break and who to talk to, matters whatever else happens.',
								},
								{
									text: 'Closing the case once the pupils responsible have apologised',
									isCorrect: false,
									feedback: 'Bullying often continues out of sight. Regular follow-up over several weeks is essential.',
								},
							],
						},
						{
							kind: 'SCALE',
							prompt:
								'How confident do you feel about holding a short restorative conversation after an incident in your lessons?',
							min: 1,
							max: 5,
							minLabel: 'Not at all confident',
							maxLabel: 'Very confident',
						},
						{
							kind: 'REFLECTION',
							prompt:
								'Think of a pupil whose relationship with you has been damaged by an incident. How might a short restorative conversation help, and what would you say to open it?',
							guidance:
								'Write down your first two sentences. Consider when and where you would hold the conversation, and anything you might need to acknowledge about your own part in what happened.',
						},
					],
				},
			],
		},
		{
			title: 'Circles, attendance, exclusion and families',
			summary:
				'Using circles in tutor and class time, and bringing relational approaches to attendance, reintegration after suspension and partnership with parents and carers.',
			lessons: [
				{
					key: 'circles-in-tutor-time',
					kind: 'READING',
					title: 'Circles in tutor and class time',
					estimatedMinutes: 10,
					markdown: `## Why regular circles?

Circles are one of the simplest ways to build the relationships that make everything else in school easier. A tutor group or class that meets in a circle every week gets to know one another, practises listening, and develops a way of talking about problems before they become serious. When something does go wrong, a group that is used to circles can use one to sort it out.

The key word is *regular*. A circle that only happens after trouble feels like a punishment. A circle that happens every Monday and Thursday feels like part of the week.

## Setting up

- **Space.** Chairs in a ring, with no desks in the middle. In a cramped classroom, pupils can turn their chairs or stand. Some tutors use the hall or library once a week.
- **Talking piece.** Anything that can be passed round. Some groups choose their own.
- **Agreements.** In the first circle, agree a few simple guidelines together, for example: one voice at a time, listen to understand, you can pass, what is said stays in the circle unless someone is at risk. Be clear that you will have to pass on anything that suggests someone is unsafe.
- **Timing.** Ten minutes is enough for a check-in with thirty pupils if answers are short. Say how long each answer should be: "one word" or "one sentence" rounds move quickly.

## Circle prompts across the year

**Getting to know each other (autumn term)**
- If you could have any superpower for a day, what would it be?
- What is something you are good at that most people here do not know about?

**Checking in**
- How are you arriving today, on a scale of one to ten?
- What is one thing that went well this week?

**Going deeper (once trust is established)**
- What makes a good friend?
- What is something that worries you about the exams, or about moving to the next year?
- When have you felt left out, and what helped?

## Problem-solving circles

When an issue affects the whole group, such as a mess left in the form room, a falling-out that has split the class, or unkind comments online, a problem-solving circle can help.

1. Name the issue neutrally, without blaming individuals.
2. First round: "How has this affected you?"
3. Second round: "What ideas do you have to sort it out?"
4. Third round: "What can we agree to try?"
5. Summarise, write up the agreement and set a date to review.

## A worked example

Mrs Begum's Year 9 tutor group has been reluctant about circles. In the first few weeks, several pupils pass every time and two boys make jokes throughout. She keeps the circles short and the questions light, always answers first herself and thanks everyone, including those who pass. She speaks to the two boys privately, rather than in the circle, and asks if one of them would like to choose next week's question.

By half term, most pupils are joining in. In the spring, when a row on social media splits the group, she runs a problem-solving circle. Pupils talk about how the atmosphere has made them not want to come to tutor time. They agree some guidelines for the class group chat, and one pupil volunteers to set it up again with new rules.

## Try this

- Run a one-word check-in at the start of your next tutor or class session.
- Ask the group to help write the circle agreements, so they own them.
- Keep a list of prompts and let pupils add their own.
- If a circle goes badly, keep going. Shorten it, lighten the question and try again next week.`,
				},
				{
					key: 'attendance-exclusion-families',
					kind: 'READING',
					title: 'Attendance, suspension and working with families',
					estimatedMinutes: 13,
					markdown: `## Relationships pull pupils into school

Attendance is often treated as a data and enforcement issue: letters home, meetings, penalty warnings. These have their place. But pupils are far more likely to come to school when they feel someone there knows them, notices when they are absent and is pleased to see them when they return. Relationships are a powerful *pull* factor.

Some pupils are absent because of anxiety, unmet special educational needs, bullying, caring responsibilities or difficulties at home. You may hear the term emotionally based school avoidance for pupils whose absence is driven by anxiety or distress. For these pupils, pressure alone tends to make things worse, while a trusted adult and a plan made *with* the family can make a real difference.

## A relational approach to attendance

- **Notice early.** A named adult who spots a pattern of absence in the first few weeks can have a much easier conversation than one who waits until a formal threshold is reached.
- **Open with curiosity.** "We've missed Kacper this week. Is everything okay?" lands very differently from "Kacper's attendance is below the expected level."
- **Plan together.** Use fair process with pupils and families: ask what is getting in the way, explain what the school needs and why, and agree clear next steps.
- **Welcome back.** The first minutes after a return matter. A warm greeting, rather than a list of missed work or a comment about absence, makes the next day more likely.
- **Keep statutory duties in view.** A relational approach works alongside your school's attendance procedures and safeguarding responsibilities. Unexplained absence can be a safeguarding concern, and the DSL must be involved where there are worries.

## Suspensions and reintegration

Relational practice can help reduce suspensions by addressing problems earlier, but when a suspension does happen, the return is a crucial moment. A reintegration meeting can easily feel like a second punishment, with the pupil sitting silently while adults list their failings.

A restorative reintegration meeting is different.

1. Prepare the pupil and their parent or carer beforehand, so they know what to expect.
2. Use the restorative questions: what happened, what the pupil was thinking, who has been affected, and what needs to happen now.
3. Include, where appropriate, anyone directly affected, or bring their views if they do not wish to attend.
4. Agree a plan that includes both support (a key adult, adjustments, a check-in) and expectations.
5. Set a review date and stick to it.

## Working with families

Parents and carers can feel that school only contacts them when something is wrong. Some had difficult experiences of school themselves. The social discipline window applies to families too: we can do things *to* them (summon, inform, warn), *for* them (take over, make excuses), or work *with* them.

Working with families includes:

- making positive phone calls home, not only difficult ones
- listening first when a parent is angry, rather than defending the school straight away
- being honest about what the school can and cannot change
- agreeing actions on both sides, and following up

## A worked example

Kacper is in Year 10. His attendance has dropped sharply over the spring term, mostly Mondays and Fridays. The automated letters have gone unanswered.

His head of year, Mr Hughes, phones his mum, Mrs Nowak, and starts by saying that Kacper is missed and that his art teacher says he has real talent. Mrs Nowak, who had expected a telling-off, relaxes. She explains that she has started working weekend night shifts and that Kacper has been looking after his younger sister on Friday nights and Monday mornings.

Mr Hughes explains that Kacper's attendance is a legal requirement and matters for his GCSEs, and asks what might help. Together they agree that Kacper will be linked with the school's young carers support, that his sister's primary school will be asked about breakfast club, and that Kacper will check in with his art teacher on Monday mornings. They agree to speak again in three weeks.

## Try this

- Make one positive phone call home this week to a family you usually only contact about problems.
- Review your next reintegration meeting plan: where do support, expectations and the pupil's voice appear?
- Ask a pupil who has returned after absence what made coming back easier or harder.`,
				},
				{
					key: 'module-3-quiz',
					kind: 'QUIZ',
					title: 'Check your understanding: circles, attendance and families',
					passMark: 70,
					maxAttempts: 3,
					estimatedMinutes: 12,
					questions: [
						{
							kind: 'SINGLE',
							prompt:
								'In the first few weeks of tutor circles, several pupils pass every time and two pupils make jokes. What is the most helpful response?',
							options: [
								{
									text: 'Keep circles short and light, answer first yourself, thank everyone and speak to the jokers privately.',
									isCorrect: true,
									feedback:
										'Yes. Consistency and modelling build safety over time, and a private conversation avoids turning the circle into a public confrontation.',
								},
								{
									text: 'Stop the circles, because the group is not ready.',
									isCorrect: false,
									feedback:
										'Early reluctance is normal. Groups usually need several weeks of short, low-risk circles before they settle.',
								},
								{
									text: 'Insist that every pupil answers, so that passing does not become a habit.',
									isCorrect: false,
									feedback:
										'Removing the right to pass usually makes pupils less willing to engage. Choice is part of what makes circles feel safe.',
								},
								{
									text: 'Challenge the two pupils in front of the circle so everyone sees the expectation.',
									isCorrect: false,
									feedback:
										'Calling people out in the circle can humiliate them and makes others wary. The expectation can be set privately and modelled publicly.',
								},
							],
						},
						{
							kind: 'MULTIPLE',
							prompt: 'Which of these reflect a relational approach to attendance? Select all that apply.',
							options: [
								{
									text: 'A named adult noticing patterns early and getting in touch',
									isCorrect: true,
									feedback:
										'Correct. Early, personal contact is far easier and more effective than waiting for a formal threshold.',
								},
								{
									text: 'Opening a conversation with curiosity about how the pupil is',
									isCorrect: true,
									feedback: 'Correct. Curiosity invites families to share what is really getting in the way.',
								},
								{
									text: 'Setting aside attendance procedures and safeguarding duties in favour of conversations',
									isCorrect: false,
									feedback:
										'Relational approaches work alongside statutory procedures and safeguarding, not instead of them. Unexplained absence can be a safeguarding concern.',
								},
								{
									text: 'Greeting pupils warmly when they return',
									isCorrect: true,
									feedback: 'Correct. A warm welcome makes it more likely the pupil will come back the next day.',
								},
							],
						},
						{
							kind: 'SINGLE',
							prompt: 'What most distinguishes a restorative reintegration meeting after a suspension?',
							options: [
								{
									text: 'The pupil is reminded of all the rules they have broken this year.',
									isCorrect: false,
									feedback:
										'Listing past failings tends to make the meeting feel like a second punishment and rarely changes behaviour.',
								},
								{
									text: 'The meeting is skipped so the pupil can make a fresh start without fuss.',
									isCorrect: false,
									feedback:
										'A fresh start matters, but skipping the meeting misses the chance to repair harm and put support in place.',
								},
								{
									text: 'The pupil is prepared beforehand, helped to reflect on the harm, and involved in a plan that includes both support and expectations.',
									isCorrect: true,
									feedback:
										'Yes. Preparation, reflection and a jointly agreed plan with high challenge and high support are what make it restorative.',
								},
								{
									text: 'The parent or carer signs a behaviour contract written by the school.',
									isCorrect: false,
									feedback:
										'A contract written without the family or pupil is something done TO them. Agreements made together are more likely to hold.',
								},
							],
						},
						{
							kind: 'SCALE',
							prompt: 'How confident do you feel about running a regular circle with a tutor group or class?',
							min: 1,
							max: 5,
							minLabel: 'Not at all confident',
							maxLabel: 'Very confident',
						},
						{
							kind: 'REFLECTION',
							prompt:
								'Think of a family you find it difficult to work with. Which part of the social discipline window (TO, FOR, NOT or WITH) do your contacts with them usually fall into, and what would working WITH them look like next time?',
							guidance:
								'Consider how and when you usually contact them, how conversations begin, and whether they ever hear good news from school. Identify one concrete change.',
						},
					],
				},
			],
		},
	],
}
