import { PrismaPg } from '@prisma/adapter-pg'
import { defineConfig } from 'prisma/config'
import { CatalogSafeClient, connectionFields } from './modules/db/catalog-safe-client.ts'

// `prisma generate` never connects, but with DATABASE_URL unset it falls back to downloading a
// native engine, which fails offline. A placeholder keeps it on the JS engine (`migrate diff`
// between two schema files needs no database either). Anything that does connect fails loudly on
// the placeholder's .invalid host; scripts/migrate.ts always sets the real URL.
const PLACEHOLDER = 'postgresql://placeholder.invalid:5432/circle'
process.env.DATABASE_URL ??= PLACEHOLDER

export default defineConfig({
	experimental: { adapter: true },
	engine: 'js',
	schema: 'prisma/schema.prisma',
	migrations: { path: 'prisma/migrations' },
	async adapter() {
		const url = process.env.DATABASE_URL ?? PLACEHOLDER
		return new PrismaPg({ ...connectionFields(url), Client: CatalogSafeClient } as ConstructorParameters<
			typeof PrismaPg
		>[0])
	},
})
