import type { SeedCourse } from './types.ts'

export const course: SeedCourse = {
	slug: 'leading-a-restorative-organisation',
	title: 'Leading a Restorative Organisation',
	summary:
		'For leaders and managers who want relational and restorative practice to last: planning implementation, aligning policies and systems, measuring impact honestly, coaching staff and sustaining practice over years, not months.',
	description: `## Who this course is for

Head teachers and senior leaders, trust and local authority leads, ward managers, matrons and service managers, team leaders in social care, governors and custodial managers, heads of probation delivery units, and anyone responsible for leading relational and restorative practice across a team or organisation. It assumes you have completed **Restorative Practice Foundations** and ideally the course for your own sector.

## What you will cover

- **Leading the change** – why restorative practice cannot be imposed, and how to lead it WITH your staff rather than doing it TO them
- **Implementation** – readiness, phasing, champions and training that reaches everyone
- **Aligning systems** – policies, HR processes, recording systems and meetings that support, rather than undermine, the approach
- **Measuring impact** – choosing meaningful measures, using data you already have and being honest about what you can and cannot claim
- **Coaching and sustaining** – supporting staff to develop their practice, and keeping it alive when leaders move on

Examples are drawn from schools, NHS trusts, social care services and criminal justice settings.

## How it is assessed

Each module ends with a quiz with detailed feedback and a reflection question that builds towards your own implementation plan. Organisations buying places for a leadership team receive a reduced rate per place.`,
	sectors: ['FOUNDATIONS', 'SCHOOLS', 'HEALTH_SOCIAL_CARE', 'CRIMINAL_JUSTICE'],
	cpdMinutes: 75,
	pricePence: 7900,
	volumeTiers: [
		{ minQuantity: 5, unitPricePence: 7100 },
		{ minQuantity: 20, unitPricePence: 6300 },
	],
	sequential: false,
	outcomes: [
		'Lead the introduction of restorative practice using fair process, so that staff are engaged in shaping the change',
		'Plan a phased implementation that takes account of readiness, capacity and the needs of different staff groups',
		'Review policies, procedures and systems so that they reinforce relational and restorative practice',
		'Design a proportionate approach to measuring impact that combines existing data with the experiences of the people involved',
		'Coach staff to develop their restorative practice, and put in place structures that sustain it over time',
	],
	modules: [
		{
			title: 'Leading and planning the change',
			summary:
				'Why restorative practice has to be led relationally, how to plan a realistic implementation, and how to bring policies and systems into line with the approach.',
			lessons: [
				{
					key: 'leading-with-not-to',
					kind: 'VIDEO',
					title: 'Leading WITH, not doing TO',
					transcript: `There's a particular kind of announcement I've heard in staff rooms, team bases and prison offices more times than I can count. It goes something like this: "From September, we are a restorative organisation. Everyone will attend a training day, and all incidents will be followed by a restorative conversation."

It's usually well meant. The leader has seen the approach work elsewhere and wants it here. But notice what's happening. A way of working that's built on doing things WITH people is being done TO the staff. And staff notice. Some comply on the surface. Some quietly resist. Many conclude it's the latest initiative that will fade when the next one arrives.

If you take one idea from this course, let it be this: you cannot impose a restorative culture. You have to lead it in a restorative way.

What does that mean in practice?

First, start with yourself and your leadership team. Before asking anyone else to change, look honestly at how leaders treat staff. How are mistakes handled? How are decisions made? How do senior people speak to each other in meetings? Staff will judge the approach by what they see leaders do, far more than by anything written in a policy.

Second, use fair process. Engage staff early: explain the problem you're trying to solve, and ask what they think. Explain your decisions, including which suggestions you didn't take up and why. Be crystal clear about expectations: what will change, what support people will get, and what's expected of everyone.

Third, keep challenge and support together. Leading restoratively isn't the same as making it optional. Over time, you will expect everyone to work this way. But you'll pair that expectation with training, coaching, time to practise and patience when people find it hard.

Fourth, think in years, not terms. Organisations that embed restorative practice well usually describe a journey of several years, with setbacks along the way. Early enthusiasm is easy. What matters is what's still happening three years in, after staff turnover, budget pressures and a change of leadership.

In this module, we'll look at planning implementation and aligning your systems and policies. In the second module, we'll turn to measuring impact, coaching staff and sustaining practice.

As you go, hold onto a simple test. For every decision you make about introducing restorative practice, ask: am I doing this WITH my staff, or TO them?`,
				},
				{
					key: 'planning-implementation',
					kind: 'READING',
					title: 'Planning a realistic implementation',
					estimatedMinutes: 13,
					markdown: `## Why implementation fails

Restorative practice has a good reputation, and many organisations start with real enthusiasm. Yet it is common to find, a few years later, that practice has faded: a few people still use it, the training materials are in a cupboard and the policy says "restorative" without anyone being able to say what that means day to day.

The reasons are usually not about the approach itself. They tend to be about implementation:

- a single training day with no follow-up
- only some staff groups trained, often leaving out support staff, night staff or administrative teams
- the approach sitting alongside systems that pull in the opposite direction
- a single enthusiastic champion who then leaves
- no agreed picture of what "good" looks like, and no way of knowing whether it is happening

## Phases of implementation

Implementation guidance in education and health often describes a sequence of phases. The exact names vary, but the logic is similar.

1. **Explore.** What problem are we trying to solve? Why restorative practice? Is this the right time? Talk to staff, pupils, patients, service users or people in custody about their experience now.
2. **Prepare.** Build a plan and a team. Decide the scope, the first steps and what success will look like. Secure time and budget.
3. **Deliver.** Train, coach and support people to use the practice. Start with areas of readiness, learn quickly and adjust.
4. **Sustain.** Embed the practice in induction, policies, supervision and everyday routines, so that it survives staff turnover and changes of leadership.

These phases overlap, and you will cycle back through them. But skipping exploration and preparation is one of the most common reasons for failure.

## Readiness

Before launching, be honest about readiness.

- **Leadership:** Are senior leaders willing to change their own practice, and to be seen learning?
- **Capacity:** Is the organisation in crisis? Restorative practice can help a struggling organisation, but launching it in the middle of a major restructure or inspection may not give it a fair chance.
- **Existing culture:** How are staff treated when things go wrong? Is there enough trust for people to try something new?
- **Competing priorities:** What else is being asked of staff this year? What could you stop doing to make room?

## Building the team

- **A steering group** that includes people from different roles and levels, not only senior leaders. In a school, that means teaching assistants and midday supervisors; on a ward, healthcare assistants; in a prison, officers from different shifts.
- **Practice champions** who are respected by colleagues, trained in more depth and given time to support others.
- **A senior sponsor** who protects time and budget and removes obstacles.
- **People with lived experience,** such as pupils, families, patients or people with convictions, whose views help keep the work grounded.

## Training that reaches everyone

Effective programmes usually combine:

- a shared introduction for everyone, so there is a common understanding
- deeper training for those who will facilitate circles, conferences or supervision
- follow-up sessions and coaching over months, not just days
- induction for new staff, so the approach does not depend on who was there at the launch

## A worked example

Fernside Community Mental Health Services, part of a fictional NHS trust, wanted to reduce conflict within teams and improve how staff responded to complaints. The service director, Mark, was tempted to commission a training day for all 120 staff in the first month.

Instead, he spent a term exploring. He held listening sessions with each team, and a meeting with service users from the trust's involvement group. Staff said their main frustrations were poor handovers between teams and feeling blamed after serious incidents. Service users said they often felt talked about rather than talked with.

A steering group of twelve, including two peer support workers, designed a two-year plan. Year one started with two teams that had volunteered. Each had a two-day training programme, monthly coaching and a champion with protected time. The leadership team committed to using restorative questions in their own meetings and in serious incident reviews. Learning from the first two teams shaped the roll-out to the rest of the service in year two.

## Try this

- Write down, in one sentence, the problem you want restorative practice to help solve. If you cannot, you are not ready to plan.
- Map your staff groups and check that each one is included in your training plan.
- Identify two or three areas of readiness where you could start, and one thing you will stop doing to make room.`,
				},
				{
					key: 'aligning-policies-and-systems',
					kind: 'READING',
					title: 'Aligning policies and systems',
					estimatedMinutes: 11,
					markdown: `## When systems pull the other way

Staff can be trained in restorative practice, believe in it and want to use it, and still find it impossible, because the organisation's systems are built for something else. A behaviour policy that requires an automatic sanction for every incident, with no mention of repair. An incident reporting system that asks only "who was at fault?" A disciplinary procedure that goes straight to formal investigation without any option for an early conversation. Meetings where only senior voices are heard.

When practice and systems conflict, systems usually win. So leaders need to look carefully at what their systems are actually encouraging.

## Where to look

### Policies

- **Behaviour, conduct and anti-bullying policies.** Do they describe repair as well as consequences? Do they explain the thinking, or only list sanctions?
- **Complaints policies.** Is there an option for an early conversation or meeting, not only a written response?
- **Staff policies.** Do grievance, dignity at work and disciplinary procedures include informal, early resolution where appropriate? Conciliation services and employment guidance in the UK generally encourage resolving workplace problems informally where possible, with formal routes available when needed.

Be careful: restorative approaches must never replace safeguarding procedures, legal duties, or formal processes where there is serious misconduct or risk. Good policies are clear about when a restorative route is appropriate and when it is not.

### Procedures and recording

- **Incident forms.** Do they ask who was affected and what has been done to repair harm, as well as what happened and who was responsible?
- **Case records and care plans.** Is the person's own voice recorded?
- **Data systems.** Can you record restorative conversations and circles, so they are visible?

### Meetings and decisions

- **Team meetings.** Do they include check-ins? Does everyone get a voice, or the same few people?
- **Decision-making.** When changes are made to rotas, timetables or regimes, is fair process followed?
- **Reviews after incidents.** Is the focus on learning and support, or on finding someone to blame?

### People processes

- **Recruitment.** Do interviews explore relational skills?
- **Induction.** Do new starters learn the approach in their first weeks?
- **Appraisal and supervision.** Are relational and restorative skills part of what is discussed and valued?

## Using fair process to rewrite policy

A policy about working WITH people should itself be written with people. That means involving the people it affects: staff from different roles, and where appropriate pupils, families, patients, service users or people in custody.

A simple process:

1. Explain why the policy is being reviewed and what cannot change (for example, legal requirements).
2. Gather views through conversations, circles or short surveys.
3. Draft the policy with a small working group.
4. Share the draft, explaining how views were used and why some suggestions were not adopted.
5. Be clear about when it takes effect, what support is available and when it will be reviewed.

## A worked example

Oakbridge Primary School had trained all staff in restorative practice, but its behaviour policy still set out a ladder of sanctions with no reference to repair. Midday supervisors, who dealt with most playground incidents, had been trained but were still required to send children straight to the head teacher for any physical incident.

The head teacher, Mrs Adeyemi, set up a working group: two teachers, two midday supervisors, a teaching assistant, the SENCo, two parents and members of the school council. Over a term, they rewrote the policy. It kept clear consequences, but every step now included a restorative conversation, and it explained the reasons in language that children and parents could understand. Midday supervisors were trusted to handle minor physical incidents with a restorative conversation, with clear guidance on when to involve a senior leader or the DSL. The school also added a "who was affected and what has been done to put it right?" section to its incident log.

## Try this

- Choose one policy that affects how people respond to problems. Read it and highlight every word or step that reflects working WITH people, and every one that reflects working TO them.
- Look at your incident or complaint forms. What questions could you add?
- Ask a group of front-line staff which systems make restorative practice harder, and listen.`,
				},
				{
					key: 'module-1-quiz',
					kind: 'QUIZ',
					title: 'Check your understanding: leading and planning the change',
					passMark: 75,
					maxAttempts: 3,
					estimatedMinutes: 12,
					questions: [
						{
							kind: 'SINGLE',
							prompt:
								'A director announces that from next month all teams will use restorative practice, and books a single compulsory training day. What is the main risk?',
							options: [
								{
									text: 'Staff will be too enthusiastic and overuse the approach.',
									isCorrect: false,
									feedback:
										'Over-enthusiasm is rarely the problem. The greater risk is that staff experience the change as something done to them.',
								},
								{
									text: 'The training day is too long.',
									isCorrect: false,
									feedback:
										'Length is not the issue. What matters is how staff are engaged in the change and what support follows the training.',
								},
								{
									text: 'There is no risk, as long as the training is high quality.',
									isCorrect: false,
									feedback:
										'High-quality training helps, but implementation depends on leadership, systems, follow-up and how the change is introduced.',
								},
								{
									text: 'A way of working built on doing things WITH people is being imposed TO staff, and one day without follow-up rarely changes practice.',
									isCorrect: true,
									feedback:
										'Yes. Imposed change invites surface compliance or quiet resistance, and one-off training without coaching and systems change tends to fade.',
								},
							],
						},
						{
							kind: 'MULTIPLE',
							prompt:
								'Which of these are signs that an organisation may not yet be ready to launch a restorative approach? Select all that apply.',
							options: [
								{
									text: 'Senior leaders are unwilling to change their own practice.',
									isCorrect: true,
									feedback:
										'Correct. Staff judge the approach by what leaders do. Without leadership commitment, practice rarely takes root.',
								},
								{
									text: 'The organisation is in the middle of a major restructure with no capacity for training.',
									isCorrect: true,
									feedback:
										'Correct. Timing matters. It may be better to explore and prepare now and deliver when there is capacity.',
								},
								{
									text: 'Some staff are sceptical.',
									isCorrect: false,
									feedback:
										'Scepticism is normal and healthy. Engaging sceptics through fair process often strengthens implementation.',
								},
								{
									text: 'Nobody can say what problem restorative practice is meant to solve.',
									isCorrect: true,
									feedback:
										'Correct. Without a clear purpose it is hard to plan, engage staff or know whether the approach is working.',
								},
							],
						},
						{
							kind: 'SINGLE',
							prompt:
								'Staff on a ward have been trained in restorative practice, but the incident reporting form asks only "Who was at fault?" What is the most useful leadership response?',
							options: [
								{
									text: 'Work with staff and governance colleagues to revise the form, adding questions about who was affected and what has been done to learn and repair.',
									isCorrect: true,
									feedback:
										'Yes. Aligning systems with practice, and doing it with the people who use them, removes a contradiction that would otherwise undermine the approach.',
								},
								{
									text: 'Tell staff to ignore the form and focus on conversations.',
									isCorrect: false,
									feedback:
										'Incident reporting is essential for safety and governance, so staff cannot ignore it. The form itself needs to change.',
								},
								{
									text: 'Leave the form as it is; forms do not affect culture.',
									isCorrect: false,
									feedback:
										'Systems send strong messages about what matters. A form focused only on fault encourages blame.',
								},
								{
									text: 'Replace formal reporting with restorative meetings.',
									isCorrect: false,
									feedback:
										'Restorative approaches never replace safety reporting, safeguarding or governance duties. They work alongside them.',
								},
							],
						},
						{
							kind: 'SCALE',
							prompt:
								"How well aligned are your organisation's current policies and systems with relational and restorative practice?",
							min: 1,
							max: 5,
							minLabel: 'Not at all aligned',
							maxLabel: 'Fully aligned',
						},
						{
							kind: 'REFLECTION',
							prompt:
								'In one or two sentences, what problem do you want restorative practice to help solve in your organisation? Who will you involve in the explore and prepare phases, and which system or policy will you review first?',
							guidance:
								'Be as specific as you can. Think about which staff groups, and which people who use your service, need a voice early on. This will form the start of your implementation plan.',
						},
					],
				},
			],
		},
		{
			title: 'Measuring, coaching and sustaining',
			summary:
				'How to measure the impact of restorative practice honestly, coach staff to develop their skills, and build structures that keep practice alive for the long term.',
			lessons: [
				{
					key: 'measuring-impact',
					kind: 'READING',
					title: 'Measuring impact honestly',
					estimatedMinutes: 12,
					markdown: `## Why measure?

Leaders need to know whether restorative practice is making a difference: to make good decisions, to keep staff motivated, and to account to governors, boards, commissioners and inspectors. But measuring the impact of a culture change is genuinely difficult. Outcomes are influenced by many factors, change takes time, and the things that matter most, such as trust and belonging, are hard to count.

The answer is not to avoid measurement, but to do it proportionately and honestly.

## Start with a theory of change

Before choosing measures, set out what you expect to happen and why. A simple chain helps:

1. **What we will do:** for example, train all staff, run weekly circles, use restorative conversations after incidents.
2. **What we expect to change in practice:** staff use the questions; circles happen; incidents are followed by repair.
3. **What we expect to change for people:** pupils, patients, staff or people in custody feel more heard and more connected.
4. **What we hope will follow:** fewer incidents, better attendance, fewer complaints, lower staff turnover.

Each link gives you something to look at. If outcomes are not changing, the chain helps you see why: perhaps the training happened but practice did not change.

## Three kinds of evidence

### Is it happening? (implementation)

- How many staff have been trained and coached?
- How often are circles and restorative conversations taking place?
- Observations or self-assessments of practice quality
- Are policies and systems aligned?

### How is it experienced? (experience)

- Short surveys of staff, pupils, patients, service users or families, repeated over time, asking for example whether people feel listened to, treated fairly and able to raise concerns
- Feedback from people who took part in restorative meetings
- Stories and case studies, gathered systematically rather than chosen only because they are positive
- Circles or focus groups about how things feel

### What is changing? (outcomes)

Use data you already collect, where it fits your theory of change.

- **Schools:** attendance, suspensions and exclusions, removals from class, bullying reports, behaviour incidents
- **Health and social care:** staff survey results, sickness absence, turnover, complaints, incident reporting culture
- **Criminal justice:** violence and assaults, use of force, adjudications, complaints, engagement with interventions, staff sickness and retention

## Being honest about what you can claim

- **Establish a baseline** before you start, so you can compare.
- **Look at trends over time,** not single months, and expect some things to get worse before they get better. For example, incident reporting often rises at first as people feel safer to report.
- **Consider other explanations.** A new head teacher, a change in population or a national policy change may also affect your figures.
- **Avoid overclaiming.** "Suspensions have fallen since we introduced restorative practice, alongside other changes" is more credible than "restorative practice halved suspensions."
- **Share findings openly,** including what is not working, with staff and the people you serve.

## A worked example

A youth justice service introduced restorative practice across its team. The manager, Grace, agreed with her partnership board to track three things: how many staff had completed training and monthly coaching; a short feedback survey for young people and victims after restorative interventions; and the rates of young people completing their orders.

After a year, training and coaching were well established, and feedback from victims who took part was consistently positive. Completion rates had risen, but Grace was careful in her report to the board: the service had also moved to a new building nearer the town centre, which made appointments easier to reach. She recommended continuing the approach and strengthening the data, rather than claiming success too soon.

## Try this

- Sketch a simple theory of change for your own setting on one page.
- List the data you already collect and tick the items that connect to your theory of change.
- Design three short survey questions about being listened to and treated fairly, and plan when you will repeat them.`,
				},
				{
					key: 'coaching-and-sustaining-practice',
					kind: 'READING',
					title: 'Coaching staff and sustaining practice',
					estimatedMinutes: 12,
					markdown: `## From training to everyday habit

Training introduces ideas and skills. Coaching is what turns them into habits. Most staff leave a training day motivated, try a new approach a few times, hit a difficult situation, and fall back on what they know. Without someone to reflect with, many never try again.

Leaders do not have to be expert coaches, but they do need to make sure coaching happens, and to model a coaching approach in their own conversations.

## A restorative approach to coaching

The restorative questions adapt naturally for coaching conversations about practice.

- **What happened?** "Tell me about the restorative conversation you had with Tyler's mum."
- **What were you thinking at the time?** "What was going through your mind when she got angry?"
- **What have you thought about since?** "Looking back, what stands out?"
- **Who was affected, and how?** "How do you think she felt by the end? How did you feel?"
- **What would you do next time?** "What might you try differently?"

Good coaching conversations are mostly questions, with honest feedback offered when it helps. They combine challenge and support: high expectations of practice, and real help to meet them.

## Structures that support coaching

- **Observation and feedback.** Peer observation of circles or restorative conversations, with a focus on learning, not judgement.
- **Practice groups or communities of practice.** Regular sessions where staff bring real situations, practise skills and share what is working.
- **Champions with protected time.** Champions need time in their timetable or rota, not just goodwill.
- **Supervision.** In health, social care and criminal justice, supervision is a natural place to reflect on relational practice. In schools, line management and coaching conversations can play a similar role.
- **Leaders as learners.** When senior leaders bring their own difficult conversations to practice groups, it tells everyone that learning is expected at every level.

## Sustaining practice over time

The real test of implementation is what is still happening years later. Organisations that sustain restorative practice usually:

- **build it into induction,** so every new starter learns the approach in their first weeks
- **write it into policies, job descriptions and appraisal,** so it does not depend on goodwill
- **grow internal trainers and facilitators,** so they are not reliant on outside providers
- **plan for succession,** with several champions rather than one, and a plan for when key people leave
- **keep talking about it,** in briefings, newsletters and meetings, with real stories from staff and the people they serve
- **revisit and refresh,** with periodic reviews of practice, updated training and honest conversations about drift

## Noticing drift

Practice tends to drift under pressure. Signs include circles quietly stopping, restorative conversations becoming rushed scripts, sanctions creeping back as the main response, or staff saying "we used to do that". When you notice drift, respond restoratively: ask staff what has got in the way, acknowledge the pressures, and agree together what to restart.

## A worked example

HMP Ashcombe, a fictional category C prison, introduced restorative practice on two wings with a group of officer champions. Eighteen months later, one champion had been promoted to another prison and another was on long-term sick leave. Circles on one wing had stopped altogether.

The governor, Kate, met the remaining champions and a group of officers from both wings. Using the restorative questions, she asked what had happened, what people had thought about since, and what was needed. Officers said the circles had stopped when the staffing detail changed and nobody was named to run them. Together they agreed to train four more champions across different shifts, add circles to the wing regime so they were planned rather than optional, and hold a monthly practice group in the training room. Kate committed to attending the practice group every other month herself.

## Try this

- Have one coaching conversation with a colleague this week using the adapted restorative questions.
- Check your succession plan: if your main champion left tomorrow, what would happen?
- Ask staff: "What have we stopped doing that we used to do well?" and listen without defending.`,
				},
				{
					key: 'module-2-quiz',
					kind: 'QUIZ',
					title: 'Check your understanding: measuring, coaching and sustaining',
					passMark: 75,
					maxAttempts: 3,
					estimatedMinutes: 12,
					questions: [
						{
							kind: 'SINGLE',
							prompt:
								'Six months after introducing restorative practice, a school sees suspensions fall. Which statement to governors is most credible?',
							options: [
								{
									text: '"Restorative practice has solved our behaviour problems."',
									isCorrect: false,
									feedback:
										'This overclaims. Six months is a short period, and other factors may be involved. Overclaiming can damage credibility if figures later rise.',
								},
								{
									text: '"We can\'t say anything about impact, so we won\'t report on it."',
									isCorrect: false,
									feedback:
										'Governors need information to make decisions. Honest, qualified reporting is much better than silence.',
								},
								{
									text: '"Suspensions have fallen since we introduced restorative practice, alongside other changes. We will keep tracking the trend and the quality of practice."',
									isCorrect: true,
									feedback:
										'Yes. This is honest about what can be claimed, acknowledges other factors and commits to continued monitoring.',
								},
								{
									text: '"Suspensions are down, which proves restorative practice works everywhere."',
									isCorrect: false,
									feedback:
										"One setting's data cannot prove that an approach works everywhere, and a short-term fall does not establish cause.",
								},
							],
						},
						{
							kind: 'MULTIPLE',
							prompt:
								'Which of these would help you judge whether restorative practice is actually happening, rather than only what outcomes are changing? Select all that apply.',
							options: [
								{
									text: 'Records of how often circles and restorative conversations take place',
									isCorrect: true,
									feedback:
										'Correct. This tells you whether the practice is being used, which is essential for interpreting outcome data.',
								},
								{
									text: 'Peer observations or self-assessments of practice quality',
									isCorrect: true,
									feedback:
										'Correct. Quality matters as well as quantity. A rushed script is not the same as a genuine conversation.',
								},
								{
									text: 'Numbers of staff trained and receiving coaching',
									isCorrect: true,
									feedback: 'Correct. Training and coaching reach are key implementation measures.',
								},
								{
									text: 'The annual sickness absence rate alone',
									isCorrect: false,
									feedback:
										'Sickness absence may be a useful outcome measure, but it does not tell you whether restorative practice is being used.',
								},
							],
						},
						{
							kind: 'SINGLE',
							prompt:
								'You notice that circles have quietly stopped in one team and staff say "we used to do that". What is the most restorative leadership response?',
							options: [
								{
									text: 'Issue an instruction that circles must restart from Monday.',
									isCorrect: false,
									feedback:
										'Clear expectations matter, but an instruction without understanding what went wrong is working TO staff, and the same obstacles will return.',
								},
								{
									text: 'Meet the team, ask what got in the way, acknowledge the pressures and agree together what to restart and what support is needed.',
									isCorrect: true,
									feedback:
										'Yes. This combines a clear expectation with real support and uses fair process, which is far more likely to make practice stick.',
								},
								{
									text: 'Accept that the approach has run its course in that team.',
									isCorrect: false,
									feedback: 'Drift is normal and can be reversed. Accepting it without discussion is the NOT window.',
								},
								{
									text: 'Run the circles yourself for the team.',
									isCorrect: false,
									feedback:
										'Modelling can help, but taking over is working FOR the team and does not build their own confidence or ownership.',
								},
							],
						},
						{
							kind: 'SCALE',
							prompt:
								'How confident are you that restorative practice in your organisation would survive if its main champion left?',
							min: 1,
							max: 5,
							minLabel: 'Not at all confident',
							maxLabel: 'Very confident',
						},
						{
							kind: 'REFLECTION',
							prompt:
								'Outline your plan for sustaining restorative practice over the next two years. Include how you will measure impact, how staff will be coached and what you will put in place for succession.',
							guidance:
								'Draw on your reflection from module 1. You might structure your answer under three headings: measure, coach, sustain. Identify who you need to involve and the first step you will take in the next month.',
						},
					],
				},
			],
		},
	],
}
