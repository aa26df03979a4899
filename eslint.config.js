import js from '@eslint/js'
import i18next from 'eslint-plugin-i18next'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

const RAW_SQL_OUTSIDE_SQL_TS = {
	selector: "MemberExpression[property.name='$queryRaw']",
	message: 'Raw SQL goes in the context’s sql.ts, with a row type built from the generated models (ADR 0018).',
}
const UNSAFE_RAW_SQL = {
	selector: 'MemberExpression[property.name=/^\\$(query|execute)RawUnsafe$/]',
	message: 'Use $queryRaw with a tagged template (parameters bound), never the Unsafe variants (ADR 0018).',
}
const STATUS_TABLE_OUTSIDE_ERRORS = {
	selector: "Identifier[name='STATUS_FOR_KIND']",
	message:
		'Answer domain errors through app/utils/errors.server.ts (throwAsResponse, withDomainErrors, replyWithDomainError, replyWithProblem, problemJson), not STATUS_FOR_KIND.',
}
const AUDIT_LOG_WRITES = {
	selector:
		"MemberExpression[property.name=/^(update|updateMany|delete|deleteMany|upsert)$/]:matches([object.property.name='auditLog'], [object.name='auditLog'])",
	message:
		'The audit log is append-only: write entries with recordAudit (modules/audit/record.ts); never update, upsert or delete them (ADR 0026).',
}
const APP_IMPORT = {
	regex: '^(#app/|(\\.\\./)+app/)',
	message: 'modules/ must not import from app/: the domain knows no HTTP (README, Architecture).',
}
const TESTS_IMPORT = {
	regex: '^(#tests/|(\\.\\./)+tests/)',
	message: 'Production code must not import test helpers or fakes from tests/.',
}

// Interface text is written in both languages (ADR 0041): no literal words in JSX, nor in the
// attributes people read (labels, alternatives, titles, placeholders), in every page, component and
// email. There is no list of exempt files any more: every file was converted (tests/lint/i18n.test.ts
// proves the rule fires).
const NO_LITERAL_STRING = [
	'error',
	{
		mode: 'jsx-only',
		'jsx-attributes': {
			include: ['aria-label', 'aria-description', 'alt', 'title', 'placeholder', 'label', 'hint', 'description'],
		},
		words: { exclude: ['[0-9!-/:-@[-`{-~\\s·–—…’‘“”£×•]+', 'Circle', 'CPD'] },
	},
]

export default tseslint.config(
	{
		ignores: [
			'build/**',
			'.react-router/**',
			'modules/db/generated/**',
			'node_modules/**',
			'tests/.tmp/**',
			'test-results/**',
			'playwright-report/**',
			'.data/**',
		],
	},
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		plugins: { 'react-hooks': reactHooks },
		rules: {
			'react-hooks/rules-of-hooks': 'error',
			'react-hooks/exhaustive-deps': 'warn',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			'@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
		},
	},
	{
		// The layer rule (README, Architecture): modules/ holds the domain and never reaches into app/,
		// by alias or by relative path. `regex` patterns, because a gitignore-style `group` line that
		// starts with `#` is a comment and matches nothing. tests/lint/boundaries.test.ts proves it fires.
		files: ['modules/**', 'emails/**', 'prisma/**'],
		rules: {
			'no-restricted-imports': ['error', { patterns: [APP_IMPORT] }],
		},
	},
	{
		// Domain code never depends on test helpers or fakes; its tests may.
		files: ['modules/**', 'emails/**', 'prisma/**'],
		ignores: ['**/*.test.ts', '**/*.test.tsx'],
		rules: {
			'no-restricted-imports': ['error', { patterns: [APP_IMPORT, TESTS_IMPORT] }],
		},
	},
	{
		files: ['app/**', 'scripts/**'],
		ignores: ['**/*.test.ts', '**/*.test.tsx'],
		rules: {
			'no-restricted-imports': ['error', { patterns: [TESTS_IMPORT] }],
		},
	},
	{
		// Pages and components format dates and prices through useFormat(), which knows the page's
		// language: the bare formatters default to English, so a Welsh page showed "Free" and English
		// months. tests/lint/i18n.test.ts proves it fires.
		files: ['app/**/*.tsx'],
		ignores: ['**/*.test.tsx'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [TESTS_IMPORT],
					paths: ['#app/utils/format.ts', '#modules/i18n/format.ts'].map((name) => ({
						name,
						importNames: [
							'formatDate',
							'formatDateTime',
							'formatShortDate',
							'formatCalendarDay',
							'formatPrice',
							'formatCoursePrice',
						],
						message: 'Format in the page’s language with useFormat() from #app/utils/i18n.ts.',
					})),
				},
			],
		},
	},
	{
		// One way from domain errors to HTTP: only app/utils/errors.server.ts reads the kind-to-status
		// table; everything else answers through its helpers, so no route picks a status of its own.
		// tests/lint/errors-and-env.test.ts proves it fires.
		files: ['**/*.ts', '**/*.tsx'],
		ignores: ['app/utils/errors.server.ts'],
		rules: {
			'no-restricted-syntax': ['error', STATUS_TABLE_OUTSIDE_ERRORS, AUDIT_LOG_WRITES],
		},
	},
	{
		// Settings are read through modules/env, which validates them (and never echoes a secret).
		// Exceptions: tests and their setup set the environment for the code under test to read; the
		// few lines that set DATABASE_URL or pass the environment to a child process say so beside
		// them with an eslint-disable comment. tests/lint/errors-and-env.test.ts proves it fires.
		files: ['app/**', 'modules/**', 'scripts/**', 'emails/**', 'prisma/**'],
		ignores: ['modules/env/**', '**/*.test.ts', '**/*.test.tsx'],
		rules: {
			'no-restricted-properties': [
				'error',
				{
					object: 'process',
					property: 'env',
					message: 'Read settings through modules/env/env.ts (parseEnv, getEnv, requireDatabaseUrl), not process.env.',
				},
			],
		},
	},
	{
		files: ['**/*.test.ts', '**/*.test.tsx', 'tests/**'],
		rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
	},
	// Raw SQL lives in each context's sql.ts, with row types from the generated models
	// (docs/decisions/0018-typed-raw-sql.md); the unsafe variants are refused everywhere.
	// no-restricted-syntax is one rule: a later block replaces an earlier one's list for the files it
	// matches, so each block below repeats the status-table and audit-log selectors where they
	// still apply (tests/lint/audit-append-only.test.ts proves the audit one fires in each).
	{
		files: ['modules/**/*.ts', 'app/**/*.ts', 'app/**/*.tsx'],
		ignores: ['app/utils/errors.server.ts'],
		rules: {
			'no-restricted-syntax': [
				'error',
				STATUS_TABLE_OUTSIDE_ERRORS,
				RAW_SQL_OUTSIDE_SQL_TS,
				UNSAFE_RAW_SQL,
				AUDIT_LOG_WRITES,
			],
		},
	},
	{
		files: ['app/utils/errors.server.ts'],
		rules: { 'no-restricted-syntax': ['error', RAW_SQL_OUTSIDE_SQL_TS, UNSAFE_RAW_SQL, AUDIT_LOG_WRITES] },
	},
	{
		files: ['**/sql.ts', '**/testing.ts'],
		rules: { 'no-restricted-syntax': ['error', STATUS_TABLE_OUTSIDE_ERRORS, UNSAFE_RAW_SQL, AUDIT_LOG_WRITES] },
	},
	{
		// Tests read the database directly to check what the code under test did, and the audit
		// log's own test tries the writes the database trigger refuses.
		files: ['**/*.test.ts', '**/*.test.tsx'],
		rules: { 'no-restricted-syntax': ['error', STATUS_TABLE_OUTSIDE_ERRORS, UNSAFE_RAW_SQL] },
	},
	{
		files: ['app/**/*.tsx', 'emails/**/*.tsx'],
		ignores: ['**/*.test.tsx'],
		plugins: { i18next },
		rules: { 'i18next/no-literal-string': NO_LITERAL_STRING },
	},
)
