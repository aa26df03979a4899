import { useTranslation } from 'react-i18next'
import { Form, Link } from 'react-router'
import { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { CourseCard } from '#app/components/ui/course-card.tsx'
import { SearchIcon } from '#app/components/ui/icons.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { parseSector, SECTORS, sectorSlug } from '#app/utils/format.ts'
import { metaT } from '#app/utils/i18n.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { listCourses } from '#modules/catalog/list-courses.ts'
import { listProgrammes } from '#modules/programmes/list-programmes.ts'
import type { TFunction } from 'i18next'
import type { Sector } from '#modules/db/generated/enums.ts'
import type { Route } from './+types/courses._index'
import { searchTerm } from '#modules/validation/text.ts'

/**
 * The catalogue's query string. Nothing here is an error worth a 400: a search that is too long is
 * cut short, and a sector we do not know shows every course with a note saying so.
 */
const CatalogueSearchSchema = z.object({
	q: z
		.string()
		.transform((v) => searchTerm(v, 100))
		.optional()
		.catch(undefined),
	sector: z
		.string()
		.trim()
		.optional()
		.catch(undefined)
		.transform((raw) => ({ raw: raw || null, value: parseSector(raw) })),
})

export async function loader({ request }: Route.LoaderArgs) {
	const params = new URL(request.url).searchParams
	const search = CatalogueSearchSchema.parse({
		q: params.get('q') ?? undefined,
		sector: params.get('sector') ?? undefined,
	})
	const sector = search.sector.value
	const q = search.q || null
	const [courses, programmes] = await Promise.all([listCourses({ sector, query: q }), listProgrammes({ take: 3 })])
	return {
		courses,
		programmes,
		filters: { q, sector: sector ? sectorSlug(sector) : null },
		sector,
		// "all" is what the select sends for every sector, so it is not unknown.
		unknownSector: search.sector.raw && !sector && search.sector.raw !== 'all' ? search.sector.raw.slice(0, 60) : null,
	}
}

export const meta: Route.MetaFunction = ({ loaderData, matches }) => {
	const t = metaT(matches)
	const sector = loaderData?.sector
	return sector
		? pageMeta(
				t('courses.meta.titleSector', {
					ns: 'catalogue',
					sector: t(`courses.sectorOption.${sector}`, { ns: 'catalogue' }),
				}),
				t('courses.meta.descriptionSector', {
					ns: 'catalogue',
					sector: t(`courses.sectorInSentence.${sector}`, { ns: 'catalogue' }),
				}),
			)
		: pageMeta(t('courses.meta.title', { ns: 'catalogue' }), t('courses.meta.description', { ns: 'catalogue' }))
}

export default function CoursesRoute({ loaderData }: Route.ComponentProps) {
	const { courses, programmes, filters, sector, unknownSector } = loaderData
	const { t } = useTranslation('catalogue')
	const filtered = Boolean(filters.q || filters.sector)
	return (
		<>
			<div className="border-b border-stone-200 bg-white">
				<Container className="py-12 sm:py-14">
					<h1 className="text-4xl font-bold tracking-tight text-stone-900">{t('courses.heading')}</h1>
					<p className="mt-4 max-w-3xl text-lg leading-relaxed text-stone-700">{t('courses.intro')}</p>
					{programmes.length ? (
						<p className="mt-3 max-w-3xl text-stone-700">
							{t('courses.programmesIntro')}{' '}
							{programmes.map((programme, index) => (
								<span key={programme.slug}>
									{index ? ', ' : ''}
									<Link
										to={`/programmes/${programme.slug}`}
										className="font-medium text-brand-700 underline underline-offset-2"
									>
										{programme.title}
									</Link>
								</span>
							))}{' '}
							(
							<Link to="/programmes" className="font-medium text-brand-700 underline underline-offset-2">
								{t('courses.allProgrammes')}
							</Link>
							).
						</p>
					) : null}

					{/* A plain GET form: filtering works without JavaScript and every result has a shareable URL. */}
					<Form
						// Remount when the URL changes (e.g. "Clear filters") so the fields show the current filters.
						key={`${filters.q ?? ''}|${filters.sector ?? ''}`}
						method="get"
						action="/courses"
						role="search"
						aria-label={t('courses.filterLabel')}
						className="mt-8"
					>
						<div className="grid gap-4 rounded-2xl border border-stone-200 bg-stone-50 p-4 sm:p-5 md:grid-cols-[2fr_1.3fr_auto] md:items-end">
							<div>
								<label htmlFor="course-search" className="block font-semibold text-stone-900">
									{t('courses.search')}
								</label>
								<div className="relative mt-2">
									<SearchIcon className="pointer-events-none absolute top-1/2 left-3 size-5 -translate-y-1/2 text-stone-500" />
									<input
										id="course-search"
										type="search"
										name="q"
										defaultValue={filters.q ?? ''}
										maxLength={100}
										placeholder={t('courses.searchPlaceholder')}
										className="block min-h-11 w-full rounded-lg border border-stone-500 bg-white py-2 pr-3 pl-10 text-base text-stone-900 placeholder:text-stone-500"
									/>
								</div>
							</div>
							<div>
								<label htmlFor="course-sector" className="block font-semibold text-stone-900">
									{t('courses.sector')}
								</label>
								<select
									id="course-sector"
									name="sector"
									defaultValue={filters.sector ?? 'all'}
									className="mt-2 block min-h-11 w-full rounded-lg border border-stone-500 bg-white px-3 py-2 text-base text-stone-900"
								>
									<option value="all">{t('courses.allSectors')}</option>
									{SECTORS.map((s) => (
										<option key={s} value={sectorSlug(s)}>
											{t(`courses.sectorOption.${s}`)}
										</option>
									))}
								</select>
							</div>
							<Button type="submit" className="w-full md:w-auto">
								{t('courses.show')}
							</Button>
						</div>
					</Form>
				</Container>
			</div>

			<Container className="py-10 sm:py-12">
				{unknownSector ? (
					<Notice tone="warning" className="mb-6" title={t('courses.unknownTitle')}>
						{t('courses.unknownBody', { sector: unknownSector })}
					</Notice>
				) : null}

				<div className="flex flex-wrap items-baseline justify-between gap-3">
					<h2 className="text-xl font-semibold text-stone-900">
						{resultsHeading({ count: courses.length, sector, q: filters.q }, t)}
					</h2>
					{filtered ? (
						<Link to="/courses" className="font-semibold text-brand-700 underline underline-offset-2">
							{t('courses.clear')}
						</Link>
					) : null}
				</div>

				{courses.length > 0 ? (
					<ul className="mt-6 grid gap-6 md:grid-cols-2 lg:grid-cols-3">
						{courses.map((course) => (
							<li key={course.id}>
								<CourseCard course={course} />
							</li>
						))}
					</ul>
				) : (
					<div className="mt-6 rounded-2xl border border-dashed border-stone-300 bg-white px-6 py-12 text-center">
						<p className="text-lg font-semibold text-stone-900">{t('courses.noneTitle')}</p>
						<p className="mx-auto mt-2 max-w-xl leading-relaxed text-stone-700">
							{filtered ? t('courses.noneFiltered') : t('courses.noneYet')} {t('courses.noneAsk')}
						</p>
						<div className="mt-6 flex flex-wrap justify-center gap-x-8 gap-y-3">
							{filtered ? (
								<Link to="/courses" className="font-semibold text-brand-700 underline underline-offset-2">
									{t('courses.showAll')}
								</Link>
							) : null}
							<Link to="/contact" className="font-semibold text-brand-700 underline underline-offset-2">
								{t('courses.getInTouch')}
							</Link>
						</div>
					</div>
				)}
			</Container>
		</>
	)
}

function resultsHeading(
	{ count, sector, q }: { count: number; sector: Sector | null; q: string | null },
	t: TFunction<'catalogue'>,
) {
	let text = count === 0 ? t('courses.results.none') : t('courses.results.count', { count })
	if (q) text = t('courses.results.matching', { results: text, q })
	if (sector) text = t('courses.results.inSector', { sector: t(`courses.sectorOption.${sector}`), results: text })
	return text
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
