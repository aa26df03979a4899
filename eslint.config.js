import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

export default tseslint.config(
	{ ignores: ['build/**', '.react-router/**', 'modules/db/generated/**', 'node_modules/**', 'tests/.tmp/**', 'test-results/**', 'playwright-report/**', '.data/**'] },
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
)
