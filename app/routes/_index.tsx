import { Link } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ButtonLink } from '#app/components/ui/button.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { CourseCard } from '#app/components/ui/course-card.tsx'
import {
	ArrowRightIcon,
	AwardIcon,
	ChartIcon,
	CheckIcon,
	PlayIcon,
	PortfolioIcon,
	ReflectIcon,
	SectorIcon,
	UsersIcon,
} from '#app/components/ui/icons.tsx'
import { pluralise, SECTOR_LABELS, SECTORS, sectorSlug } from '#app/utils/format.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { countCoursesBySector, listCourses } from '#modules/catalog/list-courses.ts'
import type { Sector } from '#modules/db/generated/enums.ts'
import type { Route } from './+types/_index'

export const meta: Route.MetaFunction = () =>
	pageMeta(
		'Circle | CPD in relational and restorative practice',
		'Self-paced CPD courses in relational and restorative practice for schools, health and social care, criminal justice settings, and parents and carers, with certificates anyone can verify.',
	)

export async function loader() {
	const [featured, sectorCounts] = await Promise.all([
		listCourses({ order: 'newest', take: 3 }),
		countCoursesBySector(),
	])
	return { featured, sectorCounts }
}

const SECTOR_BLURBS: Record<Sector, string> = {
	FOUNDATIONS:
		'Start here. The ideas every other course builds on: the difference between doing things to, for and with people, and the questions that open up a restorative conversation.',
	SCHOOLS:
		'For teachers, support staff and leaders: relational approaches to behaviour, attendance and belonging that keep children in the room and in the community.',
	HEALTH_SOCIAL_CARE:
		'For NHS and care teams: steadier conversations with patients, families and colleagues, and a fairer way through complaints, incidents and conflict.',
	CRIMINAL_JUSTICE:
		'For prison, probation and youth justice staff: the everyday relationships that make rehabilitation, safer wings and desistance more likely.',
	PARENTS_CARERS:
		'Make sense of what sits behind your child’s behaviour, and respond in ways that hold the line without losing the connection.',
}

export default function HomeRoute({ loaderData }: Route.ComponentProps) {
	const { featured, sectorCounts } = loaderData
	return (
		<>
			<Hero />
			<Approach />
			<section aria-labelledby="sectors-heading" className="bg-white py-16 sm:py-20">
				<Container>
					<SectionIntro
						id="sectors-heading"
						eyebrow="Find your course"
						title="Courses shaped around where you work"
						lead="The principles are shared; the situations are not. Each pathway uses examples, dilemmas and language from its own setting."
					/>
					<ul className="mt-10 grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
						{SECTORS.map((sector) => {
							const count = sectorCounts[sector] ?? 0
							return (
								<li key={sector} className="flex">
									<article className="group relative flex w-full flex-col rounded-2xl border border-stone-200 bg-stone-50 p-6 transition-colors focus-within:border-brand-400 hover:border-brand-400 hover:bg-brand-50">
										<span className="grid size-12 place-items-center rounded-xl bg-brand-700 text-white">
											<SectorIcon sector={sector} className="size-6" />
										</span>
										<h3 className="mt-4 text-lg font-semibold text-stone-900">
											<Link
												to={`/courses?sector=${sectorSlug(sector)}`}
												className="rounded-sm after:absolute after:inset-0 after:rounded-2xl after:content-['']"
											>
												{SECTOR_LABELS[sector]}
											</Link>
										</h3>
										<p className="mt-2 flex-1 leading-relaxed text-stone-700">{SECTOR_BLURBS[sector]}</p>
										<p className="mt-4 inline-flex items-center gap-1.5 text-sm font-semibold text-brand-700">
											{count > 0 ? `See ${pluralise(count, 'course')}` : 'See courses'}
											<ArrowRightIcon className="size-4 transition-transform group-hover:translate-x-0.5" />
										</p>
									</article>
								</li>
							)
						})}
						<li className="flex">
							<div className="flex w-full flex-col justify-center rounded-2xl border border-dashed border-brand-300 p-6">
								<h3 className="text-lg font-semibold text-stone-900">Something more specific?</h3>
								<p className="mt-2 leading-relaxed text-stone-700">
									We design programmes for particular teams, services and settings.
								</p>
								<p className="mt-4">
									<Link to="/contact" className="font-semibold text-brand-700 underline underline-offset-2">
										Tell us what you need
									</Link>
								</p>
							</div>
						</li>
					</ul>
				</Container>
			</section>

			{featured.length > 0 ? (
				<section aria-labelledby="featured-heading" className="py-16 sm:py-20">
					<Container>
						<div className="flex flex-wrap items-end justify-between gap-4">
							<SectionIntro id="featured-heading" eyebrow="Recently published" title="Courses to start with" />
							<ButtonLink to="/courses" variant="secondary">
								See all courses
								<ArrowRightIcon className="size-4" />
							</ButtonLink>
						</div>
						<ul className="mt-10 grid gap-6 md:grid-cols-2 lg:grid-cols-3">
							{featured.map((course) => (
								<li key={course.id}>
									<CourseCard course={course} />
								</li>
							))}
						</ul>
					</Container>
				</section>
			) : null}

			<HowItWorks />
			<ForOrganisations />
		</>
	)
}

function Hero() {
	return (
		<section aria-labelledby="hero-heading" className="overflow-hidden border-b border-brand-100 bg-brand-50">
			<Container className="grid items-center gap-12 py-16 sm:py-20 lg:grid-cols-[1.15fr_1fr] lg:py-24">
				<div>
					<p className="text-sm font-semibold tracking-wide text-accent-700 uppercase">
						CPD in relational and restorative practice
					</p>
					<h1
						id="hero-heading"
						className="mt-4 text-4xl leading-tight font-bold tracking-tight text-brand-900 sm:text-5xl"
					>
						Work{' '}
						<em className="text-brand-700 not-italic underline decoration-accent-400 decoration-4 underline-offset-8">
							with
						</em>{' '}
						people, not to them or for them
					</h1>
					<p className="mt-6 max-w-2xl text-lg leading-relaxed text-stone-700">
						Circle is online professional development for the people who hold relationships together: in classrooms, on
						wards, in care homes, on the wing and at home. Practical courses help you pair high expectations with high
						support, have the conversations that matter, and put things right when harm has been done.
					</p>
					<div className="mt-8 flex flex-wrap gap-3">
						<ButtonLink to="/courses" size="lg">
							Browse courses
						</ButtonLink>
						<ButtonLink to="/contact" size="lg" variant="secondary">
							Training for your team
						</ButtonLink>
					</div>
					<ul className="mt-8 flex flex-wrap gap-x-6 gap-y-2 text-stone-700">
						{['Learn at your own pace', 'Certificates anyone can verify', 'Reflections saved to your portfolio'].map(
							(point) => (
								<li key={point} className="inline-flex items-center gap-2">
									<CheckIcon className="size-5 text-brand-600" />
									{point}
								</li>
							),
						)}
					</ul>
				</div>
				<CircleIllustration />
			</Container>
		</section>
	)
}

/** People in a circle, each connected to the others: the shape of a restorative circle. */
function CircleIllustration() {
	const people = Array.from({ length: 8 }, (_, i) => {
		const angle = (Math.PI * 2 * i) / 8 - Math.PI / 2
		return { x: 200 + Math.cos(angle) * 130, y: 200 + Math.sin(angle) * 130 }
	})
	return (
		<div className="mx-auto w-full max-w-sm lg:max-w-md" aria-hidden="true">
			<svg viewBox="0 0 400 400" focusable="false" className="h-auto w-full">
				<circle cx="200" cy="200" r="186" fill="var(--color-brand-100)" />
				<circle
					cx="200"
					cy="200"
					r="130"
					fill="none"
					stroke="var(--color-brand-300)"
					strokeWidth="2"
					strokeDasharray="4 8"
				/>
				{people.map((a, i) =>
					people
						.slice(i + 1)
						.map((b, j) => (
							<line
								key={`${i}-${j}`}
								x1={a.x.toFixed(1)}
								y1={a.y.toFixed(1)}
								x2={b.x.toFixed(1)}
								y2={b.y.toFixed(1)}
								stroke="var(--color-brand-300)"
								strokeOpacity="0.45"
								strokeWidth="1.5"
							/>
						)),
				)}
				<circle
					cx="200"
					cy="200"
					r="34"
					fill="var(--color-accent-100)"
					stroke="var(--color-accent-400)"
					strokeWidth="3"
				/>
				{people.map((p, i) => (
					<g key={i}>
						<circle
							cx={p.x.toFixed(1)}
							cy={p.y.toFixed(1)}
							r="22"
							fill={i % 3 === 0 ? 'var(--color-accent-500)' : 'var(--color-brand-700)'}
						/>
						<circle cx={p.x.toFixed(1)} cy={(p.y - 5).toFixed(1)} r="7" fill="#fff" fillOpacity="0.9" />
						<path
							d={`M${(p.x - 11).toFixed(1)} ${(p.y + 12).toFixed(1)} a11 9 0 0 1 22 0`}
							fill="#fff"
							fillOpacity="0.9"
						/>
					</g>
				))}
			</svg>
		</div>
	)
}

function Approach() {
	const pillars = [
		{
			title: 'Working with',
			body: 'Decisions made alongside people, not about them. Children, patients, residents and colleagues are far more likely to own a plan they helped to shape.',
		},
		{
			title: 'High challenge, high support',
			body: 'Clear expectations and real accountability, held together with warmth and help to meet them. Neither punishment nor rescue on its own.',
		},
		{
			title: 'Repairing harm',
			body: 'When something goes wrong, the questions are who has been affected and what needs to happen to put it right, so that everyone can move on.',
		},
	]
	return (
		<section aria-labelledby="approach-heading" className="py-16 sm:py-20">
			<Container>
				<SectionIntro
					id="approach-heading"
					eyebrow="The approach"
					title="Relationships first, in every setting"
					lead="Relational and restorative practice is a way of building, keeping and mending relationships. It gives teams a shared language for the hard conversations, and a way back when things break down."
				/>
				<ol className="mt-10 grid gap-6 md:grid-cols-3">
					{pillars.map((pillar, index) => (
						<li key={pillar.title} className="rounded-2xl border border-stone-200 bg-white p-6 shadow-xs">
							<span
								aria-hidden="true"
								className="grid size-10 place-items-center rounded-full bg-accent-100 font-bold text-accent-800"
							>
								{index + 1}
							</span>
							<h3 className="mt-4 text-lg font-semibold text-stone-900">{pillar.title}</h3>
							<p className="mt-2 leading-relaxed text-stone-700">{pillar.body}</p>
						</li>
					))}
				</ol>
			</Container>
		</section>
	)
}

function HowItWorks() {
	const steps = [
		{
			icon: PlayIcon,
			title: 'Learn at your own pace',
			body: 'Short videos, readings and quizzes that fit around shifts and timetables. Circle remembers where you stopped, on any device.',
		},
		{
			icon: ReflectIcon,
			title: 'Reflect as you go',
			body: 'Reflective prompts ask how the ideas land in your own work. Your answers are saved as you type and are yours to keep.',
		},
		{
			icon: AwardIcon,
			title: 'Earn a CPD certificate',
			body: 'Finish a course and download a certificate showing your CPD hours, with a code and QR link anyone can use to check it.',
		},
		{
			icon: PortfolioIcon,
			title: 'Keep a CPD portfolio',
			body: 'Completed courses and reflections collect in one place, alongside other CPD you add, ready for appraisal or revalidation.',
		},
	]
	return (
		<section aria-labelledby="how-heading" className="border-y border-stone-200 bg-white py-16 sm:py-20">
			<Container>
				<SectionIntro id="how-heading" eyebrow="How it works" title="From first lesson to evidence of learning" />
				<ol className="mt-10 grid gap-8 sm:grid-cols-2 lg:grid-cols-4">
					{steps.map(({ icon: Icon, title, body }, index) => (
						<li key={title} className="relative">
							<div className="flex items-center gap-3">
								<span className="grid size-12 shrink-0 place-items-center rounded-xl bg-brand-50 text-brand-700 ring-1 ring-brand-200">
									<Icon className="size-6" />
								</span>
								<span className="text-sm font-semibold text-stone-600">Step {index + 1}</span>
							</div>
							<h3 className="mt-4 text-lg font-semibold text-stone-900">{title}</h3>
							<p className="mt-2 leading-relaxed text-stone-700">{body}</p>
						</li>
					))}
				</ol>
			</Container>
		</section>
	)
}

function ForOrganisations() {
	const points = [
		{
			icon: UsersIcon,
			text: 'Buy seats for a course and invite staff by email; reassign a seat when someone moves on.',
		},
		{
			icon: ChartIcon,
			text: 'See who has started and who has finished, and export the evidence for inspections and audits.',
		},
		{
			icon: ReflectIcon,
			text: 'Talk to us about a programme built around your setting, priorities and existing training.',
		},
	]
	return (
		<section aria-labelledby="organisations-heading" className="on-dark bg-brand-800 py-16 text-white sm:py-20">
			<Container className="grid gap-10 lg:grid-cols-[1.1fr_1fr] lg:items-center">
				<div>
					<p className="text-sm font-semibold tracking-wide text-accent-300 uppercase">For organisations</p>
					<h2 id="organisations-heading" className="mt-3 text-3xl font-bold tracking-tight sm:text-4xl">
						Bring your whole team with you
					</h2>
					<p className="mt-4 max-w-xl text-lg leading-relaxed text-brand-100">
						Relational practice works best when everyone shares it. Schools, trusts, NHS teams, councils and prisons use
						Circle to give staff a common language and a common approach.
					</p>
					<div className="mt-8 flex flex-wrap gap-3">
						<ButtonLink to="/contact" variant="on-dark" size="lg">
							Get in touch
						</ButtonLink>
						<ButtonLink to="/courses" variant="on-dark-outline" size="lg">
							See the courses
						</ButtonLink>
					</div>
				</div>
				<ul className="space-y-4">
					{points.map(({ icon: Icon, text }) => (
						<li key={text} className="flex gap-4 rounded-2xl bg-white/5 p-5 ring-1 ring-white/15">
							<Icon className="size-6 shrink-0 text-accent-300" />
							<p className="leading-relaxed text-brand-50">{text}</p>
						</li>
					))}
				</ul>
			</Container>
		</section>
	)
}

function SectionIntro({ id, eyebrow, title, lead }: { id: string; eyebrow: string; title: string; lead?: string }) {
	return (
		<div className="max-w-3xl">
			<p className="text-sm font-semibold tracking-wide text-accent-700 uppercase">{eyebrow}</p>
			<h2 id={id} className="mt-2 text-3xl font-bold tracking-tight text-stone-900 sm:text-4xl">
				{title}
			</h2>
			{lead ? <p className="mt-4 text-lg leading-relaxed text-stone-700">{lead}</p> : null}
		</div>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
