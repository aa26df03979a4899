// A course card on a Welsh page marks the course's English title and summary as English (WCAG 2.2
// 3.1.2, language of parts; ADR 0041); on an English page it adds nothing.
import { renderToString } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { MemoryRouter } from 'react-router'
import { expect, test } from 'vitest'
import { serverI18n } from '#modules/i18n/translate.ts'
import { CourseCard } from './course-card.tsx'

const course = {
	slug: 'restorative-conversations',
	title: 'Restorative conversations',
	summary: 'Questions that help people put things right.',
	sectors: ['SCHOOLS' as const],
	cpdMinutes: 90,
	pricePence: 4900,
	moduleCount: 2,
	lessonCount: 6,
}

function render(language: 'en' | 'cy') {
	return renderToString(
		<I18nextProvider i18n={serverI18n.cloneInstance({ lng: language })}>
			<MemoryRouter>
				<CourseCard course={course} />
			</MemoryRouter>
		</I18nextProvider>,
	)
}

test('on a Welsh page the English title and summary carry lang="en"', () => {
	const html = render('cy')
	expect(html).toMatch(/<h3 [^>]*lang="en"[^>]*>.*Restorative conversations/)
	expect(html).toMatch(/<p [^>]*lang="en"[^>]*>Questions that help people put things right\.<\/p>/)
})

test('on an English page nothing is marked', () => {
	expect(render('en')).not.toContain('lang=')
})
