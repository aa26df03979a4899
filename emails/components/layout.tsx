import { Body, Button, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from '@react-email/components'
import type { CSSProperties, ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { isLanguage, languageTag } from '#modules/i18n/languages.ts'

/*
 * Circle's email look. Inline styles only: many mail clients drop <style> blocks and external CSS.
 * Contrast (WCAG 2.2 AA): white on the teal header/button #0f5257 is 8.9:1; body text #1c1917 on
 * white is 17:1; footer text #44403c on #f5f5f4 is 9.4:1.
 */
const teal = '#0f5257'
const fontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"

const styles = {
	body: { backgroundColor: '#f5f5f4', margin: 0, padding: '24px 0', fontFamily },
	container: {
		backgroundColor: '#ffffff',
		maxWidth: '600px',
		margin: '0 auto',
		borderRadius: '8px',
		overflow: 'hidden',
	},
	header: { backgroundColor: teal, padding: '20px 32px' },
	brand: { color: '#ffffff', fontSize: '24px', fontWeight: 700, letterSpacing: '0.5px', margin: 0 },
	content: { padding: '8px 32px 24px' },
	heading: { color: '#1c1917', fontSize: '22px', lineHeight: '30px', fontWeight: 700, margin: '24px 0 16px' },
	paragraph: { color: '#1c1917', fontSize: '16px', lineHeight: '26px', margin: '0 0 16px' },
	button: {
		backgroundColor: teal,
		borderRadius: '6px',
		color: '#ffffff',
		display: 'inline-block',
		fontSize: '16px',
		fontWeight: 600,
		padding: '12px 24px',
		textDecoration: 'none',
	},
	buttonSection: { margin: '8px 0 24px' },
	small: { color: '#44403c', fontSize: '14px', lineHeight: '22px', margin: '0 0 16px', wordBreak: 'break-all' },
	link: { color: teal, textDecoration: 'underline' },
	hr: { borderColor: '#e7e5e4', margin: 0 },
	footer: { backgroundColor: '#f5f5f4', padding: '16px 32px' },
	footerText: { color: '#44403c', fontSize: '13px', lineHeight: '20px', margin: 0 },
} satisfies Record<string, CSSProperties>

export type EmailLayoutProps = {
	/** The inbox preview line shown after the subject (not part of the plain-text version). */
	preview: string
	heading: string
	children: ReactNode
}

/** The frame every Circle email shares: teal header, one heading, the message, the footer. */
export function EmailLayout({ preview, heading, children }: EmailLayoutProps) {
	// The language renderEmail chose for the recipient (ADR 0041).
	const { t, i18n } = useTranslation('emails')
	return (
		<Html lang={languageTag(isLanguage(i18n.language) ? i18n.language : 'en')} dir="ltr">
			<Head />
			<Preview>{preview}</Preview>
			<Body style={styles.body}>
				<Container style={styles.container}>
					<Section style={styles.header}>
						<Text style={styles.brand}>Circle</Text>
					</Section>
					<Section style={styles.content}>
						<Heading as="h1" style={styles.heading}>
							{heading}
						</Heading>
						{children}
					</Section>
					<Hr style={styles.hr} />
					<Section style={styles.footer}>
						<Text style={styles.footerText}>{t('layout.tagline')}</Text>
					</Section>
				</Container>
			</Body>
		</Html>
	)
}

/** "Hello Sam," (or "Hello," when there is no name) in the email's language. */
export function Greeting({ name }: { name?: string | null }) {
	const { t } = useTranslation('emails')
	return <Text style={styles.paragraph}>{name ? t('layout.hello', { name }) : t('layout.helloNoName')}</Text>
}

export function Paragraph({ children }: { children: ReactNode }) {
	return <Text style={styles.paragraph}>{children}</Text>
}

/** Small print: the "if you did not ask for this" lines. */
export function SmallPrint({ children }: { children: ReactNode }) {
	return <Text style={styles.small}>{children}</Text>
}

/**
 * The one call to action, followed by the same address as plain text: some clients block buttons,
 * and some readers prefer to copy a link they can see.
 */
export function ActionButton({ href, children }: { href: string; children: ReactNode }) {
	const { t } = useTranslation('emails')
	return (
		<>
			<Section style={styles.buttonSection}>
				<Button href={href} style={styles.button}>
					{children}
				</Button>
			</Section>
			<Text style={styles.small}>
				{t('layout.buttonFallback')}{' '}
				<Link href={href} style={styles.link}>
					{href}
				</Link>
			</Text>
		</>
	)
}

export function TextLink({ href, children }: { href: string; children?: ReactNode }) {
	return (
		<Link href={href} style={styles.link}>
			{children}
		</Link>
	)
}
