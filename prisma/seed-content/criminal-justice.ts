import type { SeedCourse } from './types.ts'

export const course: SeedCourse = {
	slug: 'relational-practice-in-criminal-justice-settings',
	title: 'Relational Practice in Criminal Justice Settings',
	summary:
		'Relational and restorative skills for prisons, probation, youth justice and other custodial and residential settings: rapport, de-escalation, procedural justice, restorative justice and supporting desistance.',
	description: `## Who this course is for

Prison officers, custodial managers, key workers, probation practitioners and probation service officers, youth justice workers, staff in secure children's homes, Approved Premises and young offender institutions, and anyone supporting people in contact with the criminal justice system. It builds on **Restorative Practice Foundations**.

## What you will cover

- **Relationships and legitimacy** – why the way authority is used matters as much as the decisions themselves, and how procedural justice supports safety
- **Rapport, boundaries and de-escalation** – building professional relationships that are warm without becoming familiar, and calming tense situations on a landing, in a reception area or in a supervision room
- **Harm and accountability** – restorative justice conferences, victim awareness, and what meaningful responsibility looks like
- **Desistance** – how relationships, hope and identity support people to stop offending, and why staff relationships with each other matter too

Scenarios are set in adult prisons, probation offices, youth justice services and Approved Premises.

## How it is assessed

Each module ends with a quiz with detailed feedback on every answer, a confidence self-rating and a reflection question saved to your CPD record. Organisations buying ten or more places receive a reduced rate per place.`,
	sectors: ['CRIMINAL_JUSTICE'],
	cpdMinutes: 90,
	pricePence: 6900,
	volumeTiers: [
		{ minQuantity: 10, unitPricePence: 6200 },
		{ minQuantity: 50, unitPricePence: 5500 },
	],
	sequential: false,
	outcomes: [
		'Explain how procedural justice and legitimacy contribute to safer custodial and community settings',
		'Build rapport with people in custody or under supervision while maintaining clear professional boundaries',
		'Use relational de-escalation skills and follow up incidents with restorative conversations',
		'Describe how restorative justice conferences work, including the safeguards that protect victims',
		'Support desistance by using everyday interactions to build hope, responsibility and a positive identity',
		'Contribute to a supportive staff culture through debriefs, check-ins and restorative conversations with colleagues',
	],
	modules: [
		{
			title: 'Relationships, fairness and legitimacy',
			summary:
				'Why relationships are central to safety and rehabilitation in custody and in the community, and how procedural justice shapes whether people accept decisions.',
			lessons: [
				{
					key: 'relationships-are-the-work',
					kind: 'VIDEO',
					title: 'Relationships are the job, not a distraction from it',
					transcript: `If you've worked on a prison wing for any length of time, you'll know that the most important safety equipment isn't on your belt. It's the relationships you have with the people on your landing.

Think about the officer who can walk onto a tense landing and calm it down without raising their voice. Or the probation officer whose clients turn up to appointments, even when their lives are chaotic. What they have in common usually isn't a particular technique. It's that people know them, trust them to be fair, and believe they're interested in them as a person.

Let me describe two officers on the same wing. Officer A is efficient and by the book. He unlocks on time, deals with applications, and enforces the regime consistently. But he rarely speaks to the men beyond giving instructions. When something goes wrong, he finds out when the alarm bell rings.

Officer B does all of that too. But she also knows who's waiting for a court date, whose mum is in hospital, and who's been quiet since his visit was cancelled. She spends a couple of minutes each session just talking. When something is brewing, somebody usually tells her, or she notices it herself.

Both officers enforce the same rules. But Officer B's wing is likely to be safer, and the men on it are more likely to engage with education, work and offending behaviour programmes. That's because relationships aren't an extra on top of security. Dynamic security, the knowledge that comes from talking to people and being around them, is one of the strongest forms of security there is.

The same applies in probation and youth justice. Supervision delivered as a checklist, where the practitioner reads out conditions and ticks boxes, might meet the standard. But change happens when someone believes that the person in front of them thinks they can be different.

This isn't about being soft or being friends. Relational practice in criminal justice is about being firm, fair and consistent, and combining that with genuine interest and support. High challenge, high support.

In this course, we'll look at procedural justice, rapport and boundaries, de-escalation, restorative justice with victims, and desistance. We'll also look at something that's often overlooked: how staff treat each other. A team that's fractured and exhausted struggles to offer anyone else stability.

As you go through the course, think about the Officer B in your own workplace, and what they do that you could learn from.`,
				},
				{
					key: 'procedural-justice',
					kind: 'READING',
					title: 'Procedural justice: fairness people can see',
					estimatedMinutes: 11,
					markdown: `## Why fairness of process matters

In criminal justice settings, staff make decisions that have significant consequences for people: whether an adjudication goes ahead, whether a request is granted, whether someone is recalled to prison, which level of the incentives scheme they are on. Many of those decisions are not negotiable.

Research on policing, courts and prisons has consistently found that people's willingness to accept decisions and to follow rules depends heavily on whether they see the *process* as fair, not only on whether the outcome goes their way. This is known as **procedural justice**. When people see authority as legitimate, they are more likely to comply voluntarily, and less likely to resist, complain or become involved in violence.

Procedural justice is closely related to the fair process principles you met in the Foundations course.

## Four elements of procedural justice

1. **Voice.** People have the chance to tell their side of the story before a decision is made, and feel they have been listened to.
2. **Neutrality.** Decisions are made consistently, based on facts and rules rather than personal feelings, and the reasons are explained.
3. **Respect.** People are treated with dignity and courtesy, whatever they have done.
4. **Trustworthy motives.** People believe that staff are acting in good faith and care about what happens to them.

## What this looks like in practice

- **Explaining the why.** "Your visit has been cancelled because the visits hall is closed for a security search. I know that's really frustrating. Here is how to rebook."
- **Listening before deciding.** Giving someone a chance to explain before completing a negative entry or adjudication paperwork, even when you are likely to proceed.
- **Consistency.** Applying the same rules to everyone, and being seen to do so.
- **Follow-through.** Doing what you said you would. A forgotten application does more damage than a refused one.
- **Courtesy.** Using names, knocking before opening a cell door when it is safe to do so, and saying please and thank you.

## A worked example: a probation recall conversation

Jordan, 24, is on licence after a sentence for robbery. He has missed two appointments and failed a drug test. His probation officer, Nadia, believes he needs to be recalled to custody for the public's protection. The decision is not hers alone, and it is not negotiable.

Jordan is likely to feel angry whatever happens. But Nadia can still apply procedural justice.

- **Voice:** before she makes her recommendation, she asks Jordan to tell her what has been going on. He describes losing his job and falling back in with old friends.
- **Neutrality:** she explains the licence conditions, what he has breached and why this leads to a recall recommendation, using the same criteria she would for anyone.
- **Respect:** she speaks calmly, uses his name and does not lecture.
- **Trustworthy motives:** she tells him honestly that she is worried about his safety and other people's, and she describes what support she will put in place for his eventual release, including a referral for drug treatment.

Jordan is still recalled. But weeks later he writes to Nadia from prison, asking about the drug treatment referral. The relationship has survived the decision.

## Try this

- Think of the last decision you communicated that someone did not like. Which of the four elements did you include? Which could you have strengthened?
- Before your next difficult decision, plan one sentence that explains the reason.
- Notice the small things: names, courtesy, following through on promises. Keep a note of any you have let slip and put one right this week.`,
				},
				{
					key: 'module-1-quiz',
					kind: 'QUIZ',
					title: 'Check your understanding: relationships and procedural justice',
					passMark: 70,
					maxAttempts: 3,
					estimatedMinutes: 10,
					questions: [
						{
							kind: 'SINGLE',
							prompt: 'Why does procedural justice matter in criminal justice settings?',
							options: [
								{
									text: 'Because people only accept decisions that go in their favour',
									isCorrect: false,
									feedback:
										'The opposite is true. People are much more likely to accept unfavourable decisions when they believe the process was fair.',
								},
								{
									text: 'Because it allows staff to negotiate every rule with the people they supervise',
									isCorrect: false,
									feedback:
										'Procedural justice does not mean rules are negotiable. It is about how decisions are made and explained.',
								},
								{
									text: 'Because it replaces the need for security procedures',
									isCorrect: false,
									feedback:
										'Security procedures remain essential. Procedural justice makes them more likely to be accepted and works alongside them.',
								},
								{
									text: 'Because when people see authority as fair and legitimate, they are more likely to comply voluntarily',
									isCorrect: true,
									feedback:
										'Yes. Fair process supports legitimacy, which in turn supports cooperation, safety and engagement with rehabilitation.',
								},
							],
						},
						{
							kind: 'MULTIPLE',
							prompt: 'Which of these are elements of procedural justice? Select all that apply.',
							options: [
								{
									text: 'Voice',
									isCorrect: true,
									feedback: 'Correct. People need the chance to give their side before a decision is made.',
								},
								{
									text: 'Neutrality',
									isCorrect: true,
									feedback:
										'Correct. Decisions should be consistent and based on facts and rules, with reasons explained.',
								},
								{
									text: 'Leniency',
									isCorrect: false,
									feedback:
										'Procedural justice is not about going easy on people. Firm decisions can be procedurally just if the process is fair.',
								},
								{
									text: 'Respect',
									isCorrect: true,
									feedback: 'Correct. Dignity and courtesy matter regardless of what someone has done.',
								},
								{
									text: 'Trustworthy motives',
									isCorrect: true,
									feedback:
										'Correct. People need to believe that staff are acting in good faith and care about the outcome.',
								},
							],
						},
						{
							kind: 'SINGLE',
							prompt:
								"In the video lesson's script, what made Officer B's approach more likely to keep her wing safe than Officer A's?",
							options: [
								{
									text: 'Her everyday conversations meant she knew what was going on and people trusted her to be fair.',
									isCorrect: true,
									feedback:
										'Yes. This is dynamic security: knowledge and trust built through regular, genuine contact help staff spot and prevent problems.',
								},
								{
									text: 'She enforced the rules less strictly, so there was less conflict.',
									isCorrect: false,
									feedback:
										'Both officers enforced the same rules. The difference was in the relationships, not the rules.',
								},
								{
									text: 'She spent more time on paperwork, so records were more accurate.',
									isCorrect: false,
									feedback:
										'Accurate records matter, but the script highlighted her time spent talking with people on the landing.',
								},
								{
									text: 'She was friends with the men on the wing.',
									isCorrect: false,
									feedback:
										'Relational practice is not friendship. Officer B kept professional boundaries while taking a genuine interest in people.',
								},
							],
						},
						{
							kind: 'SCALE',
							prompt:
								'How consistently do you explain the reasons for decisions you communicate to people in your care or supervision?',
							min: 1,
							max: 5,
							minLabel: 'Rarely',
							maxLabel: 'Almost always',
						},
						{
							kind: 'REFLECTION',
							prompt:
								'Think of a colleague whose relationships with people in custody or under supervision you admire. What do they do, specifically, that builds trust? What could you take from their approach?',
							guidance:
								'Focus on observable behaviour: what they say, how they say it, when they make time to talk and how they handle refusals. Then choose one thing you will try this week.',
						},
					],
				},
			],
		},
		{
			title: 'Rapport, boundaries and de-escalation',
			summary:
				'Building professional relationships that are warm and boundaried, using everyday conversations well, and calming tense situations before they escalate.',
			lessons: [
				{
					key: 'rapport-boundaries-de-escalation',
					kind: 'READING',
					title: 'Rapport with boundaries, and calming things down',
					estimatedMinutes: 13,
					markdown: `## Rapport is not familiarity

Staff in criminal justice settings are sometimes warned against getting "too close" to the people they look after. That warning matters: conditioning, manipulation and inappropriate relationships are real risks, and every setting has clear rules about them. But the answer is not distance. People who feel that staff are cold, unpredictable or uninterested are less safe, less likely to disclose risks and less likely to change.

The aim is **rapport with boundaries**: relationships that are warm, consistent and honest, and also clearly professional.

### Features of professional rapport

- using people's names and remembering what matters to them
- being consistent: the same rules, the same tone, every day
- being honest, including about what you cannot do
- showing interest in the person's life, goals and progress
- following through on what you say you will do

### Signs a boundary may be slipping

- being asked to keep secrets, pass on messages or bring items in
- being singled out as "the only one who understands"
- sharing personal information about your life, home or other staff
- treating one person more favourably than others
- feeling uncomfortable about a conversation you would not want a colleague to hear

If you notice any of these, talk to your line manager or a trusted colleague early, and follow your organisation's procedures. Raising it is a sign of professionalism, not failure.

## Everyday conversations

Many services encourage staff to use brief, everyday conversations as opportunities for reflection and change: a few minutes on the landing, in the servery queue or at the end of a probation appointment. These work well with restorative questions and affective statements, for example:

- "I noticed you helped the new lad on the landing this morning. That made a difference to him."
- "What were you thinking when you walked out of the workshop?"
- "Who do you think was affected when the fight kicked off at association?"

## De-escalation: calm is catching

Tension spreads quickly in custodial and residential settings, and so does calm. Your own state is the most important de-escalation tool you have.

1. **Regulate yourself first.** Breathe, slow down and lower your voice. Check your body language: open hands, side-on stance, safe distance.
2. **Acknowledge the feeling.** "You're really angry about this, I can see that." This does not mean agreeing with the behaviour.
3. **Listen.** Let the person say what has happened. Interrupting or arguing early tends to escalate.
4. **Be honest about what you can and cannot do.** Offer choices where you genuinely can. "I can't reopen the phones now, but I can find out what happened to your call and come back to you before bang-up."
5. **Give a way out.** Avoid backing people into corners in front of others. Offer a more private space or a pause.
6. **Follow up.** Once things are calm, return to it with a restorative conversation about what happened and what is needed.

Always follow your establishment's procedures on safety, use of force and calling for assistance. De-escalation skills reduce the need for force; they do not replace your judgement about immediate risk.

## A worked example

Ray, 52, is a probation service officer. At reception, a man named Kieran starts shouting because his appointment has been moved again and he has lost a day's work to attend. Other people in the waiting room look anxious.

Ray walks over calmly, stands slightly to one side and says, "Kieran, I can hear you're fed up. I'd be annoyed too if I'd lost a day's pay. Come and sit in the side room with me and let's sort it out." In the room, he listens, apologises for the change and arranges a time that fits around Kieran's shifts. Before Kieran leaves, Ray adds: "When you were shouting out there, there was a woman with a baby who looked quite frightened. Next time you're angry about an appointment, ask for me and I'll do what I can."

## Try this

- Over your next few shifts, aim for at least one genuine, non-task conversation with each person you are responsible for.
- Notice your own early signs of stress and practise one calming technique, such as slowing your breathing before you speak.
- After any incident, however small, ask yourself: has there been a follow-up conversation?`,
				},
				{
					key: 'landing-de-escalation-scenario',
					kind: 'VIDEO',
					title: 'Scenario: de-escalating on the landing',
					transcript: `This scenario takes place on a wing in a category C men's prison. It's just before lunchtime. Marcus, who's thirty-one, has just found out that his family visit this afternoon has been cancelled. He's standing at the office door, shouting, and a small group has gathered on the landing to watch.

Officer Dan Whitfield comes out of the office. Let's think about what he does, step by step.

First, he manages himself. He can feel his own heart rate going up, and he knows the group is watching. He takes a breath, keeps his hands visible and relaxed, and stands slightly side-on, at a safe distance. A colleague stays nearby, within sight.

Then he acknowledges what Marcus is feeling. "Marcus, I can see you're really upset. Your visit's been cancelled, is that right?" He doesn't say "calm down", and he doesn't tell Marcus to stop shouting. He names the feeling, and he uses Marcus's name.

Marcus keeps shouting. His daughter was coming, she's six, it's the first time in two months. Dan listens and nods. He doesn't interrupt. Gradually, Marcus's voice gets a little lower.

Next, Dan offers a way out of the audience. "Let's step into the office so I can look into it properly. I can't do that out here." He addresses the watching group briefly and calmly: "Lads, head back down for lunch, please." Once Marcus is out of view of his peers, he doesn't have to keep up a front.

In the office, Dan's honest. He checks the system. The visit was cancelled because the visitor's booking details didn't match. "I can't reinstate it for today. What I can do is get the visits team to ring your partner this afternoon, sort out the booking and get you the next available slot. And I'll check with the chaplaincy about a phone call to your daughter tonight." He offers what he can genuinely deliver, and nothing he can't.

Marcus is still disappointed, but he's calm.

The final stage happens later that afternoon. Dan finds Marcus during association and asks how he's doing. Then he has a short restorative conversation. "When you were shouting at the office earlier, what were you thinking?" Marcus says he thought the officers had cancelled it on purpose. "Who do you think was affected?" Marcus admits one of the younger lads looked frightened, and that a new officer was shaken. He says he'll apologise to her.

Notice what made this work. Dan regulated himself first. He acknowledged the emotion before dealing with the problem. He removed the audience. He was honest about limits. And he came back afterwards, so that the incident became a chance to repair, not just something to survive.`,
				},
				{
					key: 'module-2-quiz',
					kind: 'QUIZ',
					title: 'Check your understanding: rapport and de-escalation',
					passMark: 70,
					maxAttempts: 3,
					estimatedMinutes: 10,
					questions: [
						{
							kind: 'MULTIPLE',
							prompt: 'Which of these could be signs that a professional boundary is slipping? Select all that apply.',
							options: [
								{
									text: 'Being told you are "the only officer who really understands"',
									isCorrect: true,
									feedback:
										'Correct. Being singled out in this way can be an early sign of conditioning. Talk to a manager or trusted colleague.',
								},
								{
									text: 'Remembering that someone has a parole hearing next week and asking how they feel about it',
									isCorrect: false,
									feedback:
										'This is good professional rapport: showing interest in things that matter to the person, within your role.',
								},
								{
									text: 'Being asked to pass a message to someone on another wing',
									isCorrect: true,
									feedback:
										'Correct. Requests like this are a common boundary test and should be refused and reported as required.',
								},
								{
									text: 'Sharing details about where you live or your family',
									isCorrect: true,
									feedback:
										'Correct. Personal information can compromise your safety and the professional relationship.',
								},
							],
						},
						{
							kind: 'SINGLE',
							prompt:
								'A man on your landing is shouting because his visit has been cancelled. What should you do first?',
							options: [
								{
									text: 'Tell him firmly to calm down or he will be placed on report.',
									isCorrect: false,
									feedback:
										'Threats and "calm down" tend to escalate anger, particularly with an audience. Consequences may follow later, but they are not the first step.',
								},
								{
									text: 'Explain the visits booking rules in detail so he understands why it happened.',
									isCorrect: false,
									feedback:
										'Explanations matter, but someone who is highly aroused cannot take in detail. Acknowledge the feeling first; explain once they are calmer.',
								},
								{
									text: 'Manage your own state: slow down, keep your body language open and position yourself safely.',
									isCorrect: true,
									feedback:
										'Yes. Calm is catching. Regulating yourself, and ensuring safety, gives you the best chance of calming the situation.',
								},
								{
									text: 'Walk away and let him calm down on his own.',
									isCorrect: false,
									feedback:
										'Sometimes giving space is right, but walking away without any acknowledgement can feel dismissive and leaves the situation unmanaged.',
								},
							],
						},
						{
							kind: 'SINGLE',
							prompt: 'In the scenario, why was the follow-up conversation later in the afternoon important?',
							options: [
								{
									text: 'It gave Dan the chance to tell Marcus he would be placed on report.',
									isCorrect: false,
									feedback:
										'Any formal consequences would follow procedures. The purpose of the follow-up was reflection and repair.',
								},
								{
									text: 'It helped Marcus reflect on the impact of his behaviour on others and decide how to put it right.',
									isCorrect: true,
									feedback:
										'Yes. De-escalation deals with the moment; the restorative follow-up turns it into learning and repair.',
								},
								{
									text: 'It was not important; once Marcus was calm, the incident was over.',
									isCorrect: false,
									feedback:
										'Without follow-up, the people affected, like the frightened young man and the new officer, are left with unrepaired harm.',
								},
								{
									text: 'It allowed Dan to find out who else was involved.',
									isCorrect: false,
									feedback:
										"Nobody else was involved in causing the incident; the conversation was about Marcus's own responsibility.",
								},
							],
						},
						{
							kind: 'SCALE',
							prompt: 'How confident do you feel about de-escalating a tense situation without raising your own voice?',
							min: 1,
							max: 5,
							minLabel: 'Not at all confident',
							maxLabel: 'Very confident',
						},
						{
							kind: 'REFLECTION',
							prompt:
								'Recall a tense situation you handled recently. What did you do to calm it, what might you do differently, and was there a follow-up conversation afterwards?',
							guidance:
								'Think about your own state, your words, your position and the audience. If there was no follow-up, consider whether it is not too late to have one.',
						},
					],
				},
			],
		},
		{
			title: 'Harm, accountability and desistance',
			summary:
				'Restorative justice and victim awareness, what meaningful accountability looks like, how relationships support desistance, and why staff relationships with each other matter.',
			lessons: [
				{
					key: 'restorative-justice-and-victim-awareness',
					kind: 'READING',
					title: 'Restorative justice and victim awareness',
					estimatedMinutes: 13,
					markdown: `## What restorative justice is

Restorative justice brings together people harmed by crime or conflict and those responsible for the harm, so that everyone affected can play a part in repairing it and finding a positive way forward. It can take place at any stage of the criminal justice process, including before sentence, during a prison sentence, on probation or in youth justice, and it sits alongside, not instead of, the formal justice system.

The central questions are different from those of a trial. Instead of "Which law was broken, who did it and what should the punishment be?", restorative justice asks "Who has been harmed, what do they need, and whose obligation is it to meet those needs?"

## Forms of restorative justice

- **Restorative justice conferences.** A planned face-to-face meeting between the person harmed, the person responsible and, often, supporters for each, led by a trained facilitator.
- **Indirect or shuttle communication.** The facilitator carries messages, questions and answers between the parties, who do not meet.
- **Letters.** A letter of explanation or apology, passed on only if the person harmed wants to receive it.
- **Community and family conferences,** especially in youth justice, bringing in wider family and community members.

## Safeguards that protect victims

Restorative justice must be safe, voluntary and victim-sensitive. Good practice, reflected in recognised national standards for practitioners, includes:

- **Voluntary participation.** The person harmed chooses whether to take part, and can withdraw at any stage. Nobody should be persuaded or pressured.
- **Acknowledgement of responsibility.** The person responsible must accept that they caused the harm. Restorative justice is not a forum for establishing guilt.
- **Risk assessment and preparation.** Trained facilitators meet each party separately, often several times, and assess whether a meeting is safe and likely to help.
- **Particular care in some cases.** Domestic abuse, sexual offences and hate crime involve complex power dynamics and need specialist assessment; some services will not offer face-to-face meetings in these cases.
- **Facilitator neutrality.** The facilitator does not take sides or push for a particular outcome.

Unless you are trained and working within a recognised service, your role is usually to recognise when restorative justice might help and to refer people, not to arrange meetings yourself.

## Victim awareness

Victim awareness work helps people who have offended to understand the effect of crime on the people harmed, their families and communities. It can be part of programmes in custody, probation supervision or youth justice interventions. It is most effective when it:

- goes beyond asking someone to recite that what they did was wrong
- helps them consider the ripple effects of harm, including fear, loss of trust and practical costs
- avoids shaming, which tends to produce defensiveness or despair rather than change
- connects understanding of harm to a sense that they can do something positive in future

## A worked example

Janet, 67, was burgled while she was in hospital. Nothing of great value was taken, but she no longer felt safe in her home of thirty years and had started sleeping downstairs with the lights on.

Liam, 22, was sentenced for the burglary. During his sentence, he completed a victim awareness course and asked whether he could write to the person he had burgled. The prison referred the request to a local restorative justice service. A facilitator contacted Janet through victim services. She decided she wanted to meet him, mainly to ask whether he had been watching her house.

The facilitator met each of them several times. At the conference, Janet asked her question. Liam told her that he had not been watching her; he had tried the door because it looked empty. Janet said that knowing this made her feel less targeted. Liam heard how she now slept downstairs and said it was the first time he had thought about what happened after he left. They agreed that he would write to her about the steps he was taking on release. Janet later told the facilitator she had moved back upstairs.

## Try this

- Find out which restorative justice service operates in your area and how staff in your setting can make a referral.
- In your next conversation with someone about their offence, ask "Who else has been affected?" and listen to the answer without correcting it.
- Notice any language in your setting that shames rather than invites responsibility, and consider an alternative.`,
				},
				{
					key: 'desistance-and-staff-culture',
					kind: 'READING',
					title: 'Desistance, reducing reoffending and staff relationships',
					estimatedMinutes: 12,
					markdown: `## What desistance means

Desistance is the process by which people move away from offending. Research on desistance has shifted attention from the question "What works to stop people offending?" to "How do people come to stop, and what helps them along the way?"

A few broad themes recur:

- **Desistance is a process, not an event.** Lapses are common. Progress often looks like offending becoming less frequent or less serious before it stops.
- **Identity matters.** People who begin to see themselves as someone other than "an offender" (a parent, a worker, a mentor) are more likely to sustain change.
- **Hope and agency matter.** Believing that change is possible, and that you have some control over your life, supports desistance.
- **Relationships matter.** Stable relationships, and relationships with staff who believe in the person, play a significant part.
- **Practical foundations matter.** Housing, employment, income, treatment for addiction and mental health problems make change possible.

## How staff support desistance

Staff rarely cause desistance, but they can make it more or less likely in every interaction. Relational and restorative practice fits naturally here.

- **Expect change, and say so.** "I think you could do really well on this course" is a powerful message from someone in authority.
- **Notice and name progress.** Affective statements about positive behaviour help people build a different picture of themselves.
- **Work WITH, not FOR.** Help people to solve their own problems: make the phone call with them, not for them.
- **Treat lapses as information.** Hold people accountable, and ask what happened and what would help next time.
- **Connect people to others.** Families, mentors, peer supporters, employers and community groups provide relationships that last beyond the sentence.

## Staff relationships matter too

The way staff treat each other shapes the environment for everyone. Custodial and probation work exposes staff to violence, distress and high workloads. Teams that are fragmented, blaming or exhausted struggle to offer stability to anyone else, and people in custody are very quick to notice conflict between staff.

Restorative habits that support staff include:

- **Check-ins at the start of a shift or team meeting.** A quick round so that people know who is struggling.
- **Structured debriefs after incidents.** Using questions such as "What happened?", "How has it affected you?" and "What do we need now?", with the focus on learning and support, not blame.
- **Restorative conversations between colleagues** when there is tension, rather than letting it spread.
- **Fair process for changes** to rotas, regimes and procedures, so that staff feel consulted rather than done to.

## A worked example

Josh, 19, moved from the youth justice service to adult probation six months ago. His probation practitioner is Aisha. He has a history of car theft and has just started a construction course, but he missed two sessions last week.

Instead of starting with the missed sessions, Aisha says: "Your tutor told me you were the only one who got the bricklaying exercise right first time. How did that feel?" Josh grins. Then she asks about the missed sessions. He says his mates had picked him up and he did not want to look soft by saying no. They talk about what he wants to be known for, and he says he wants to be a bricklayer like his uncle. Together they plan how he will handle the next lift offer, and Aisha arranges for him to meet a mentor who went through the same course.

In the Approved Premises down the road, staff had been in conflict after a serious incident in which a resident assaulted a colleague. The manager arranged a facilitated debrief. Staff described feeling unsupported and blamed. They agreed a new buddy system for night shifts and a five-minute handover check-in. Several staff later said that the debrief was the first time they had felt listened to since the incident.

## Try this

- In your next contact with someone you supervise or look after, name one specific thing they have done well.
- Ask someone what they want to be known for in five years' time, and refer back to it in later conversations.
- Suggest a short check-in at the start of your next team meeting or shift handover.`,
				},
				{
					key: 'module-3-quiz',
					kind: 'QUIZ',
					title: 'Check your understanding: harm, accountability and desistance',
					passMark: 75,
					maxAttempts: 3,
					estimatedMinutes: 12,
					questions: [
						{
							kind: 'MULTIPLE',
							prompt: 'Which of these are essential safeguards in restorative justice? Select all that apply.',
							options: [
								{
									text: 'The person harmed takes part voluntarily and can withdraw at any time.',
									isCorrect: true,
									feedback: 'Correct. Voluntary participation protects victims from further harm and pressure.',
								},
								{
									text: 'The person responsible accepts that they caused the harm.',
									isCorrect: true,
									feedback:
										'Correct. Restorative justice is not a place to dispute guilt; acknowledgement is a precondition.',
								},
								{
									text: 'The meeting is arranged as quickly as possible to keep momentum.',
									isCorrect: false,
									feedback:
										'Speed is not the priority. Careful preparation and risk assessment, often over several meetings, are what make it safe.',
								},
								{
									text: 'A trained facilitator prepares each party and assesses risk.',
									isCorrect: true,
									feedback: 'Correct. Preparation by a trained facilitator is central to safe practice.',
								},
								{
									text: 'The facilitator encourages the victim to forgive the person responsible.',
									isCorrect: false,
									feedback:
										'Forgiveness is never a goal set by the facilitator. The person harmed decides entirely for themselves how they feel.',
								},
							],
						},
						{
							kind: 'SINGLE',
							prompt:
								'A man in your care says he wants to write to the family of the person he assaulted. What is the most appropriate response?',
							options: [
								{
									text: 'Acknowledge the wish, talk with him about it, and refer it to the appropriate restorative justice or victim service.',
									isCorrect: true,
									feedback:
										'Yes. His wish is worth taking seriously, and a specialist service can find out, safely, whether the family want any contact.',
								},
								{
									text: 'Help him write the letter and post it to the family.',
									isCorrect: false,
									feedback:
										'Well intentioned, but unsolicited contact could cause serious distress to the victim and may breach restrictions. It must go through proper channels.',
								},
								{
									text: 'Tell him that contact with victims is never allowed.',
									isCorrect: false,
									feedback:
										'Indirect and direct restorative contact can be possible, with safeguards. A blanket refusal may close down an important step towards responsibility.',
								},
								{
									text: 'Ignore the request, as it is probably an attempt to look good for parole.',
									isCorrect: false,
									feedback:
										'Motives can be mixed, but facilitators assess this. Dismissing the request misses a possible opportunity for repair and change.',
								},
							],
						},
						{
							kind: 'SINGLE',
							prompt: 'Which response to a lapse is most likely to support desistance?',
							options: [
								{
									text: 'Treating the lapse as proof that the person will never change',
									isCorrect: false,
									feedback:
										'Lapses are common on the road to desistance. Treating them as proof of failure can undermine hope, which is itself a factor in desistance.',
								},
								{
									text: 'Ignoring the lapse to protect the relationship',
									isCorrect: false,
									feedback: 'This is the FOR or NOT window. It avoids accountability and can leave risks unmanaged.',
								},
								{
									text: 'Holding the person accountable while exploring what happened and what would help next time',
									isCorrect: true,
									feedback:
										'Yes. High challenge and high support: the lapse is addressed, and the person is helped to learn from it.',
								},
								{
									text: 'Increasing restrictions without discussion',
									isCorrect: false,
									feedback:
										'Restrictions may sometimes be necessary, but imposing them without discussion is working TO the person and misses the chance to learn.',
								},
							],
						},
						{
							kind: 'SCALE',
							prompt:
								'How confident do you feel about explaining restorative justice to someone and knowing how to make a referral?',
							min: 1,
							max: 5,
							minLabel: 'Not at all confident',
							maxLabel: 'Very confident',
						},
						{
							kind: 'REFLECTION',
							prompt:
								'How do staff in your team support each other after a difficult incident? Describe one thing that works well and one thing you would like to change.',
							guidance:
								'Think about the hours and days after an incident: who checks in, whether there is a debrief, and whether staff feel blamed or supported. Consider what you personally could start doing.',
						},
					],
				},
			],
		},
	],
}
