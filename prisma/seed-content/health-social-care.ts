import type { SeedCourse } from './types.ts'

export const course: SeedCourse = {
	slug: 'restorative-conversations-in-health-and-social-care',
	title: 'Restorative Conversations in Health and Social Care',
	summary:
		'Relational and restorative skills for NHS and social care teams: better handovers, speaking up safely, resolving conflict between colleagues, restorative supervision and working alongside patients and families.',
	description: `## Who this course is for

Nurses, midwives, healthcare assistants, allied health professionals, doctors, social workers, care and support workers, team leaders and managers working in hospitals, community teams, primary care, care homes and adult and children's social care. It builds on **Restorative Practice Foundations**.

## What you will cover

- **Relationships and safe care** – psychological safety, handovers, huddles and everyday team communication
- **Difficult conversations** – raising concerns, responding well when someone raises one with you, and resolving conflict between colleagues
- **Working with people and families** – co-production, responding to complaints restoratively, and avoiding the trap of doing things *for* people
- **Looking after the team** – restorative supervision and recognising compassion fatigue

Scenarios are drawn from wards, community mental health teams, district nursing and adult social care.

## How it is assessed

Each module ends with a short quiz with detailed feedback on every answer, a confidence self-rating and a reflection question. Your reflections are saved to your CPD record and can support revalidation or registration renewal with the NMC, HCPC or Social Work England. Teams and trusts buying ten or more places receive a reduced rate per place.`,
	sectors: ['HEALTH_SOCIAL_CARE'],
	cpdMinutes: 90,
	pricePence: 5900,
	volumeTiers: [
		{ minQuantity: 10, unitPricePence: 5400 },
		{ minQuantity: 50, unitPricePence: 4900 },
	],
	sequential: false,
	outcomes: [
		'Explain how psychological safety and relationships within a team contribute to safe, effective care',
		'Use restorative questions and affective statements to improve handovers, huddles and everyday team communication',
		'Raise a concern with a colleague clearly and respectfully, and respond constructively when a concern is raised with you',
		'Facilitate a restorative conversation to resolve conflict between colleagues',
		'Work with patients, service users and families as partners in planning care and responding to complaints',
		'Recognise signs of compassion fatigue and use restorative supervision to support yourself and others',
	],
	modules: [
		{
			title: 'Relationships, safety and team communication',
			summary:
				'Why the quality of relationships in a team affects the quality and safety of care, and how to bring restorative habits into handovers, huddles and daily conversations.',
			lessons: [
				{
					key: 'why-conversations-matter-in-care',
					kind: 'VIDEO',
					title: 'Why conversations matter for safe care',
					transcript: `I want to start with a story from a medical ward. It's a composite of several I've heard over the years, but the pattern will probably be familiar.

Chloe is a newly registered nurse, three months into her first post. At the morning handover, the nurse in charge moves quickly through the patients. When they reach Mr Ahmed in bay two, Chloe notices that his early warning score has crept up slightly overnight, and he seemed more confused when she said good morning. She thinks about mentioning it. But the nurse in charge is clearly under pressure, and the last time Chloe asked a question at handover, someone sighed. So she says nothing.

By lunchtime, Mr Ahmed is being treated for sepsis. He recovers, but the delay could have mattered.

Nobody in that story was careless or unkind. The nurse in charge was juggling too much. Chloe was trying not to be a nuisance. But the team had an unwritten rule: at handover, you don't slow things down. And that unwritten rule nearly cost a patient dearly.

This is what people mean by psychological safety: whether people in a team feel able to speak up, ask questions, admit mistakes and disagree without fear of being embarrassed or blamed. It isn't about being comfortable or avoiding hard conversations. It's about whether information that matters can travel freely.

Restorative practice gives us practical ways to build that safety. Affective statements let us say, honestly and briefly, how something has landed. Restorative questions help us explore what went wrong after an incident without hunting for someone to blame. Check-ins and huddles give everyone, including the quietest member of the team, a regular chance to speak. And the social discipline window reminds us that high standards and high support go together: we can expect excellent care and still treat each other with warmth.

Imagine the same handover if the nurse in charge had finished by asking, "Is there anyone you're worried about that we haven't talked about?" and then waited. Chloe would almost certainly have spoken.

In this module we'll look at psychological safety, handovers and huddles. Later we'll move on to raising concerns, conflict between colleagues, working with patients and families, and how to look after yourself and your team. Throughout, keep in mind that every conversation you have at work is part of the care your patients and service users receive.`,
				},
				{
					key: 'psychological-safety-and-handovers',
					kind: 'READING',
					title: 'Psychological safety, handovers and everyday team talk',
					estimatedMinutes: 12,
					markdown: `## What psychological safety is (and is not)

Psychological safety describes a shared belief in a team that it is safe to take interpersonal risks: to ask a question that might sound basic, to say "I'm not sure", to admit a mistake or to challenge a senior colleague. The idea comes from research on teams in workplaces including hospitals, and it is now widely discussed in the NHS and social care.

It is often misunderstood. Psychological safety is **not**:

- everyone being nice all the time
- lowering standards or avoiding accountability
- a personality trait of confident people

It **is** a feature of how a team works, and it is shaped strongly by how leaders and senior colleagues respond when someone speaks up. In the language of the social discipline window, psychologically safe teams combine high standards with high support.

## Why it matters for care

When people feel unable to speak, important information gets stuck: a worry about a deteriorating patient, a medication that does not look right, a concern about how a colleague is treating a service user. Teams that talk openly tend to spot problems earlier and learn from them faster.

## Handovers

Handovers are one of the highest-risk points in any care pathway, and one of the places where team culture is most visible. Structured tools such as SBAR (situation, background, assessment, recommendation) help make handovers consistent. Restorative habits make it more likely that people will actually raise what they are worried about.

- **End with an open question.** "Is there anyone or anything you're worried about that we haven't covered?" Then pause, genuinely.
- **Thank people for questions.** A simple "Good question, thank you" tells the whole team that questions are welcome.
- **Name your own uncertainty.** When senior staff say "I'm not sure about this one", others feel able to do the same.
- **Notice who never speaks.** Invite them directly and kindly: "Sam, you had Mrs Price yesterday. Anything you'd add?"

## Huddles and check-ins

Many wards and community teams now hold short daily huddles. These are a natural place for a brief restorative check-in.

- Keep it short: one question, one sentence each.
- Useful questions include "What's one thing that might get in the way today?" or "How are you arriving, one to five?"
- Include everyone present: healthcare assistants, students, agency staff, therapists, housekeepers.
- If someone is struggling, follow up privately afterwards rather than in front of the group.

## A worked example

A district nursing team in a busy town had become fragmented. Nurses worked alone all day, met briefly at the base and rarely talked about anything other than caseload allocation. A newer team member, Amara, privately told a colleague that she felt unable to ask for help with complex wound care.

The team leader, Steve, introduced a ten-minute huddle at the start of each day. It began with a quick round: "One thing you're looking forward to and one thing you're worried about today." He always went first, and on the second morning he said he was worried about a palliative patient whose family were struggling. Over the following weeks, more people raised clinical worries in the huddle. Amara asked for a joint visit for a complex leg ulcer, and two colleagues offered. Steve noticed that requests for help were now coming earlier, when they were easier to act on.

## Try this

- At your next handover, finish with an open question about worries, and wait at least five seconds for an answer.
- Next time a junior colleague asks a question, thank them for it out loud.
- Try a one-question check-in at your team's next huddle or meeting.
- Ask yourself honestly: when did someone last challenge you at work, and how did you respond?`,
				},
				{
					key: 'module-1-quiz',
					kind: 'QUIZ',
					title: 'Check your understanding: relationships and safe care',
					passMark: 70,
					maxAttempts: 3,
					estimatedMinutes: 10,
					questions: [
						{
							kind: 'SINGLE',
							prompt: 'Which statement best describes psychological safety in a team?',
							options: [
								{
									text: 'Everyone is friendly and avoids difficult conversations.',
									isCorrect: false,
									feedback:
										'Friendliness is pleasant, but avoiding hard conversations can actually reduce safety, because problems go unspoken.',
								},
								{
									text: 'Standards are relaxed so that staff feel less pressure.',
									isCorrect: false,
									feedback:
										'Psychological safety sits alongside high standards, not instead of them. Safe teams expect a lot of each other and support each other to meet it.',
								},
								{
									text: 'Confident individuals speak up whenever they need to.',
									isCorrect: false,
									feedback:
										'Psychological safety is a feature of the team, not of individual personalities. The question is whether the less confident members also feel able to speak.',
								},
								{
									text: 'People feel able to ask questions, raise worries and admit mistakes without fear of humiliation or blame.',
									isCorrect: true,
									feedback:
										'Yes. It is about whether important information can be shared freely, which is why it matters so much for patient safety.',
								},
							],
						},
						{
							kind: 'MULTIPLE',
							prompt:
								'Which of these habits are likely to make it easier for colleagues to raise worries at handover? Select all that apply.',
							options: [
								{
									text: 'Ending with "Is there anyone you\'re worried about that we haven\'t covered?" and pausing',
									isCorrect: true,
									feedback: 'Correct. An open question, followed by a real pause, explicitly invites concerns.',
								},
								{
									text: 'Thanking people when they ask questions',
									isCorrect: true,
									feedback: 'Correct. It signals to everyone present that questions are welcome.',
								},
								{
									text: 'Keeping handover as fast as possible by discouraging questions until the end of the shift',
									isCorrect: false,
									feedback:
										"Speed matters, but discouraging questions is how important information gets lost, as in Chloe's story.",
								},
								{
									text: 'Senior staff naming their own uncertainty',
									isCorrect: true,
									feedback: 'Correct. When leaders model uncertainty, others feel safer to admit theirs.',
								},
							],
						},
						{
							kind: 'SINGLE',
							prompt:
								'In a morning huddle, a healthcare assistant says she is "one out of five" today and looks close to tears. What is the best response?',
							options: [
								{
									text: 'Ask her in front of the group to explain what is wrong.',
									isCorrect: false,
									feedback:
										'This is well meant but could be exposing. Many people would find it very hard to talk about something personal in front of the team.',
								},
								{
									text: 'Thank her, continue the round, and check in with her privately straight after the huddle.',
									isCorrect: true,
									feedback:
										'Yes. Her honesty is acknowledged, the huddle stays on track, and she gets a private chance to say more and to be supported.',
								},
								{
									text: 'Move on without comment; huddles are for clinical information only.',
									isCorrect: false,
									feedback:
										'If a check-in answer is ignored, people quickly learn not to be honest. A colleague who is struggling may also affect safety on the shift.',
								},
								{
									text: 'Suggest she goes home, to be safe.',
									isCorrect: false,
									feedback:
										'That might be right in some cases, but deciding for her without a conversation is working FOR her rather than WITH her.',
								},
							],
						},
						{
							kind: 'SCALE',
							prompt: 'How safe do you feel raising a worry or admitting a mistake in your current team?',
							min: 1,
							max: 5,
							minLabel: 'Not at all safe',
							maxLabel: 'Completely safe',
						},
						{
							kind: 'REFLECTION',
							prompt:
								'Describe a time when you, or someone you worked with, held back from raising a worry. What made it hard to speak up, and what might have made it easier?',
							guidance:
								'Think about the setting, the people present and any unwritten rules in the team. If you are using this for revalidation, you might note how this links to your professional code and what you will do differently.',
						},
					],
				},
			],
		},
		{
			title: 'Concerns, conflict and difficult conversations',
			summary:
				'How to raise concerns with colleagues, respond well when a concern is raised with you, and use restorative conversations to resolve conflict within and between teams.',
			lessons: [
				{
					key: 'raising-concerns',
					kind: 'READING',
					title: 'Raising concerns and responding well',
					estimatedMinutes: 12,
					markdown: `## Two sides of the same conversation

Every professional code in health and social care expects staff to raise concerns about care. In practice, many concerns are small and best dealt with directly and early: a colleague who keeps leaving a drug trolley unlocked, a handover habit that misses information, a comment to a service user that sounded dismissive. Handled well, these conversations improve care and strengthen relationships. Handled badly, or avoided, they breed resentment and risk.

Restorative practice helps with both sides: **raising** a concern and **receiving** one.

## When a direct conversation is the right first step

A direct, restorative conversation is usually right when:

- the concern is about everyday practice or behaviour, not serious harm
- nobody is at immediate risk
- you have a working relationship with the colleague

It is **not** the right first step, or not the only step, when:

- a patient or service user is at risk of serious harm, or there is a safeguarding concern
- the concern involves possible abuse, dishonesty or serious misconduct
- you have tried a direct conversation and nothing has changed
- you feel unsafe raising it with the person directly

In those situations, use your organisation's procedures: your line manager, safeguarding team or, in NHS organisations, a Freedom to Speak Up Guardian. A restorative culture makes these routes easier to use; it never replaces them.

## Raising a concern restoratively

A simple structure:

1. **Choose your moment.** Private, not rushed, not in the middle of a crisis.
2. **Describe what you saw.** Specific and factual, not a label. "I noticed that Mrs Jones's fluid chart hasn't been filled in since this morning."
3. **Say how it affects you or others.** An affective statement. "I'm worried because she's on a fluid restriction, and I couldn't tell from the chart how she's doing."
4. **Ask, don't assume.** "What's been happening?" There may be something you do not know.
5. **Agree what happens next.** "Can we update it together now, and can you let me know if you're struggling to keep up with the charts today?"

## Receiving a concern well

Being on the receiving end of a concern is uncomfortable. The natural reaction is to defend, explain or counter-attack. Try instead to:

- thank the person for raising it, even if you disagree
- ask questions to understand: "What did you notice?" "How did it affect you?"
- take time if you need it: "I want to think about this properly. Can we talk again at the end of the shift?"
- follow through on what you agree

How leaders respond to concerns sets the tone for whether anyone raises the next one.

## A worked example

Precious is a healthcare assistant in a nursing home. She notices that her colleague Dariusz, who has worked there much longer, has been recording that he has repositioned a resident with pressure damage, but on two occasions she has found the resident in the same position hours later.

She is nervous: Dariusz is popular and experienced. She decides to speak to him first, because she has no reason to think he is harming anyone deliberately, but she also tells herself that if it continues she will go to the nurse in charge.

At the end of the shift she says: "Dariusz, can I talk to you about Mr Evans? I've found him on his back a couple of times when the chart says he's been turned, and I'm worried about his sacrum. What's been happening?" Dariusz is defensive at first, then admits he has been filling in the charts at the end of his rounds, from memory, because he is always behind. They agree to do Mr Evans's turns together for the rest of the week and that Precious will raise the staffing pressure with the nurse in charge. Precious also mentions the incident to the nurse in charge so that Mr Evans's skin can be checked.

## Try this

- Think of a small concern you have been putting off raising. Write down your opening two sentences using the structure above.
- Find out who your Freedom to Speak Up Guardian or equivalent is, and how to contact them.
- The next time someone raises something with you, start your reply with "Thank you for telling me."`,
				},
				{
					key: 'conflict-between-colleagues',
					kind: 'VIDEO',
					title: 'Scenario: resolving conflict between colleagues',
					transcript: `This scenario takes place in a community mental health team. Olu is a community psychiatric nurse; Bethan is a social worker. For several weeks they've been clashing over the discharge of a service user, Mr Lewis. In last week's team meeting, Bethan said Olu was "just trying to clear his caseload", and Olu walked out. Since then they've barely spoken, and the rest of the team is tiptoeing around them.

Their team leader, Karen, decides a restorative conversation is needed. Here's how she goes about it.

First, she meets each of them separately. She asks the restorative questions: what happened, what were you thinking at the time, who's been affected, what's needed now. She listens, and she doesn't take sides. From Olu she learns that he felt his professional judgement was being publicly questioned. From Bethan she learns that she's anxious because Mr Lewis's housing is precarious and she fears he'll relapse without support. Both say they want to sort it out. Karen checks they're willing to meet.

The meeting itself takes about forty minutes, in a quiet room with the door closed. Karen opens by explaining the purpose: "This isn't about deciding who's right. It's about understanding what's happened between you and agreeing how you'll work together from here."

She asks Olu to go first. He describes the team meeting, and says, "When you said I was just clearing my caseload, I felt humiliated, because I've worked with Mr Lewis for two years and I care about him."

Karen asks Bethan what she's thinking as she hears that. Bethan is quiet, then says, "I didn't realise it came across like that. I was frightened for him, and I took it out on you."

Karen then asks Bethan to describe her side, and Olu to respond. Slowly, the conversation moves from the argument to the shared concern underneath it: both of them want Mr Lewis to be safe and well.

Finally, Karen asks, "What needs to happen now?" They agree three things. Bethan will acknowledge at the next team meeting that her comment was unfair. They'll hold a joint review with Mr Lewis and his sister before any decision on discharge. And if they disagree in future, they'll talk privately before raising it in a meeting.

Notice that Karen prepared properly, stayed neutral, and let them do most of the talking. She also used fair process: both had a say, the purpose was clear, and the agreement was specific.

Two weeks later, she checks in with each of them. The joint review has happened, and Olu and Bethan are having coffee together again.`,
				},
				{
					key: 'module-2-quiz',
					kind: 'QUIZ',
					title: 'Check your understanding: concerns and conflict',
					passMark: 70,
					maxAttempts: 3,
					estimatedMinutes: 10,
					questions: [
						{
							kind: 'SINGLE',
							prompt:
								'In which situation is a direct, informal conversation with a colleague NOT an appropriate first step?',
							options: [
								{
									text: 'A colleague often forgets to restock the dressing trolley at the end of a shift.',
									isCorrect: false,
									feedback:
										'This is an everyday practice issue with no immediate risk of serious harm. A direct, respectful conversation is a sensible first step.',
								},
								{
									text: 'A colleague keeps leaving handover notes incomplete.',
									isCorrect: false,
									feedback:
										'This affects care and should be raised, but a direct conversation is usually the right place to start, escalating if nothing changes.',
								},
								{
									text: 'You see a colleague handling a frail resident roughly and speaking to her in a threatening way.',
									isCorrect: true,
									feedback:
										'Correct. This is a potential safeguarding concern. Make sure the resident is safe and report it through your safeguarding procedures straight away.',
								},
								{
									text: 'A colleague regularly talks over healthcare assistants in meetings.',
									isCorrect: false,
									feedback:
										'A restorative conversation using affective statements is well suited to this. If it continues, you might raise it with your manager.',
								},
							],
						},
						{
							kind: 'MULTIPLE',
							prompt:
								'A colleague raises a concern about your practice. Which responses are helpful? Select all that apply.',
							options: [
								{
									text: 'Thanking them for raising it',
									isCorrect: true,
									feedback:
										'Correct. Even if you disagree, thanking them makes it more likely people will continue to raise concerns.',
								},
								{
									text: 'Explaining immediately why they are wrong',
									isCorrect: false,
									feedback:
										'It is natural to feel defensive, but responding with a rebuttal shuts the conversation down before you have understood the concern.',
								},
								{
									text: 'Asking what they noticed and how it affected them',
									isCorrect: true,
									feedback: 'Correct. Questions help you understand their view before you respond.',
								},
								{
									text: 'Asking for time to think and agreeing when you will talk again',
									isCorrect: true,
									feedback: 'Correct. Taking time is fine, as long as you genuinely return to the conversation.',
								},
							],
						},
						{
							kind: 'SINGLE',
							prompt: 'In the scenario, why did Karen meet Olu and Bethan separately before bringing them together?',
							options: [
								{
									text: "To hear each person's perspective, check they were willing, and prepare them for a constructive meeting",
									isCorrect: true,
									feedback:
										'Yes. Preparation is what makes restorative meetings safe and productive. It also lets the facilitator judge whether a joint meeting is appropriate at all.',
								},
								{
									text: 'To decide which of them was right before the joint meeting',
									isCorrect: false,
									feedback:
										'Karen deliberately did not take sides. The joint meeting was about understanding and agreement, not judgement.',
								},
								{
									text: 'Because restorative meetings must always be held individually',
									isCorrect: false,
									feedback:
										'Restorative work often brings people together; separate preparation is usually the first stage, not the whole process.',
								},
								{
									text: 'To give each of them a formal warning first',
									isCorrect: false,
									feedback:
										'Nothing in the scenario called for formal action. Starting with warnings would have made an open conversation much less likely.',
								},
							],
						},
						{
							kind: 'SCALE',
							prompt: 'How confident do you feel about raising a concern directly with a colleague?',
							min: 1,
							max: 5,
							minLabel: 'Not at all confident',
							maxLabel: 'Very confident',
						},
						{
							kind: 'REFLECTION',
							prompt:
								'Think of a current or recent tension with a colleague. Using the restorative questions, how do you think they would describe what happened, and what might need to happen to put things right?',
							guidance:
								'Try answering the questions from their point of view as well as your own. Note one step you could take, such as asking for a private conversation or asking your manager to facilitate.',
						},
					],
				},
			],
		},
		{
			title: 'Working with people, families and ourselves',
			summary:
				'Co-production with patients, service users and families, responding restoratively to complaints, and using restorative supervision to manage the emotional demands of care work.',
			lessons: [
				{
					key: 'co-production-with-people-and-families',
					kind: 'READING',
					title: 'Working with patients, service users and families',
					estimatedMinutes: 11,
					markdown: `## From "doing for" to "working with"

Health and social care professionals are trained to help, and helping can easily slide into doing things *for* people: making decisions on their behalf, solving their problems, protecting them from difficult information. Under pressure, it can also slide into doing things *to* them: rushed assessments, care plans written without them, rules enforced without explanation.

The social discipline window offers another way. Working **with** people means high expectations and high support: treating patients, service users and families as experts in their own lives, involving them in decisions and being honest about what is and is not possible. In health and social care this is often called **co-production**, from individual care planning to the design of whole services.

## What working with people looks like

- **Asking before assuming.** "What matters most to you right now?" before "Here is your care plan."
- **Sharing information honestly**, including uncertainty and limits on what services can offer.
- **Using fair process** for decisions that affect people: involve them, explain the reasoning, be clear about what happens next.
- **Building on strengths.** What is already working? Who is already helping?
- **Agreeing shared responsibilities.** What will the service do, what will the person do and what will the family do?

## Responding to complaints and concerns restoratively

When something goes wrong in someone's care, the formal complaints process and duty of candour obligations still apply. Alongside them, a restorative approach can make a great deal of difference to how people feel about the outcome.

- Meet early, in person if possible, rather than only exchanging letters.
- Listen to the person's account in full before explaining anything.
- Use the restorative questions for the person harmed: what did you think when it happened, what impact has it had, what has been hardest, what would help now?
- Acknowledge the impact honestly. Saying sorry that something happened is not an admission of legal liability; avoiding it tends to escalate distress.
- Agree specific actions and follow up on them.

## A worked example

Mr Hussain, 82, lives alone and has early-stage dementia. After a fall, his social worker, Gemma, is reviewing his care. His daughter, Samira, has phoned the council twice, angry that no one told her about the fall for two days.

Gemma arranges a visit with both of them. She begins by acknowledging Samira's complaint: "I understand you didn't hear about your dad's fall until two days later. I'm sorry, that must have been very worrying. Can you tell me what that was like?" Samira describes feeling shut out. Gemma listens, explains what happened with the care agency's communication, and says what she will do to prevent it happening again.

She then turns to Mr Hussain: "What matters most to you about how things work at home?" He says he wants to stay in his own house and keep going to the mosque on Fridays. Samira wants a key safe and daily calls. Gemma shares the risks she sees, and together they agree a plan: an extra morning call, a falls sensor, a lift to the mosque arranged with a neighbour, and Samira named as the first contact after any incident. They agree to review in six weeks.

Mr Hussain has been involved in decisions about his own life, Samira's concern has been heard and acted on, and everyone knows what to expect.

## Try this

- In your next assessment or review, ask "What matters most to you?" before anything else, and write the answer in the person's own words.
- Look at a care plan you have written recently. Whose voice is in it?
- If you deal with complaints, try opening your next response with a phone call or meeting rather than a letter.`,
				},
				{
					key: 'restorative-supervision-and-compassion-fatigue',
					kind: 'READING',
					title: 'Restorative supervision and compassion fatigue',
					estimatedMinutes: 11,
					markdown: `## The cost of caring

Working in health and social care means being close to pain, fear, loss and anger, often every day. Most people come into the work because they care, and that caring has a cost. Over time, without support, many people experience **compassion fatigue**: a gradual wearing down of the capacity to feel and show compassion.

Signs can include:

- feeling numb or detached from patients or service users
- irritability with colleagues and at home
- dreading shifts, or feeling exhausted even after time off
- becoming cynical about people or about the service
- difficulty switching off, intrusive thoughts about work
- more sickness absence, or thoughts of leaving the profession

These are not signs of weakness. They are a predictable response to sustained emotional demands, and they are an organisational issue as much as a personal one.

## What restorative supervision is

Supervision in health and social care usually includes an element of case or clinical oversight, an element of learning and development, and a supportive or **restorative** element: space to reflect on the emotional impact of the work and to be restored enough to carry on. In many services, the restorative element is the first to be squeezed out when time is short.

Some organisations now offer dedicated restorative supervision. In NHS nursing, for example, Professional Nurse Advocates are trained to offer restorative clinical supervision to colleagues. Whatever the model, restorative supervision tends to:

- be regular and protected, not cancelled when the ward is busy
- focus on the supervisee's experience and feelings, not only on tasks
- use questions such as "What has stayed with you this week?", "What has been hardest?" and "What do you need?"
- help people notice their own patterns and what restores them
- lead to practical actions, for the individual and sometimes for the team or organisation

## Restorative habits for teams

You do not need a formal programme to support each other.

- **Check-ins and check-outs.** A one-sentence round at the start and end of a shift, including "What are you leaving behind today?"
- **Debriefs after difficult events.** A short, structured conversation after a death, an incident or a distressing visit, using restorative questions about what happened and what people need.
- **Affective statements of appreciation.** Telling colleagues specifically what their work meant to you.
- **Watching out for each other.** Noticing when someone is not themselves and asking privately.

## A worked example

Lucy is a community nurse who has supported several palliative patients in quick succession. In her monthly supervision, her supervisor, Helen, notices that Lucy is talking about patients in a flat, detached way, which is unusual for her. Helen asks, "What's stayed with you this month?" After a long pause, Lucy describes a young mother's death and says she has been unable to sleep properly since.

Helen listens, without rushing to solutions. Together they agree that Lucy will take the two days of annual leave she has been putting off, that Helen will look at balancing palliative work across the team, and that Lucy will use the employee assistance service. Helen also suggests a short team debrief after expected deaths, which the team adopts.

## CPD, reflection and revalidation

Reflection is at the heart of professional registration. NMC revalidation asks nurses, midwives and nursing associates for reflective accounts and a reflective discussion; the HCPC expects registrants to keep an up-to-date record of CPD that benefits practice and service users; Social Work England asks social workers to record CPD and reflection each year. The reflection questions in this course, and what you learn in restorative supervision, can support that evidence. Always check your regulator's current requirements.

## Try this

- Notice which of the signs of compassion fatigue you recognise in yourself, and tell one trusted person.
- Ask your manager how the restorative element of supervision is protected in your service.
- Try a one-sentence check-out at the end of your next shift: "What am I leaving here today?"`,
				},
				{
					key: 'module-3-quiz',
					kind: 'QUIZ',
					title: 'Check your understanding: working with people and looking after ourselves',
					passMark: 70,
					maxAttempts: 3,
					estimatedMinutes: 12,
					questions: [
						{
							kind: 'SINGLE',
							prompt:
								'A care coordinator writes a detailed, clinically sound care plan for a service user and then asks them to sign it. Which part of the social discipline window is this closest to?',
							options: [
								{
									text: 'WITH, because the plan is high quality',
									isCorrect: false,
									feedback:
										'Quality matters, but working WITH people is about involvement. A plan written without the person, however good, has been done TO or FOR them.',
								},
								{
									text: 'NOT, because the coordinator has not engaged at all',
									isCorrect: false,
									feedback: 'The coordinator has clearly put in effort and support, so this is not neglect.',
								},
								{
									text: 'TO or FOR, because decisions were made about the person rather than with them',
									isCorrect: true,
									feedback:
										'Yes. Even with the best intentions, the person had no real part in shaping their own plan. Co-production would start with what matters to them.',
								},
								{
									text: 'None of the windows apply to care planning.',
									isCorrect: false,
									feedback:
										'The window applies to any relationship where one person has responsibility or authority, including care planning.',
								},
							],
						},
						{
							kind: 'MULTIPLE',
							prompt: 'Which of these could be signs of compassion fatigue? Select all that apply.',
							options: [
								{
									text: 'Feeling numb or detached from the people you care for',
									isCorrect: true,
									feedback: 'Correct. Emotional detachment is a common sign that compassion has been worn down.',
								},
								{
									text: 'Increasing irritability with colleagues or family',
									isCorrect: true,
									feedback: 'Correct. The strain often shows up in relationships outside the direct care role.',
								},
								{
									text: 'Feeling moved after supporting a family through a death',
									isCorrect: false,
									feedback:
										'Feeling moved is a normal, healthy response to a significant event. It becomes a concern if it turns into persistent distress or numbness.',
								},
								{
									text: 'Dreading shifts and struggling to switch off',
									isCorrect: true,
									feedback:
										'Correct. These are common signs that the emotional load is exceeding the support available.',
								},
							],
						},
						{
							kind: 'SINGLE',
							prompt:
								"A family member complains angrily that they were not told about their mother's fall. What is the best first step?",
							options: [
								{
									text: 'Send a letter setting out the policy on informing next of kin.',
									isCorrect: false,
									feedback:
										'A letter may be part of the formal process, but leading with policy tends to make people feel unheard and can escalate the complaint.',
								},
								{
									text: 'Listen to their account in full, acknowledge the impact and say you are sorry it happened.',
									isCorrect: true,
									feedback:
										'Yes. Listening and honest acknowledgement come first. Explanations and actions are far more likely to be accepted once the person feels heard.',
								},
								{
									text: 'Explain that the care agency was responsible, not your team.',
									isCorrect: false,
									feedback:
										'This may be partly true, but opening by shifting responsibility usually increases anger. Explanations can come later.',
								},
								{
									text: 'Avoid saying sorry in case it is taken as an admission of liability.',
									isCorrect: false,
									feedback:
										'Saying sorry that something happened is not an admission of legal liability. Avoiding it often leaves people feeling dismissed.',
								},
							],
						},
						{
							kind: 'SCALE',
							prompt:
								'How confident do you feel about involving patients, service users and families as partners in planning care?',
							min: 1,
							max: 5,
							minLabel: 'Not at all confident',
							maxLabel: 'Very confident',
						},
						{
							kind: 'REFLECTION',
							prompt:
								'What restores you after a difficult day or week at work, and how well is that protected at the moment? Note one change you could make, for yourself or for your team.',
							guidance:
								'Think about supervision, colleagues, life outside work and the routines of your shift. If you are using this reflection for revalidation or registration renewal, you might link it to the parts of your professional standards about your own health and wellbeing.',
						},
					],
				},
			],
		},
	],
}
