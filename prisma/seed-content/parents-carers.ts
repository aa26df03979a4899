import type { SeedCourse } from './types.ts'

export const course: SeedCourse = {
	slug: 'understanding-behaviour-for-parents-and-carers',
	title: 'Understanding Behaviour: A Course for Parents and Carers',
	summary:
		"A warm, practical course for parents, foster carers, kinship carers and grandparents: what's going on in your child's brain, what their behaviour might be telling you, and calmer ways to respond, put things right and help them get along with others.",
	description: `## Who this course is for

Parents, step-parents, foster carers, adoptive parents, kinship carers, grandparents and anyone else bringing up children or teenagers. You do not need any background knowledge, and there is no jargon. Every family is different and nobody gets this right all the time, including the people who wrote this course.

## What you will cover

- **How your child's brain grows** – a simple picture of the "thinking brain" and the "alarm system", why calm has to come before reasoning, and what changes in the teenage years
- **What behaviour might be telling you** – looking underneath the behaviour for the need
- **Warm and firm** – holding boundaries kindly, connection before correction, and putting things right after a row
- **Getting along with others** – helping children name feelings, take turns and make amends
- **Family meetings and looking after yourself** – because you matter too

The course takes a little over an hour, in short pieces you can fit around family life. Each section has ideas to try at home this week.

## How it works

Each module ends with a few quiz questions with friendly feedback, and a reflection question. Your reflections are private to you. You can take the modules in any order.`,
	sectors: ['PARENTS_CARERS'],
	cpdMinutes: 75,
	pricePence: 1900,
	sequential: false,
	outcomes: [
		"Explain in everyday language how the alarm system and the thinking brain affect children's behaviour, including in the teenage years",
		'Look beneath challenging behaviour to the feelings and needs it may be communicating',
		'Respond to challenging behaviour with firm boundaries and warmth, putting connection before correction',
		'Repair the relationship after a rupture, and show children how to do the same',
		'Teach children key relationship skills, including naming feelings, taking turns and making amends',
		'Hold simple family meetings and plan ways to look after your own wellbeing',
	],
	modules: [
		{
			title: "Your child's brain and behaviour",
			summary:
				'A simple, practical picture of how children\'s brains develop, why they sometimes "lose it", and what their behaviour might be trying to tell you.',
			lessons: [
				{
					key: 'alarm-system-and-thinking-brain',
					kind: 'VIDEO',
					title: 'The alarm system and the thinking brain',
					transcript: `Hello, and welcome. I'm going to start with a scene that might feel familiar.

It's half past five. Tea is nearly ready. Your seven-year-old has just been told it's time to turn off the tablet. Within seconds, there's screaming, a thrown cushion, and "I hate you!" You try to explain, calmly and reasonably, why screen time has to end. And it makes things worse.

Why does that happen? A simple picture of the brain helps.

Imagine your child's brain has two important parts. Low down, there's an alarm system. Its job is to keep us safe. When it senses danger, or something that feels like danger, such as disappointment, embarrassment or being told no, it goes off. It floods the body with energy to fight, run away or freeze. It's fast, and it doesn't think.

Higher up, there's the thinking brain. This is the part that can plan, solve problems, understand other people's feelings and control impulses. It's slower, and in children it's still being built. In fact, it keeps developing well into the mid-twenties.

Here's the important bit. When the alarm system is going off, the thinking brain goes offline. It's as if the alarm is so loud that nobody can hear the quieter voice of reason. So when your child is screaming about the tablet, explaining the rules isn't going to work, because the part of them that could understand your explanation isn't available right now.

That's why we talk about regulation before reasoning. First, help the alarm calm down. That might mean staying close, speaking softly, using fewer words, offering a hug or just waiting. Your own calm helps: children borrow it from us. Then, once they're settled, the thinking brain comes back online, and that's when you can talk about what happened.

In the teenage years, there's a twist. The brain goes through a big period of rebuilding. The parts linked to emotions, rewards and what friends think become very active, while the thinking brain is still catching up. So teenagers can feel things intensely, take more risks, and care enormously about their friends. It's not that they can't think; it's that under pressure, the alarm often wins.

None of this means behaviour doesn't matter, or that there are no boundaries. It means timing matters. Calm first. Talk later.

In the next lesson, we'll look at what behaviour might be telling you.`,
				},
				{
					key: 'what-behaviour-might-be-telling-you',
					kind: 'READING',
					title: 'What behaviour might be telling you',
					estimatedMinutes: 10,
					markdown: `## Behaviour is a message

Children, especially young children, often do not have the words to say "I'm overwhelmed", "I'm frightened I'm not good enough" or "I need you to notice me". So they show us instead. Shouting, hitting, refusing, sulking, clinging and slamming doors can all be ways of communicating something.

This does not mean every bit of behaviour has a deep hidden meaning, or that children should not be expected to behave well. It means that when behaviour is difficult, it is worth asking: **what might be going on underneath?**

## Common things behaviour can be telling us

- **"I'm tired, hungry or unwell."** Many meltdowns happen just before meals, late in the day or when a child is coming down with something.
- **"It's all too much."** Noise, crowds, busy timetables and big changes can overload children, particularly those with additional needs.
- **"I need you."** Children who feel disconnected sometimes find that difficult behaviour is the quickest way to get an adult's full attention.
- **"I'm worried."** Anxiety can look like anger, stubbornness or stomach aches on school mornings.
- **"I don't know how."** Sometimes children simply have not learned the skill yet, such as waiting, sharing or losing a game.
- **"I've been holding it together all day."** Many children manage well at school, then fall apart at home, where they feel safest.

## Teenagers are still communicating

Teenagers are often better at hiding what is going on, but behaviour still carries messages. A teenager who is suddenly rude, withdrawn or glued to their phone might be dealing with friendship trouble, exam pressure, online worries or questions about who they are.

It also helps to remember some normal parts of teenage development:

- **Sleep patterns shift later.** Many teenagers genuinely struggle to fall asleep early and to wake up early. Mornings can be hard.
- **Friends matter enormously.** Caring a lot about what peers think is part of growing up, not a rejection of you.
- **Risk feels different.** Especially in front of friends, the excitement of a risk can outweigh the sense of danger.
- **They still need you,** even when they act as if they do not.

## A real-life example

Mia is seven. Most days after school, she melts down within half an hour of getting home: screaming about her snack, refusing to take her shoes off, lashing out at her little brother. Her teacher says she is "no trouble at all" in class.

Her dad, Chris, used to respond by sending her to her room, which often made things worse. After thinking about what might be going on, he tried something different. He started giving her a snack in the car, playing quiet music on the way home and not asking questions about her day until later. At home, he let her have twenty minutes on the sofa with a blanket before anything else was expected.

The meltdowns did not stop overnight, but they became less frequent and less intense. A few weeks later, at bedtime, Mia told him that a girl in her class had been saying she could not come to her party. She had been holding that in for days.

## Try this

- Next time your child's behaviour is difficult, pause and ask yourself quietly: *what might this be telling me?* You do not need to get the answer right.
- Keep a simple note for a week of when difficult moments happen. Look for patterns: times of day, hunger, tiredness, particular activities.
- Try the "sandwich" for tricky times of day: something calming before (a snack, quiet time), and something connecting after (a cuddle, a chat).
- With teenagers, try talking side by side, in the car or while cooking, rather than face to face. Many find it much easier.`,
				},
				{
					key: 'module-1-quiz',
					kind: 'QUIZ',
					title: 'Check your understanding: brain and behaviour',
					passMark: 60,
					maxAttempts: null,
					estimatedMinutes: 8,
					questions: [
						{
							kind: 'SINGLE',
							prompt:
								'Your five-year-old is screaming and kicking because you have said no to a biscuit before dinner. What is likely to help most right now?',
							options: [
								{
									text: 'Calmly explain why biscuits before dinner spoil your appetite.',
									isCorrect: false,
									feedback:
										"A very reasonable explanation, but while the alarm system is going off, the thinking brain can't take it in. Save the explanation for later, if it's needed at all.",
								},
								{
									text: 'Give them the biscuit so the screaming stops.',
									isCorrect: false,
									feedback:
										'Completely understandable when you\'re tired! But it can teach that screaming changes a "no". You can hold the boundary and still be kind.',
								},
								{
									text: 'Tell them they will lose their pudding if they do not stop.',
									isCorrect: false,
									feedback:
										'Threats tend to sound the alarm even louder. Consequences can sometimes be useful, but not while a child is this upset.',
								},
								{
									text: 'Stay close and calm, use few words, and help them settle before talking about it.',
									isCorrect: true,
									feedback:
										'Yes. Regulation before reasoning. Your calm helps their alarm system settle, and then the thinking brain can come back online.',
								},
							],
						},
						{
							kind: 'MULTIPLE',
							prompt: 'Which of these are normal parts of teenage development? Select all that apply.',
							options: [
								{
									text: 'Sleep patterns shifting later, so early mornings are harder',
									isCorrect: true,
									feedback: 'Correct. This is a real biological change, not just laziness.',
								},
								{
									text: 'Caring a great deal about what friends think',
									isCorrect: true,
									feedback: 'Correct. Friendships become especially important as teenagers work out who they are.',
								},
								{
									text: 'No longer needing their parents or carers',
									isCorrect: false,
									feedback:
										"Teenagers may act as if they don't need you, but a warm, steady relationship with adults at home still matters a great deal.",
								},
								{
									text: 'Being more drawn to risk, especially in front of friends',
									isCorrect: true,
									feedback:
										'Correct. The emotional and reward parts of the brain are very active in adolescence, and peers make risks feel more exciting.',
								},
							],
						},
						{
							kind: 'SINGLE',
							prompt: 'Mia behaved well at school but often fell apart at home. What does this most likely tell us?',
							options: [
								{
									text: 'She was deliberately saving her bad behaviour for her dad.',
									isCorrect: false,
									feedback:
										"It can feel that way, but it's rarely deliberate. Children often let go of the day's stress where they feel safest.",
								},
								{
									text: 'She had been holding it together all day and needed to unwind somewhere she felt safe.',
									isCorrect: true,
									feedback:
										'Yes. After-school meltdowns are common and often a sign that home is where a child feels safe enough to let go.',
								},
								{
									text: 'Her dad was being too soft on her.',
									isCorrect: false,
									feedback:
										'Nothing in the example suggests that. In fact, when Chris added more calm and connection, things improved.',
								},
								{
									text: 'The school must be hiding problems.',
									isCorrect: false,
									feedback:
										"Not necessarily. Many children cope well in class and release their feelings at home. It's still worth keeping in touch with school.",
								},
							],
						},
						{
							kind: 'REFLECTION',
							prompt:
								'Think about a behaviour that often happens in your family. What might it be telling you? What is one small thing you could try this week in response?',
							guidance:
								'There are no wrong answers here, and this is private to you. It might help to think about when it usually happens, and what your child might be feeling just before.',
						},
					],
				},
			],
		},
		{
			title: 'Warm, firm and putting things right',
			summary:
				'Holding boundaries with kindness, putting connection before correction, and how to repair things after a row, with your child and with yourself.',
			lessons: [
				{
					key: 'connection-before-correction',
					kind: 'READING',
					title: 'Connection before correction: warm and firm',
					estimatedMinutes: 10,
					markdown: `## Four ways to respond

When children push against the rules, most of us fall into one of four patterns, depending on the day and how tired we are.

- **Bossing:** lots of rules and control, not much warmth. "Because I said so." Children may obey while we are watching, but often feel resentful.
- **Rescuing:** lots of warmth, not many limits. We give in, smooth things over or do things for them. It feels loving, but children miss out on learning to cope with "no".
- **Switching off:** not much of either. We are too exhausted to engage. This happens to everyone sometimes.
- **Working alongside:** warm *and* firm. Clear limits, explained kindly, with help to meet them.

The last one is what we are aiming for. It is not about being perfect; it is about noticing which pattern we are in and moving towards warm and firm more often.

## Connection before correction

When a child is upset or behaving badly, the instinct is to correct straight away. But children learn best from people they feel connected to, and when they are calm. So:

1. **Connect first.** Get down to their level, use their name, acknowledge the feeling. "You're really cross that we have to leave the park."
2. **Hold the boundary.** Calmly, without a lecture. "It's still time to go."
3. **Help them meet it.** "Do you want to walk or shall I carry you? Let's race to the gate."
4. **Talk later, if needed.** Once everyone is calm, a short chat about what happened is far more useful than one in the heat of the moment.

Connection does not mean giving in. You can fully accept the feeling and still say no to the behaviour. "You're allowed to be angry. You're not allowed to hit."

## Boundaries that make sense

Boundaries help children feel safe. They work best when they are:

- **few and clear:** children cannot follow twenty rules
- **explained:** "We hold hands near the road because cars can't always see small people."
- **consistent:** the same boundary from day to day, and ideally from adult to adult
- **followed through:** if you say it, mean it, so say only what you can follow through on
- **linked to the behaviour:** if a bike is ridden in the road, the bike goes away for the afternoon; losing the tablet for a week is unrelated and feels like punishment

With teenagers, involve them in setting boundaries. They are much more likely to stick to rules they helped create.

## A real-life example

Lisa's son Ethan is 14. He has been on his phone until well after midnight and is exhausted for school. The old pattern was that Lisa shouted, confiscated the phone, Ethan slammed his door and nobody spoke for a day.

This time, Lisa waits until a calm Saturday morning and says, "I've noticed you're really tired in the mornings, and I'm worried about how school's going. I know your phone is how you keep up with your mates, so I don't want to just take it. Can we work out a plan together?"

Ethan says that everyone messages late, and he doesn't want to miss out. They agree the phone will charge downstairs from 10.30 on school nights, and he can have it later at weekends. Lisa agrees to do the same with her own phone. They try it for a fortnight, then check in. There are a couple of grumbles, but Ethan sticks to it, partly because the rule is one he helped make.

## Try this

- Catch yourself once this week in bossing, rescuing or switching off. No judgement, just notice.
- Try the phrase: "You're allowed to feel... You're not allowed to..."
- Choose one boundary that keeps causing arguments. Plan how to explain it, make it consistent and follow it through.
- For teenagers, try "Can we work out a plan together?" instead of announcing a new rule.`,
				},
				{
					key: 'repairing-after-a-row',
					kind: 'VIDEO',
					title: 'Putting things right after a row',
					transcript: `Let me tell you about Sarah and her ten-year-old son, Leo.

It's a school morning. Sarah's running late for work. Leo can't find his PE kit, and he's still in his pyjamas. She's already asked him three times to get dressed. On the fourth time, she shouts. Really shouts. She calls him lazy and says he always makes everyone late. Leo bursts into tears, and they drive to school in silence.

At work, Sarah feels awful. Maybe you've had a morning like that. Most parents have.

Here's the thing I want you to hold on to. Ruptures, those moments when we lose our temper or get it wrong, happen in every family. What matters most for children isn't that we never get it wrong. It's what we do afterwards. Repair is one of the most important things we can show our children, because it teaches them that relationships can survive mistakes, and it shows them how to put things right themselves.

So what does Sarah do?

That evening, once things are calm, she sits next to Leo on the sofa. She doesn't start with an explanation or a lecture about PE kits. She starts with her part.

"Leo, I want to talk about this morning. I shouted at you, and I called you lazy. That wasn't fair, and it wasn't true. I was stressed about being late, but that's not your fault. I'm sorry."

Leo shrugs, but he's listening.

"How did you feel when I shouted?"

Leo says he felt upset all morning, and he didn't want to go to school.

"I'm really sorry. What do you think would help mornings go better?"

Leo thinks. He suggests getting his bag ready the night before. Sarah says that's a great idea, and she'll try to get up ten minutes earlier. They agree to try it tomorrow.

Notice what Sarah did. She waited until they were both calm. She took responsibility for her own behaviour, specifically: the shouting, and the word "lazy". She didn't say "I'm sorry, but...". She asked how Leo felt. And then they worked out a plan together, where both of them had a part to play.

Sarah didn't pretend the PE kit didn't matter. Getting ready on time is still important. But she separated her behaviour from his, and she owned hers first.

Repair doesn't need to be long. Sometimes it's a single sentence and a hug. But when children see the adults they love saying "I got that wrong, and here's what I'll do differently", they learn that's what grown-ups do. And they're much more likely to do it themselves.`,
				},
				{
					key: 'module-2-quiz',
					kind: 'QUIZ',
					title: 'Check your understanding: warm, firm and repair',
					passMark: 60,
					maxAttempts: null,
					estimatedMinutes: 8,
					questions: [
						{
							kind: 'SINGLE',
							prompt: 'Which of these responses is both warm and firm?',
							options: [
								{
									text: '"Stop crying right now or we\'re not going to Grandma\'s."',
									isCorrect: false,
									feedback:
										"This is firm, but there's no warmth, and the threat isn't linked to the behaviour. It's likely to raise the alarm rather than calm it.",
								},
								{
									text: '"Okay, okay, five more minutes then."',
									isCorrect: false,
									feedback:
										"Warm, and sometimes it's fine to be flexible! But if it happens every time, children learn that protest moves the limit.",
								},
								{
									text: "\"You're really disappointed it's time to leave. It's still time to go. Shall we race to the car?\"",
									isCorrect: true,
									feedback:
										"Lovely. The feeling is acknowledged, the boundary stays in place, and there's help to meet it. That's working alongside.",
								},
								{
									text: 'Saying nothing and scrolling on your phone until they calm down',
									isCorrect: false,
									feedback:
										"We all switch off sometimes when we're exhausted. But children need some connection from us to help them settle.",
								},
							],
						},
						{
							kind: 'MULTIPLE',
							prompt:
								"In the video lesson's script, what made Sarah's repair with Leo effective? Select all that apply.",
							options: [
								{
									text: 'She waited until they were both calm.',
									isCorrect: true,
									feedback: "Yes. Repair works best when everyone's thinking brain is back online.",
								},
								{
									text: 'She took responsibility for her specific behaviour, without "but".',
									isCorrect: true,
									feedback: 'Yes. Naming exactly what she did, without excuses, made her apology genuine.',
								},
								{
									text: 'She explained that Leo had caused the problem by not getting dressed.',
									isCorrect: false,
									feedback:
										"Sarah deliberately didn't do this. Blaming Leo would have undone the apology. His part was discussed in the plan, not the apology.",
								},
								{
									text: 'They made a plan together where both had a part to play.',
									isCorrect: true,
									feedback:
										'Yes. Working it out together means the plan is more likely to stick, and it shows Leo what making amends looks like.',
								},
							],
						},
						{
							kind: 'SINGLE',
							prompt: 'Which of these consequences is most clearly linked to the behaviour?',
							options: [
								{
									text: 'A child draws on the wall, so they help to clean it off.',
									isCorrect: true,
									feedback:
										'Yes. The consequence puts right the harm and helps the child see the effect of what they did.',
								},
								{
									text: 'A child draws on the wall, so they lose their tablet for a week.',
									isCorrect: false,
									feedback:
										'The tablet has nothing to do with the wall, so it feels like punishment rather than a consequence children can learn from.',
								},
								{
									text: 'A child draws on the wall, so they are sent to bed early.',
									isCorrect: false,
									feedback:
										"An early night doesn't connect to the wall. Linked consequences are easier for children to understand and accept.",
								},
								{
									text: 'A child draws on the wall, so they are told they are naughty.',
									isCorrect: false,
									feedback:
										'Labels like "naughty" are about the child, not the behaviour, and can stick. Focus on what happened and how to put it right.',
								},
							],
						},
						{
							kind: 'SCALE',
							prompt:
								"How confident do you feel about putting things right with your child after you've lost your temper?",
							min: 1,
							max: 5,
							minLabel: 'Not at all confident',
							maxLabel: 'Very confident',
						},
						{
							kind: 'REFLECTION',
							prompt:
								'Think of a recent moment when things went wrong between you and your child. What could a repair conversation sound like? Write down the words you might use.',
							guidance:
								'Start with your own part, specifically and without "but". Then think about a question you could ask your child, and something you could agree to do differently together. Be kind to yourself: every parent has these moments.',
						},
					],
				},
			],
		},
		{
			title: 'Getting along: feelings, turns and amends',
			summary:
				'Helping children learn to name feelings, take turns and make amends, plus simple family meetings and ways to look after yourself.',
			lessons: [
				{
					key: 'teaching-relationship-skills',
					kind: 'READING',
					title: 'Teaching relationship skills at home',
					estimatedMinutes: 10,
					markdown: `## Skills, not just behaviour

We often expect children to "be nice", "share" and "say sorry" as if these come naturally. In fact, they are skills, like reading or riding a bike. Children learn them gradually, through lots of practice, lots of mistakes and, above all, by watching the adults around them.

Three skills make a big difference in every relationship your child will have.

## 1. Naming feelings

Children who can name their feelings are better able to manage them. Putting a feeling into words helps calm the alarm system.

- **Name feelings as they happen:** "You look really frustrated with that jigsaw."
- **Name your own:** "I'm feeling a bit grumpy because I'm tired. I'm going to have a cup of tea."
- **Widen the vocabulary:** beyond happy, sad and angry, try disappointed, nervous, embarrassed, jealous, proud, left out.
- **Use stories and TV:** "How do you think she felt when her friends left without her?"
- **Accept all feelings:** there are no bad feelings, only unhelpful ways of acting on them.

For teenagers, naming can be lighter-touch: "That sounded like a rubbish day" often opens more than "How are you feeling?"

## 2. Taking turns

Turn-taking, in conversation, in games and in sharing, is the basis of cooperation.

- **Play board or card games together,** including losing gracefully yourself: "Oh no! I really wanted to win that one. Good game."
- **Use a timer** for popular toys or the games console, so turns feel fair and predictable.
- **Practise listening turns** at mealtimes: one person talks, everyone else listens, then swap.
- **Praise the effort:** "You waited so patiently for your turn. That wasn't easy."

## 3. Making amends

Saying sorry is a good start, but children also need to learn how to put things right. Making amends means thinking about the other person and doing something to help.

- **Instead of "Say sorry!"**, try "Your sister's really upset. What could you do to help her feel better?"
- **Offer ideas if they're stuck:** fixing what was broken, helping to tidy up, drawing a picture, giving a hug if the other person wants one.
- **Don't force it in the heat of the moment.** An apology dragged out of an angry child means little. Wait until they are calm.
- **Show them how:** when you get things wrong, make amends too.

## A real-life example

Priya has two children, Arjun (8) and Anaya (5). Every Saturday, they fight over the television remote, usually ending with Anaya crying and Arjun being sent to his room.

Priya decides to treat it as a chance to teach skills. On Sunday evening, when both are calm, she asks, "What happens with the remote on Saturdays?" Arjun says Anaya always wants baby programmes. Anaya says Arjun grabs it. Priya helps them name how they feel: Arjun feels it's unfair, Anaya feels left out.

They make a plan together: a sand timer, thirty minutes each, and Anaya goes first on odd weeks. The next Saturday, Arjun snatches the remote once out of habit. Priya asks, "How do you think Anaya feels? What could you do?" Arjun hands it back and offers to let her choose two programmes. Anaya, beaming, says he can have extra time.

## Try this

- Name one feeling for your child and one for yourself each day this week.
- Play a game together where you model losing well.
- Next time you want to say "Say sorry", try "What could you do to help them feel better?"`,
				},
				{
					key: 'family-meetings-and-looking-after-yourself',
					kind: 'READING',
					title: 'Family meetings and looking after yourself',
					estimatedMinutes: 9,
					markdown: `## Family meetings

A family meeting (some families call it a family circle) is a short, regular time when everyone sits together to talk about how things are going. It gives every member of the family a voice, including the youngest, and it is a good place to plan, celebrate and sort out problems before they become rows.

### How to run one

1. **Keep it short and regular.** Fifteen minutes once a week, at the same time, works better than a long meeting when something has gone wrong.
2. **Sit so everyone can see each other,** ideally without screens.
3. **Use a talking object** such as a cushion or a spoon. Whoever holds it speaks; everyone else listens.
4. **Start with something positive.** "One good thing about this week" or "Something someone in the family did that I liked".
5. **Talk about one issue,** if there is one. "Mornings have been stressful. What ideas do we have?"
6. **Agree something small** and who will do it.
7. **End with something fun,** like choosing the film for Friday night or planning a day out.

Everyone can pass if they do not want to speak. Adults go first, to show the way. Keep it light and be patient: it can take a few weeks for children, and especially teenagers, to take it seriously.

### Things to avoid

- using the meeting to tell one child off in front of everyone
- only holding meetings when there is a problem
- making all the decisions yourself and calling it a discussion

## Looking after yourself

Parenting and caring are some of the most demanding jobs there are, and they come without breaks, training or pay. It is very hard to stay calm, warm and firm when you are exhausted, worried or alone. Looking after yourself is not selfish: it is part of looking after your children.

Some ideas:

- **Notice your own alarm system.** What are your early warning signs: a tight chest, a raised voice, a short temper? What helps you calm down?
- **Build in small breaks.** Five minutes with a cup of tea, a walk round the block, a favourite song. Little and often matters.
- **Talk to someone.** A friend, a family member, another parent at the school gate, a support group.
- **Lower the bar where you can.** Beans on toast is a perfectly good tea.
- **Forgive yourself.** You will lose your temper sometimes. What matters is what you do afterwards.

## When to ask for help

Every family goes through difficult patches. If you are worried about your child's behaviour, mood, development or safety, or about your own mental health, please reach out. Your GP, health visitor, your child's school (including the SENCo), or your local family hub or children's centre can offer support or point you in the right direction. If you or your child are ever in immediate danger, call 999.

## A real-life example

Dave is a single dad and kinship carer for his two grandchildren, aged 9 and 13. Evenings had become a constant battle. He started a Sunday family meeting, which the kids first found "cringe". He kept going, always starting with "one good thing" and ending with choosing Sunday's pudding. By the fourth week, his 13-year-old raised the fact that she had no privacy in the bathroom, and they agreed on a lock and a knock. Dave also joined a local kinship carers' group, where he met other grandparents in the same situation. He says it was the first time in a year he had felt he was not doing it all on his own.

## Try this

- Hold a fifteen-minute family meeting this week, starting with "one good thing".
- Write down three small things that help you feel calmer, and do one of them today.
- Think about who you could talk to when things are hard, and get in touch with them this week.`,
				},
				{
					key: 'module-3-quiz',
					kind: 'QUIZ',
					title: 'Check your understanding: relationship skills and family life',
					passMark: 60,
					maxAttempts: null,
					estimatedMinutes: 8,
					questions: [
						{
							kind: 'SINGLE',
							prompt:
								"Your son has knocked over his sister's tower of blocks and she is crying. Once he is calm, what is most likely to teach him to make amends?",
							options: [
								{
									text: '"Say sorry to your sister right now."',
									isCorrect: false,
									feedback:
										'Saying sorry has its place, but on its own it can become a quick phrase to escape trouble. Children also need to learn how to help.',
								},
								{
									text: '"Go to your room. You can come out when you can play nicely."',
									isCorrect: false,
									feedback:
										"Time apart might help everyone calm down, but on its own it doesn't teach him how to repair things with his sister.",
								},
								{
									text: 'Rebuild the tower yourself so everyone is happy again.',
									isCorrect: false,
									feedback:
										"Kind, but it means he misses the chance to put it right himself. That's rescuing rather than working alongside.",
								},
								{
									text: '"Your sister\'s really upset. What could you do to help her feel better?"',
									isCorrect: true,
									feedback:
										'Yes. This helps him notice her feelings and think of a way to put things right, such as helping to rebuild the tower.',
								},
							],
						},
						{
							kind: 'MULTIPLE',
							prompt: 'Which of these help a family meeting go well? Select all that apply.',
							options: [
								{
									text: 'Starting with something positive',
									isCorrect: true,
									feedback: 'Yes. It sets a warm tone and makes the meeting something to look forward to.',
								},
								{
									text: 'Holding it regularly, not just when there is a problem',
									isCorrect: true,
									feedback: 'Yes. Regular, short meetings feel safe. Crisis-only meetings are easily dreaded.',
								},
								{
									text: 'Using it to tell off the child who has been misbehaving',
									isCorrect: false,
									feedback:
										'Being told off in front of the family is humiliating and will make the meeting feel unsafe. Keep those conversations private.',
								},
								{
									text: 'Letting everyone pass if they do not want to speak',
									isCorrect: true,
									feedback: 'Yes. Choice helps people feel safe, and quieter family members often join in later.',
								},
							],
						},
						{
							kind: 'SINGLE',
							prompt: 'Why does looking after yourself matter for your children?',
							options: [
								{
									text: "It doesn't really; good parents put their children first at all times.",
									isCorrect: false,
									feedback:
										'Many parents feel this way, but running on empty makes it much harder to stay calm, warm and firm. Caring for yourself is part of caring for them.',
								},
								{
									text: 'Because children borrow our calm, and it is much harder to be calm when we are exhausted.',
									isCorrect: true,
									feedback:
										'Yes. Your own wellbeing directly affects how you can respond. And children learn about self-care by watching you.',
								},
								{
									text: 'Because children should learn to manage without adults.',
									isCorrect: false,
									feedback:
										'Children need adults to help them regulate for many years. Looking after yourself helps you to be there for them.',
								},
								{
									text: 'Only because it is good for your own health.',
									isCorrect: false,
									feedback:
										'It is good for your health, and that matters in its own right. But it also affects the whole family, because calm is catching.',
								},
							],
						},
						{
							kind: 'REFLECTION',
							prompt:
								'What is one relationship skill you would most like to help your child develop, and how could you practise it together this month? And what is one thing you will do for yourself?',
							guidance: `Keep it small and realistic. For example: "I'll name one of my own feelings each evening at tea," or "I'll take ten minutes for a walk after the kids are in bed on Wednesdays."`,
						},
					],
				},
			],
		},
	],
}
