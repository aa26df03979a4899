import type { SeedCourse } from './types.ts'

export const course: SeedCourse = {
	slug: 'restorative-practice-foundations',
	title: 'Restorative Practice Foundations',
	summary:
		'The free starting point for everyone on Circle: the core ideas, language and everyday habits of restorative and relational practice, whatever setting you work or live in.',
	description: `## Who this course is for

Everyone. Teachers and teaching assistants, nurses and care workers, social workers, prison officers and probation staff, youth workers, managers, parents and carers all start here. You do not need any previous training, and nothing in the course assumes a particular job or sector.

## What you will cover

- **Working WITH people** – the social discipline window, and why high expectations and high support belong together
- **Restorative language** – fair process, affective statements and the restorative questions
- **From everyday to formal** – the restorative continuum, check-in and problem-solving circles, and what it takes to repair harm properly

Each module mixes short videos, practical readings with worked examples, and "try this" suggestions you can use the same day.

## How it is assessed

Every module ends with a short quiz. The marked questions check that you have understood the ideas rather than memorised them, and every answer comes with feedback. Reflection questions are not marked: they are saved to your CPD record so you can return to them or use them in supervision, appraisal or revalidation. Pass all three quizzes to receive your certificate.

Once you have finished, the sector courses build directly on this foundation.`,
	sectors: ['FOUNDATIONS'],
	cpdMinutes: 105,
	pricePence: 0,
	sequential: true,
	outcomes: [
		'Explain the social discipline window and recognise when you are working TO, FOR, NOT or WITH people',
		'Apply the three principles of fair process when making decisions that affect others',
		'Use affective statements to say honestly and respectfully how behaviour has affected you',
		'Use the restorative questions to help people reflect on an incident and agree how to put things right',
		'Describe the restorative continuum and choose a proportionate response to a situation',
		'Facilitate a simple check-in circle and recognise when a problem-solving circle could help',
	],
	modules: [
		{
			title: 'Working WITH people',
			summary:
				'Why relationships sit at the centre of restorative practice, and how the social discipline window helps you notice whether you are working with people or doing things to or for them.',
			lessons: [
				{
					key: 'welcome-working-with',
					kind: 'VIDEO',
					title: "Welcome: what restorative practice is (and isn't)",
					transcript: `Hello, and welcome to Circle. I'd like to start with a moment most of us will recognise.

Think of a time at work when a decision that affected you was made somewhere else, by people who never asked what you thought. Perhaps it was a new rota, a change to a policy, or a room you relied on suddenly handed to another team. Even if the decision was a sensible one, you were probably a little less willing to make it work.

Now think of a time when someone sat down with you, explained what was going on, listened to your view and was honest about what could and couldn't change. The outcome might have been just as hard. But you were more likely to go along with it, and you probably trusted that person a bit more afterwards.

That difference is at the heart of restorative practice. It is a way of working that treats relationships as the thing that makes everything else possible: learning, recovery, care and change. It gives us practical tools for building those relationships, for handling conflict when it comes, and for putting things right when someone has been hurt.

Let me be clear about what it is not. It isn't being soft. It isn't letting people off. And it isn't a script you read out after a fight. Done well, it asks a great deal of people. It expects them to face up to what they have done and to play a part in repairing it, and it gives them real help to do that.

There's one more idea I want you to carry through this course: behaviour is catching. If I raise my voice, the room gets louder. If I stay calm and curious, the people around me usually find it easier to do the same. That means the quickest way to shift a culture is rarely a new policy. It's a handful of people behaving differently, consistently, until the new way becomes normal. Every one of us can be one of those people.

Over three modules we'll look at the social discipline window, fair process, the language of affective statements and restorative questions, and how circles work. Whether your setting is a classroom, a ward, a prison landing or a kitchen table, the principles are the same. Let's begin.`,
				},
				{
					key: 'social-discipline-window',
					kind: 'READING',
					title: 'The social discipline window',
					estimatedMinutes: 10,
					markdown: `## Two questions about how we respond

Whenever someone's behaviour falls short, whether it is a pupil, a patient, a person on probation, a colleague or our own child, we make two choices, usually without noticing.

1. **How much do we expect?** This is challenge: setting limits, naming standards, holding people to what they agreed.
2. **How much do we help?** This is support: encouragement, practical help, care and warmth.

Put those two dimensions together and you get four broad ways of responding. This simple model is usually called the **social discipline window**, and it is one of the most useful ideas in restorative practice.

## The four ways of working

- **TO – high challenge, low support.** The response is punitive or authoritarian. Rules are enforced and sanctions handed out, with little interest in what lies behind the behaviour. People may comply while they are being watched, but they often feel resentful and learn little about the effect of what they did.
- **FOR – low challenge, high support.** The response is permissive or rescuing. We make excuses for people, fix their problems for them or lower the bar because life is hard for them. It feels kind, but it quietly takes away their responsibility and can leave them dependent on us.
- **NOT – low challenge, low support.** The response is neglectful. We ignore the problem, hope it goes away or leave someone else to deal with it. This is often where exhausted, overstretched staff end up.
- **WITH – high challenge, high support.** The restorative response. We are clear and honest about what is expected, and we work alongside the person to help them meet it. We do things *with* them, not *to* them or *for* them.

The key point is that challenge and support are not opposites. You do not have to choose between being firm and being kind. The WITH window asks for both at once.

## Nobody lives in one box

We all move around the window. Most of us have a "home" window we fall back on, and under pressure we tend to drift towards TO (snapping, threatening) or NOT (walking past, leaving it for later). Parents who are normally patient can become authoritarian at the end of a long day; a caring manager can rescue a struggling colleague for months without ever raising the real issue.

The aim is not to be perfect. It is to notice which window you are in and to move towards WITH more often.

## A worked example

Callum is a healthcare assistant on a busy medical ward. Over the past fortnight he has arrived ten to fifteen minutes late for four early shifts, and the night staff have had to stay on. His ward manager, Denise, has several options.

- **TO:** She issues a written warning without speaking to him first.
- **FOR:** She quietly moves him to later shifts and covers the gaps herself, never mentioning the lateness.
- **NOT:** She notices, says nothing to Callum and complains about him to other staff.
- **WITH:** She finds a private moment and says: "Callum, you've been late four times in the last two weeks, and the night team have had to stay on each time. I need you here for half past seven. What's been getting in the way?"

In the WITH conversation, Callum explains that his bus route has changed and that he now helps his mother get up each morning since her stroke. Together they agree that he will swap to a later start on two days a week for the next month, and they will review it then. Denise is also clear that if lateness continues on the other days, she will need to take it further.

The standard has not moved: Callum still needs to be on time. What has changed is that Denise has worked on the problem with him, so he is far more likely to solve it.

## Try this

- The next time you respond to a problem, pause for a second and ask yourself: *which window am I in right now?*
- Notice the window you drift towards when you are tired, rushed or anxious. Knowing your pattern is half the battle.
- Choose one situation that keeps recurring at work or at home. Write down what a WITH response would sound like, including both the expectation and the offer of help.
- Ask a colleague you trust which window they see you use most often. Listen to the answer without defending yourself.`,
				},
				{
					key: 'module-1-quiz',
					kind: 'QUIZ',
					title: 'Check your understanding: working WITH people',
					passMark: 70,
					maxAttempts: 3,
					estimatedMinutes: 10,
					questions: [
						{
							kind: 'SINGLE',
							prompt:
								'Amir, a Year 10 pupil, has not handed in homework for three weeks. Which response is closest to working WITH him?',
							explanation:
								'Working WITH keeps the expectation clear (high challenge) while actively helping the person meet it (high support).',
							options: [
								{
									text: 'Meet him briefly, restate what is expected, ask what is getting in the way and agree a plan with a date to check in.',
									isCorrect: true,
									feedback:
										'Yes. The expectation stays clear and Amir is part of working out how to meet it. That combination of high challenge and high support is the WITH window.',
								},
								{
									text: 'Give him a detention and log the missing homework on the system.',
									isCorrect: false,
									feedback:
										'This holds a clear standard, which matters, but without any support or curiosity it sits in the TO window. Amir may serve the detention and still not hand in the next piece.',
								},
								{
									text: 'Tell him not to worry about homework for now because things seem difficult for him at home.',
									isCorrect: false,
									feedback:
										'This is warm, but it lowers the expectation, which puts it in the FOR window. It can leave Amir further behind and send the message that nobody thinks he can manage.',
								},
								{
									text: 'Leave it for now; he will probably catch up before the end of term.',
									isCorrect: false,
									feedback:
										'This is the NOT window: neither challenge nor support. It is an understandable response when we are stretched, but the problem usually grows while we wait.',
								},
							],
						},
						{
							kind: 'MULTIPLE',
							prompt:
								'Which of these statements about the social discipline window are accurate? Select all that apply.',
							options: [
								{
									text: 'Working WITH people combines clear expectations with active support.',
									isCorrect: true,
									feedback: 'Correct. High challenge and high support together are what define the WITH window.',
								},
								{
									text: 'The FOR window is usually the kindest option in the long run.',
									isCorrect: false,
									feedback:
										'It can feel kind in the moment, but rescuing people takes away their responsibility and their chance to learn. Over time it can increase dependence rather than confidence.',
								},
								{
									text: 'Under stress, most of us drift towards TO or NOT responses.',
									isCorrect: true,
									feedback:
										'Correct. Tiredness and pressure tend to push us towards snapping or switching off. Noticing this is the first step to changing it.',
								},
								{
									text: 'Working WITH people means lowering expectations so that everyone can succeed.',
									isCorrect: false,
									feedback:
										'Not quite. Working WITH keeps expectations high. What changes is how much help we offer and how much we involve the person in meeting them.',
								},
							],
						},
						{
							kind: 'SINGLE',
							prompt:
								'Joanne manages a community team. She wants colleagues to stop talking over one another in meetings. Which approach is likely to make the biggest difference?',
							explanation:
								'Behaviour spreads. What leaders do consistently has more influence than what they write down.',
							options: [
								{
									text: 'Email the team a new set of meeting rules.',
									isCorrect: false,
									feedback:
										'Clear expectations help, but a rule sent from above, with no discussion and no example, rarely changes habits on its own.',
								},
								{
									text: 'Arrange for HR to run a communication workshop that she does not attend.',
									isCorrect: false,
									feedback:
										'Training can help, but if the manager is absent the team may conclude that the new behaviour is not really expected of everyone.',
								},
								{
									text: 'Consistently listen fully herself, invite quieter colleagues in, and name it calmly when people are talked over.',
									isCorrect: true,
									feedback:
										'Yes. Modelling the behaviour, every time, makes it visible and normal. Others tend to copy what they see the most influential person in the room doing.',
								},
								{
									text: 'Wait and see whether the problem settles down by itself.',
									isCorrect: false,
									feedback:
										'This is the NOT window. Patterns like this usually become more entrenched, and quieter colleagues stop contributing altogether.',
								},
							],
						},
						{
							kind: 'SCALE',
							prompt:
								'How confident do you feel about recognising which window you are working in during a difficult moment?',
							min: 1,
							max: 5,
							minLabel: 'Not at all confident',
							maxLabel: 'Very confident',
						},
						{
							kind: 'REFLECTION',
							prompt:
								'Think of a recent situation where you responded from the TO, FOR or NOT window. What happened, and what might a WITH response have looked and sounded like?',
							guidance:
								'Be honest and kind to yourself: everyone moves around the window. Describe the situation briefly, name the window you were in, then write the actual words you could have used to combine a clear expectation with real support.',
						},
					],
				},
			],
		},
		{
			title: 'The language of restorative practice',
			summary:
				'Fair process, affective statements and the restorative questions: the everyday language that turns working WITH people into something you can actually do.',
			lessons: [
				{
					key: 'fair-process',
					kind: 'READING',
					title: 'Fair process: engagement, explanation and clear expectations',
					estimatedMinutes: 9,
					markdown: `## Why process matters as much as outcome

People will often accept a decision they do not like if they believe it was reached fairly. They will often resist a decision they might have agreed with if they feel it was imposed on them. This is the idea behind **fair process**, a well-known model from organisational research that sits comfortably alongside restorative practice.

Fair process has three principles.

1. **Engagement** – involving people in decisions that affect them, by asking for their views and taking those views seriously.
2. **Explanation** – making sure everyone involved understands why the final decision was made, including why some suggestions were not taken up.
3. **Expectation clarity** – once the decision is made, being clear about what happens next: the new standards, who does what, and what will happen if things do not go to plan.

## What fair process is not

Fair process is **not** decision by consensus. The person responsible still makes the call. It is not about pleasing everyone, and it is not a consultation exercise run after the decision has already been made; people spot that immediately.

It is about treating people as capable adults (or capable young people) whose views are worth hearing, and being honest with them throughout.

## A worked example

Tariq leads a community mental health team of fourteen staff. The trust has told him the team must move into a smaller office with shared desks by the end of the quarter. He cannot change that decision, but he can decide how the move happens.

**Without fair process**, Tariq might circulate a desk plan by email, announce the move date and deal with complaints as they come in. The plan might even be a good one, but the team would feel that the change was done *to* them.

**With fair process**, Tariq:

- **Engages:** explains the constraint in a team meeting, then asks, "Given that we have to move, what matters most to you about how we set up the new space?" Colleagues raise the need for a private room for difficult phone calls, somewhere to store lone-working equipment, and a fair way to book desks.
- **Explains:** a week later he shares the plan and goes through each suggestion. The private room has been secured. Lockers for equipment have been ordered. A request for fixed desks for senior staff was not adopted, and he explains why: it would leave too few desks for everyone else on busy days.
- **Clarifies expectations:** he sets out the booking system, the clear-desk rule, the date of the move and a review point six weeks later, when the team will look together at what is and is not working.

Some people are still unhappy about the move itself. But the team knows what was decided, why, and what is expected of them, and they have had a real say in the parts that could change.

## Fair process in everyday moments

Fair process is not only for big organisational changes. It applies to:

- a teacher setting up seating arrangements with a new class
- a nurse in charge explaining why patient allocations have changed mid-shift
- a probation officer explaining the conditions of a licence and what will happen if they are breached
- a parent deciding with their teenager how late is too late on a school night

In each case, a few minutes spent asking, explaining and clarifying can save hours of resentment later.

## Try this

- Before your next decision that affects others, write down three headings: *engage, explain, expect*. Note what you will do under each.
- When you cannot change a decision, say so honestly, then ask which parts people *can* influence.
- When you explain a decision, include the suggestions you did not use and why. This shows people they were genuinely heard.
- End every decision conversation with a clear answer to "So what happens now?"`,
				},
				{
					key: 'affective-statements',
					kind: 'VIDEO',
					title: 'Affective statements: saying how it lands',
					transcript: `In this video we're looking at one of the smallest tools in restorative practice, and one of the most powerful: the affective statement.

An affective statement is simply an honest expression of how someone's behaviour has affected you. Instead of labelling the person, you describe the behaviour and say how it landed.

Let me give you an example. Ms Collins is teaching a Year 8 English class. Jayden has been talking over her while she explains the task. She could say, "Jayden, you're being rude again. That's your warning." That's a label, followed by a sanction. Jayden hears that he's rude, and he'll probably defend himself.

Instead, Ms Collins walks over, lowers her voice and says: "Jayden, I'm frustrated, because I've been interrupted three times and I'm worried the people near you haven't heard what to do." Then she moves on.

Notice what's in that statement. There's a feeling: frustrated, worried. There's the specific behaviour: being interrupted three times. And there's the impact: other people missing the instructions. There's no judgement about what kind of person Jayden is. That makes it much harder to argue with, and much easier to respond to.

A simple structure you can use is: "I feel... when... because..." You don't have to stick to it word for word. What matters is that you own the feeling, you name the behaviour, and you describe the effect.

Affective statements aren't only for problems. They work just as well, and arguably better, for recognising the good stuff. "I was really pleased when you helped Mrs Lewis with her shopping bags this morning. It made a difference to her day." Or to a colleague: "I felt so relieved when you picked up that phone call. Thank you." When people regularly hear how their positive behaviour affects others, the harder conversations land better too.

A few tips. Keep it short: one or two sentences. Keep your voice calm; an affective statement delivered as a shout becomes a telling-off. Be genuine: if you're not frustrated, don't say you are. And think about privacy; some statements work best with a quiet word rather than in front of an audience.

Over the next week, try one positive affective statement every day, and notice what happens.`,
				},
				{
					key: 'restorative-questions',
					kind: 'READING',
					title: 'The restorative questions',
					estimatedMinutes: 12,
					markdown: `## Questions that invite responsibility

When something has gone wrong, our instinct is often to ask "Why did you do that?" It sounds reasonable, but "why" questions tend to make people defensive. Most people either do not know why, or they offer a justification: "Because he started it."

The **restorative questions** take a different route. They help a person tell their story, think about the effect of what they did, and work out how to put it right. They are asked in roughly this order.

### For the person who caused harm

1. **What happened?**
2. **What were you thinking at the time?**
3. **What have you thought about since?**
4. **Who has been affected by what you did, and in what way?**
5. **What do you think needs to happen to put things right?**

### For the person who has been harmed

1. **What did you think when you realised what had happened?**
2. **What impact has this had on you and on others?**
3. **What has been the hardest thing for you?**
4. **What do you think needs to happen to put things right?**

## Why this order works

- **Starting with the story** ("What happened?") lets the person be heard before anyone asks anything more difficult. It lowers defences.
- **Asking about thinking** rather than reasons helps people connect their thoughts with their actions, without inviting excuses.
- **Asking who has been affected** widens the lens. Many people have genuinely not considered the effect on others until someone asks.
- **Ending with repair** moves the conversation forward. The person is invited to take an active part in putting things right, rather than being told what their punishment is.

## Tips for using the questions

- **Regulate first.** Nobody reflects well when they are still angry or frightened. Wait until everyone has calmed down, even if that means coming back later.
- **Listen more than you talk.** The questions do the work. Resist the urge to lecture between them.
- **Allow silence.** A pause often means someone is thinking. Count to five before you rephrase.
- **Adapt the words.** With young children or people with communication needs, use simpler language, visual prompts or fewer questions. "What happened? Who got upset? What can we do to help?" works well for a five-year-old.
- **Do not rush to the last question.** Repair agreed before the person understands the impact tends to be shallow.

## A worked example

Kyle, 19, lives in supported accommodation. At two o'clock one morning he played music loudly, and Mrs Osei in the flat below, who works early shifts, banged on his door. There was a shouting match in the corridor. The next afternoon, his key worker, Lena, sits down with him.

> **Lena:** I heard there was some trouble last night. What happened?
>
> **Kyle:** I had a couple of mates round, we had music on. She started banging on the door and screaming at me.
>
> **Lena:** What were you thinking at the time?
>
> **Kyle:** Honestly? That she was overreacting. It wasn't that loud.
>
> **Lena:** And what have you thought about since?
>
> **Kyle:** ...Probably it was louder than I thought. It was late.
>
> **Lena:** Who do you think has been affected?
>
> **Kyle:** Her, I suppose. She works at the hospital. And the others on the corridor. And me, because now everyone thinks I'm a nightmare.
>
> **Lena:** What do you think needs to happen to put things right?
>
> **Kyle:** I could say sorry to her. And keep it down after eleven.

Lena then checks with Mrs Osei whether she would like to hear from Kyle, and how. Mrs Osei agrees to a short conversation with Lena present. Nobody has been lectured, and Kyle has come up with his own plan.

## Try this

- Print the two sets of questions and keep them somewhere you can see them: on a lanyard card, inside a diary or on the staffroom wall.
- Next time you are tempted to ask "Why did you...?", swap it for "What happened?" and notice the difference in the answer.
- Practise the questions with a colleague using a low-stakes example, such as someone taking the last of the milk, before you use them in a tense situation.`,
				},
				{
					key: 'module-2-quiz',
					kind: 'QUIZ',
					title: 'Check your understanding: restorative language',
					passMark: 70,
					maxAttempts: 3,
					estimatedMinutes: 10,
					questions: [
						{
							kind: 'SINGLE',
							prompt: 'Which of these is the best example of an affective statement?',
							options: [
								{
									text: "You're always so rude in team meetings.",
									isCorrect: false,
									feedback:
										'This labels the person ("rude") and generalises ("always"). It is likely to start an argument rather than a reflection.',
								},
								{
									text: 'Why do you keep doing this?',
									isCorrect: false,
									feedback:
										'A "why" question like this often sounds like an accusation and tends to produce a defence or a shrug rather than reflection.',
								},
								{
									text: 'That behaviour is unacceptable and will be recorded.',
									isCorrect: false,
									feedback:
										'This sets a boundary, which can be appropriate, but it says nothing about how the behaviour affected anyone, so it is not an affective statement.',
								},
								{
									text: "I felt frustrated when I was interrupted just now, because I hadn't finished explaining the plan.",
									isCorrect: true,
									feedback:
										'Yes. It owns a feeling, names a specific behaviour and explains the effect, without judging the person.',
								},
							],
						},
						{
							kind: 'SINGLE',
							prompt: 'Why do the restorative questions begin with "What happened?" rather than "Why did you do that?"',
							options: [
								{
									text: "Because the reasons behind someone's behaviour do not matter.",
									isCorrect: false,
									feedback:
										'Reasons do matter, and they often come out naturally when people tell their story. The point is to avoid inviting justification at the start.',
								},
								{
									text: 'Because "why" questions tend to make people defensive, while "what happened" invites them to tell their story.',
									isCorrect: true,
									feedback:
										'Correct. Being heard first lowers defences and makes the later, harder questions easier to answer honestly.',
								},
								{
									text: 'Because it is quicker, so the conversation can be finished sooner.',
									isCorrect: false,
									feedback:
										'Restorative conversations can be brief, but speed is not the reason. The question is chosen because of how people tend to respond to it.',
								},
								{
									text: 'Because people usually lie when asked why.',
									isCorrect: false,
									feedback:
										'That is too cynical. Most people genuinely do not know why in the moment, or they reach for a justification. It is not about dishonesty.',
								},
							],
						},
						{
							kind: 'MULTIPLE',
							prompt: 'Which of the following are principles of fair process? Select all that apply.',
							options: [
								{
									text: 'Engagement: involving people in decisions that affect them',
									isCorrect: true,
									feedback: 'Correct. Asking for and genuinely considering views is the first principle.',
								},
								{
									text: 'Explanation: helping people understand why a decision was made',
									isCorrect: true,
									feedback:
										'Correct. Explaining the reasoning, including what was not adopted, shows people they were heard.',
								},
								{
									text: 'Expectation clarity: being clear about what happens next',
									isCorrect: true,
									feedback:
										'Correct. People need to know the new standards, who does what and how it will be reviewed.',
								},
								{
									text: 'Consensus: everyone must agree before a decision is made',
									isCorrect: false,
									feedback:
										'Fair process is not consensus. The person responsible still makes the decision; what matters is that the process is open and honest.',
								},
							],
						},
						{
							kind: 'SINGLE',
							prompt:
								'You ask, "What were you thinking at the time?" and the young person shrugs and says, "Dunno." What is the most helpful next step?',
							options: [
								{
									text: 'Tell them that "dunno" isn\'t an acceptable answer.',
									isCorrect: false,
									feedback:
										'This is likely to raise defences. "I don\'t know" is often honest, especially when someone is still unsettled or has not yet made sense of what happened.',
								},
								{
									text: 'Answer for them: "You were obviously thinking about getting your own back."',
									isCorrect: false,
									feedback:
										'Putting words in their mouth takes the reflection away from them and may be wrong. It also turns the conversation back into something done TO them.',
								},
								{
									text: 'Give them some time, then try a gentler version, such as "What was going through your head just before it happened?"',
									isCorrect: true,
									feedback:
										'Yes. Silence and a rephrased question give them room to think. You can also move on and return to it later once they have talked about who was affected.',
								},
								{
									text: 'End the conversation and give a sanction instead.',
									isCorrect: false,
									feedback:
										'A sanction may still be needed, but abandoning the conversation at the first shrug misses the chance for the person to understand and repair the harm.',
								},
							],
						},
						{
							kind: 'REFLECTION',
							prompt:
								'Write two affective statements you could use in the coming week: one to recognise something positive someone has done, and one about a behaviour that is bothering you.',
							guidance:
								'Use "I feel... when... because..." as a starting point, then make it sound like you. Keep each statement to one or two sentences and describe the behaviour, not the person.',
						},
					],
				},
			],
		},
		{
			title: 'From everyday conversations to circles',
			summary:
				'The restorative continuum, how to run check-in and problem-solving circles, and what it really takes to repair harm.',
			lessons: [
				{
					key: 'restorative-continuum',
					kind: 'READING',
					title: 'The continuum: from a quiet word to a formal meeting',
					estimatedMinutes: 9,
					markdown: `## Restorative practice is mostly small

When people first hear about restorative practice, they often picture a formal meeting: everyone around a table after a serious incident, with a trained facilitator. Those meetings matter, but they are a small part of the picture.

Most restorative practice is informal, quick and woven into ordinary days. It is helpful to think of a **continuum** running from the informal to the formal.

1. **Affective statements** – a sentence or two about how behaviour has affected you.
2. **Affective questions** – a quick question that invites reflection, such as "Who do you think was affected by that?"
3. **Short impromptu conversations** – a few minutes using the restorative questions, often in a corridor, side room or car.
4. **Group conversations and circles** – bringing a group together to check in, solve a problem or respond to something that has affected everyone.
5. **Formal restorative meetings or conferences** – planned, prepared meetings with a trained facilitator, for more serious harm.

As you move along the continuum, responses take more time, involve more people and need more preparation. They also tend to have more impact on the people involved.

## Proportion and prevention

Two ideas follow from the continuum.

- **Be proportionate.** A formal conference for a minor comment would be out of scale; a passing remark after a serious assault would be far too little. Choose the lightest response that will actually address the harm.
- **Invest at the informal end.** The more affective statements, check-ins and quick conversations happen day to day, the stronger relationships become, and the fewer situations escalate. Proactive, relationship-building work is what makes the responsive work possible. A formal meeting between people who have no relationship at all is much harder to run.

## A worked example: one week in a children's home

Mo is a residential care worker in a small children's home for four young people aged 12 to 16.

- **Monday:** Ella, 14, helps cook dinner without being asked. Mo says, "I really noticed you getting stuck in tonight, Ella. It made the evening feel calmer for everyone." *(Affective statement.)*
- **Tuesday:** Reece, 15, slams a door after a phone call. Later, Mo asks quietly, "That sounded like a tough call. Who else do you think heard the door?" Reece mutters that the youngest, Kai, jumped. *(Affective question.)*
- **Wednesday:** Ella and Reece argue over the television and Ella calls Reece a name. Once both have calmed down, Mo takes ten minutes with each, then briefly with both together, using the restorative questions. They agree a rota for the television. *(Impromptu conversation.)*
- **Thursday:** Food keeps going missing from the shared cupboard and the atmosphere is tense. Mo and a colleague bring everyone together after tea for a problem-solving circle. *(Circle.)*
- **Later that month:** Reece damages another young person's belongings during a serious incident. The home arranges a planned restorative meeting, facilitated by a trained colleague, after careful preparation with everyone involved. *(Formal meeting.)*

Notice how the informal work earlier in the week makes the later, harder conversations more likely to succeed. Reece and Mo already have a way of talking about harm.

## Try this

- Look back over your last working day (or family day). Where on the continuum were your responses? Were there moments where a small step earlier might have prevented something bigger later?
- Aim for at least three informal restorative moments a day for a week: an affective statement, an affective question or a short conversation.
- Find out who in your organisation is trained to facilitate formal restorative meetings, and how to request one.`,
				},
				{
					key: 'running-circles',
					kind: 'VIDEO',
					title: 'Circles: check-in and problem-solving',
					transcript: `Circles are one of the most recognisable restorative practices, and they're used everywhere from primary classrooms to ward huddles, youth offending teams and prison wings. In this video I'll walk you through two kinds: the check-in circle and the problem-solving circle.

First, the basics. A circle is just a group of people sitting so that everyone can see everyone else. No tables in the middle, no one at the front. That physical shape matters. It says that everyone's voice counts equally, including the facilitator's.

Most circles use a talking piece. It can be anything: a soft ball, a pen, a key ring. Whoever holds it speaks; everyone else listens. It slows the conversation down and stops the confident voices dominating.

Everyone has the right to pass. If someone isn't ready to speak, they simply pass the talking piece on. You can offer to come back to them at the end. In my experience, people who pass early often join in once they feel safe.

Let's start with a check-in circle. Its purpose is connection. You pose a simple question and go round. "On a scale of one to ten, how are you arriving today, and why?" Or, "What's one thing you're looking forward to this week?" As the facilitator, you go first. That sets the tone. If you give an honest, short answer, others will follow. A check-in for a team of ten usually takes five minutes or so.

A problem-solving circle takes longer, perhaps twenty to thirty minutes, and it's for a shared issue. Say a staff team keeps falling out about the state of the shared kitchen. You'd name the issue neutrally: "We've got a problem with how the kitchen's being left, and it's causing tension." Then you go round several times. First round: how has this affected you? Second round: what ideas do you have? Third round: what can we agree to try? You finish by summarising the agreement and setting a date to check how it's going.

A few things to avoid. Don't comment on every contribution; just thank people and move on. Don't use a circle to single out one person in front of the group; that's a job for a private conversation. And don't only use circles when things go wrong. If the only time you sit in a circle is when there's trouble, people will dread them.

Start small. Try a two-minute check-in at your next team meeting or family tea, and build from there.`,
				},
				{
					key: 'repairing-harm',
					kind: 'READING',
					title: 'Repairing harm and taking responsibility',
					estimatedMinutes: 10,
					markdown: `## What do we mean by harm?

When something goes wrong between people, the damage is rarely just practical. A broken window costs money to fix, but it also leaves someone feeling unsafe in their own home. An unkind message can be deleted, but the embarrassment and mistrust remain. Restorative practice pays attention to this wider harm: to feelings, to trust and to relationships.

The central question is not "Which rule was broken and what is the punishment?" but "Who has been harmed, what do they need, and whose responsibility is it to put it right?"

## Repair is not the same as...

- **Punishment.** A sanction may still be part of the response, but on its own it rarely helps the person harmed, and it lets the person responsible stay passive.
- **Forgiveness.** Nobody is required to forgive. The person harmed decides how they feel, and a good process never pressures them.
- **A quick apology.** A hurried "sorry" can be a genuine start, but it is often said just to end an uncomfortable moment. Real responsibility goes further: it involves understanding the impact and doing something about it.

## What makes a good repair agreement?

Agreements reached through restorative conversations tend to work best when they are:

1. **Connected to the harm.** Repair should relate to what happened. Cleaning up graffiti makes sense; writing lines does not.
2. **Shaped by the person harmed.** Their needs come first. Sometimes all they want is an acknowledgement and a promise that it will not happen again; sometimes they want something practical.
3. **Offered, not imposed.** The person responsible should be part of deciding what they will do. Commitments people make themselves are more likely to be kept.
4. **Specific and achievable.** Who will do what, by when? Vague promises fade quickly.
5. **Followed up.** Someone checks back, recognises the effort made and deals with anything that has not happened.

## Safety and judgement

Restorative approaches are voluntary for the person harmed, and they are never a substitute for safeguarding. Pause and seek advice, for example from your Designated Safeguarding Lead or manager, when:

- there is a safeguarding concern or possible crime that needs to be reported
- there is a significant imbalance of power, such as in domestic abuse, coercion or sustained bullying
- the person harmed feels any pressure to take part, or the person responsible denies what happened
- emotions are still too raw for anyone to reflect safely

Serious or complex cases need a trained facilitator and proper preparation.

## A worked example

Brian, a retired postman, runs a community garden used by local schools. One Saturday, Ellis and Sami, both in Year 9, climbed the fence and smashed several raised planters. They were identified from a neighbour's doorbell camera.

A trained facilitator met each of them separately first. Brian explained that he had built the planters with pupils from a local special school, who had been upset to see them destroyed. He said he now felt uneasy being at the garden alone. Ellis and Sami, when they heard this, were quiet for a long time.

At the meeting, with their parents present, they listened to Brian and answered the restorative questions. Together they agreed that the boys would spend two Saturday mornings helping Brian rebuild the planters and would write to the pupils who had made the originals. The facilitator phoned Brian a month later: the planters were finished, and Sami had asked whether he could keep volunteering.

## Try this

- Next time someone says "sorry" to end a difficult moment, gently follow up with: "Thank you. What do you think would help put it right?"
- When agreeing repair, ask the person harmed first: "What would help you?"
- Always set a follow-up date. Repair that is never checked is easily forgotten.`,
				},
				{
					key: 'module-3-quiz',
					kind: 'QUIZ',
					title: 'Check your understanding: circles and repairing harm',
					passMark: 70,
					maxAttempts: 3,
					estimatedMinutes: 12,
					questions: [
						{
							kind: 'SINGLE',
							prompt: 'Where on the restorative continuum does most restorative practice take place?',
							options: [
								{
									text: 'At the informal end: affective statements, questions and short conversations',
									isCorrect: true,
									feedback:
										'Correct. Everyday, informal practice builds the relationships that make everything else work, and it prevents many situations from escalating.',
								},
								{
									text: 'At the formal end: planned conferences with a trained facilitator',
									isCorrect: false,
									feedback:
										'Formal meetings are important for serious harm, but they are relatively rare. If they were the main form of practice, relationships would have little foundation.',
								},
								{
									text: 'In the middle: circles held after every incident',
									isCorrect: false,
									feedback:
										'Circles are valuable, but holding one after every incident would be out of proportion, and circles work best when they are also used proactively.',
								},
								{
									text: 'It is evenly spread across the whole continuum.',
									isCorrect: false,
									feedback:
										'Not quite. Informal practice happens far more often, because it is quick and can be used many times a day.',
								},
							],
						},
						{
							kind: 'MULTIPLE',
							prompt: 'Which of these are features of good circle practice? Select all that apply.',
							options: [
								{
									text: 'The facilitator answers the question first, to model the tone and length.',
									isCorrect: true,
									feedback:
										'Correct. Going first shows people what kind of answer is welcome and that the facilitator is taking part too.',
								},
								{
									text: 'Everyone has the right to pass.',
									isCorrect: true,
									feedback: 'Correct. Choice builds safety. People who pass are often ready to speak later.',
								},
								{
									text: 'The facilitator comments on each contribution to show they are listening.',
									isCorrect: false,
									feedback:
										'This usually slows the circle down and shifts attention onto the facilitator. A simple thank you is enough.',
								},
								{
									text: 'Circles are reserved for times when something has gone wrong.',
									isCorrect: false,
									feedback:
										'If circles only happen when there is trouble, people come to dread them. Regular proactive circles make responsive ones far easier.',
								},
							],
						},
						{
							kind: 'SINGLE',
							prompt:
								"Two teenagers have damaged a neighbour's fence with a football. Which agreement is most likely to repair the harm?",
							options: [
								{
									text: 'They are banned from playing football outside for a month.',
									isCorrect: false,
									feedback:
										'This is a sanction rather than a repair. It does nothing for the neighbour, and the teenagers play no active part in putting things right.',
								},
								{
									text: 'Their parents pay for the fence without the teenagers being involved.',
									isCorrect: false,
									feedback:
										'The practical damage is covered, but this sits in the FOR window: the young people are protected from the consequences and learn little.',
								},
								{
									text: 'They each say sorry at the door and the matter is closed.',
									isCorrect: false,
									feedback:
										"An apology can be a good start, but on its own it may not meet the neighbour's needs or fix the fence. Repair usually goes further.",
								},
								{
									text: 'After hearing how the neighbour was affected, they offer to help fix the fence on Saturday and agree where they will play in future.',
									isCorrect: true,
									feedback:
										'Yes. The repair is connected to the harm, shaped by the person affected, offered by the young people themselves, specific and checkable.',
								},
							],
						},
						{
							kind: 'SINGLE',
							prompt: 'In which situation should you pause and seek advice before bringing two people together?',
							options: [
								{
									text: 'When both people are calm and have said they would like to talk.',
									isCorrect: false,
									feedback:
										'This sounds like a good time for a restorative conversation, provided there are no other concerns.',
								},
								{
									text: 'When the person harmed seems to feel pressured to agree, and there are signs of a wider safeguarding concern.',
									isCorrect: true,
									feedback:
										'Correct. Participation must be voluntary for the person harmed, and safeguarding always comes first. Speak to your safeguarding lead or manager before going further.',
								},
								{
									text: 'When the harm was fairly minor, such as a thoughtless comment.',
									isCorrect: false,
									feedback:
										'Minor harm is often well suited to a quick, informal restorative conversation. It does not usually need escalating.',
								},
								{
									text: 'When you have not used the restorative questions before.',
									isCorrect: false,
									feedback:
										'Everyone has to start somewhere. For an everyday issue, trying the questions is fine; for something serious, involve a trained colleague.',
								},
							],
						},
						{
							kind: 'SCALE',
							prompt: 'How confident do you feel about running a short check-in circle with a group you work with?',
							min: 1,
							max: 5,
							minLabel: 'Not at all confident',
							maxLabel: 'Very confident',
						},
						{
							kind: 'REFLECTION',
							prompt:
								'Looking across the whole course, what is one restorative practice you will start using this month, where and with whom? What might get in the way, and how will you handle it?',
							guidance:
								'Be specific: "a two-minute check-in at the start of Tuesday team meetings" is more useful than "use circles more". You might share this plan with a colleague or manager so they can support you.',
						},
					],
				},
			],
		},
	],
}
