import js from '@eslint/js'
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
			'no-restricted-imports': [
				'error',
				{ patterns: [{ group: ['#app/*'], message: 'modules/ must not import from app/' }] },
			],
		},
	},
	{
		// The app layer may import from itself; only modules/ is barred from it.
		files: ['app/**', 'tests/**', 'scripts/**'],
		rules: { 'no-restricted-imports': 'off' },
	},
	{
		files: ['**/*.test.ts', '**/*.test.tsx', 'tests/**'],
		rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
	},
	// Raw SQL lives in each context's sql.ts, with row types from the generated models
	// (docs/decisions/0018-typed-raw-sql.md); the unsafe variants are refused everywhere.
	{
		files: ['modules/**/*.ts', 'app/**/*.ts', 'app/**/*.tsx'],
		rules: { 'no-restricted-syntax': ['error', RAW_SQL_OUTSIDE_SQL_TS, UNSAFE_RAW_SQL] },
	},
	{
		files: [
			'**/sql.ts',
			// Tests read the database directly to check what the code under test did.
			'**/*.test.ts',
			'**/*.test.tsx',
			'**/testing.ts',
			// Billing's two row locks move to modules/billing/sql.ts with the webhook work (issue 12, C3).
			'modules/billing/revoke-purchase.ts',
			'modules/billing/fulfil-order.ts',
		],
		rules: { 'no-restricted-syntax': ['error', UNSAFE_RAW_SQL] },
	},
)
