import pg from 'pg'

type QueryResultLike = { fields?: Array<{ dataTypeID: number }> } | undefined

/**
 * Prisma's WebAssembly schema engine reads catalog columns of types "char" (OID 18) and name
 * (OID 19), which @prisma/adapter-pg cannot map. This client reports them as text (OID 25) so
 * that `prisma migrate deploy` works without the native engine (docs/decisions/0002).
 */
export class CatalogSafeClient extends pg.Client {
	// pg's query() has many overloads; we only rewrite the result's field types.
	query(...args: unknown[]): never {
		const fix = (r: QueryResultLike) => {
			for (const f of r?.fields ?? []) if (f.dataTypeID === 18 || f.dataTypeID === 19) f.dataTypeID = 25
			return r
		}
		const last = args[args.length - 1]
		if (typeof last === 'function') {
			args[args.length - 1] = (err: unknown, r: QueryResultLike) =>
				(last as (e: unknown, r: unknown) => void)(err, fix(r))
		}
		const result = (super.query as (...a: unknown[]) => unknown)(...args)
		return (result instanceof Promise ? result.then(fix) : result) as never
	}
}

/** Discrete connection fields: the adapter's migration path needs them rather than a URL. */
export function connectionFields(databaseUrl: string) {
	const url = new URL(databaseUrl)
	return {
		host: url.hostname || 'localhost',
		port: Number(url.port || 5432),
		database: decodeURIComponent(url.pathname.slice(1)),
		user: decodeURIComponent(url.username),
		password: decodeURIComponent(url.password),
	}
}
