import { NavLink } from 'react-router'
import { Container } from './container.tsx'
import { cx } from './cx.ts'

export type Section = {
	to: string
	label: string
	/** Active only on exactly this path (an overview), not on the pages below it. */
	end: boolean
	/** Also shown as current when the router would not say so (a page that belongs to this section). */
	alsoActive?: boolean
}

/**
 * The band of tabs under the site header in an area with several pages (the admin area, an
 * organisation): who or what the area is about, then one tab per section, the current one marked.
 */
export function SectionNav({
	label,
	heading,
	sections,
}: {
	/** The navigation landmark's name. */
	label: string
	heading: React.ReactNode
	sections: readonly Section[]
}) {
	return (
		<div className="border-b border-stone-200 bg-stone-50">
			<Container>
				<nav aria-label={label} className="pt-3">
					{heading}
					<ul className="mt-1 flex flex-wrap gap-x-2">
						{sections.map((section) => (
							<li key={section.to}>
								<NavLink
									to={section.to}
									end={section.end}
									className={({ isActive }) =>
										cx(
											'-mb-px inline-flex min-h-11 items-center border-b-4 px-3 font-semibold',
											isActive || section.alsoActive
												? 'border-brand-700 text-brand-800'
												: 'border-transparent text-stone-700 hover:border-stone-300 hover:text-stone-900',
										)
									}
								>
									{section.label}
								</NavLink>
							</li>
						))}
					</ul>
				</nav>
			</Container>
		</div>
	)
}
