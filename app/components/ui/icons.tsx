import { type ComponentProps } from 'react'
import type { LessonKind, Sector } from '#modules/db/generated/enums.ts'

// Small inline icons: no icon font or external sprite, so the CSP can stay 'self' only.
// They are decorative (aria-hidden); the text next to them carries the meaning.
type IconProps = ComponentProps<'svg'>

function Svg({ children, className = 'size-5', ...props }: IconProps) {
	return (
		<svg
			viewBox="0 0 24 24"
			fill="none"
			stroke="currentColor"
			strokeWidth={1.75}
			strokeLinecap="round"
			strokeLinejoin="round"
			aria-hidden="true"
			focusable="false"
			className={className}
			{...props}
		>
			{children}
		</svg>
	)
}

export function PlayIcon(props: IconProps) {
	return (
		<Svg {...props}>
			<circle cx="12" cy="12" r="9" />
			<path d="M10 8.5v7l6-3.5-6-3.5Z" />
		</Svg>
	)
}

export function BookIcon(props: IconProps) {
	return (
		<Svg {...props}>
			<path d="M4 5.5A2.5 2.5 0 0 1 6.5 3H20v15H6.5A2.5 2.5 0 0 0 4 20.5v-15Z" />
			<path d="M4 20.5A2.5 2.5 0 0 1 6.5 18H20v3H6.5" />
		</Svg>
	)
}

export function QuizIcon(props: IconProps) {
	return (
		<Svg {...props}>
			<rect x="4" y="3" width="16" height="18" rx="2" />
			<path d="m8 9 1.5 1.5L12 8M8 15l1.5 1.5L12 14M14 9.5h2.5M14 15.5h2.5" />
		</Svg>
	)
}

export function ClockIcon(props: IconProps) {
	return (
		<Svg {...props}>
			<circle cx="12" cy="12" r="9" />
			<path d="M12 7v5l3 2" />
		</Svg>
	)
}

export function AwardIcon(props: IconProps) {
	return (
		<Svg {...props}>
			<circle cx="12" cy="9" r="6" />
			<path d="m8.5 14-1.5 7 5-2.5 5 2.5-1.5-7" />
		</Svg>
	)
}

export function LayersIcon(props: IconProps) {
	return (
		<Svg {...props}>
			<path d="m12 3 9 5-9 5-9-5 9-5Z" />
			<path d="m3 13 9 5 9-5" />
		</Svg>
	)
}

export function CheckIcon(props: IconProps) {
	return (
		<Svg {...props}>
			<path d="m5 12.5 4.5 4.5L19 7.5" />
		</Svg>
	)
}

export function ArrowRightIcon(props: IconProps) {
	return (
		<Svg {...props}>
			<path d="M5 12h14M13 6l6 6-6 6" />
		</Svg>
	)
}

export function ChevronDownIcon(props: IconProps) {
	return (
		<Svg {...props}>
			<path d="m6 9 6 6 6-6" />
		</Svg>
	)
}

export function MenuIcon(props: IconProps) {
	return (
		<Svg {...props}>
			<path d="M4 7h16M4 12h16M4 17h16" />
		</Svg>
	)
}

export function ReflectIcon(props: IconProps) {
	return (
		<Svg {...props}>
			<path d="M4 5h16v11H9l-5 4V5Z" />
			<path d="M8 9.5h8M8 12.5h5" />
		</Svg>
	)
}

export function PortfolioIcon(props: IconProps) {
	return (
		<Svg {...props}>
			<rect x="3" y="7" width="18" height="13" rx="2" />
			<path d="M9 7V5a2 2 0 0 1 2-2h2a2 2 0 0 1 2 2v2M3 12h18" />
		</Svg>
	)
}

export function UsersIcon(props: IconProps) {
	return (
		<Svg {...props}>
			<circle cx="9" cy="8" r="3.5" />
			<path d="M2.5 20a6.5 6.5 0 0 1 13 0" />
			<path d="M16 4.5a3.5 3.5 0 0 1 0 7M18 14a6.5 6.5 0 0 1 3.5 6" />
		</Svg>
	)
}

export function ChartIcon(props: IconProps) {
	return (
		<Svg {...props}>
			<path d="M4 20V4M4 20h16" />
			<path d="M8 16v-4M12 16V8M16 16v-6" />
		</Svg>
	)
}

export function SearchIcon(props: IconProps) {
	return (
		<Svg {...props}>
			<circle cx="11" cy="11" r="6.5" />
			<path d="m16 16 4.5 4.5" />
		</Svg>
	)
}

export function LessonKindIcon({ kind, ...props }: IconProps & { kind: LessonKind }) {
	if (kind === 'VIDEO') return <PlayIcon {...props} />
	if (kind === 'QUIZ') return <QuizIcon {...props} />
	return <BookIcon {...props} />
}

export function SectorIcon({ sector, ...props }: IconProps & { sector: Sector }) {
	switch (sector) {
		case 'FOUNDATIONS':
			return (
				<Svg {...props}>
					<circle cx="12" cy="12" r="7.5" />
					<circle cx="12" cy="4.5" r="1.8" fill="currentColor" />
					<circle cx="18.5" cy="15.8" r="1.8" fill="currentColor" />
					<circle cx="5.5" cy="15.8" r="1.8" fill="currentColor" />
				</Svg>
			)
		case 'SCHOOLS':
			return (
				<Svg {...props}>
					<path d="m3 9 9-5 9 5-9 5-9-5Z" />
					<path d="M7 11.2V16c0 1.5 2.2 3 5 3s5-1.5 5-3v-4.8M21 9v6" />
				</Svg>
			)
		case 'HEALTH_SOCIAL_CARE':
			return (
				<Svg {...props}>
					<path d="M12 20s-7.5-4.4-7.5-10A4.2 4.2 0 0 1 12 7.4 4.2 4.2 0 0 1 19.5 10c0 5.6-7.5 10-7.5 10Z" />
					<path d="M12 10.5v4M10 12.5h4" />
				</Svg>
			)
		case 'CRIMINAL_JUSTICE':
			return (
				<Svg {...props}>
					<path d="M12 4v16M7 20h10M5 7h14" />
					<path d="m5 7-2.5 6a2.5 2.5 0 0 0 5 0L5 7ZM19 7l-2.5 6a2.5 2.5 0 0 0 5 0L19 7Z" />
				</Svg>
			)
		case 'PARENTS_CARERS':
			return (
				<Svg {...props}>
					<path d="M4 11 12 4l8 7" />
					<path d="M6 9.5V20h12V9.5" />
					<path d="M12 17.5s-3-1.7-3-3.7a1.6 1.6 0 0 1 3-.8 1.6 1.6 0 0 1 3 .8c0 2-3 3.7-3 3.7Z" />
				</Svg>
			)
	}
}
