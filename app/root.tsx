import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from 'react-router'
import type { Route } from './+types/root'
import './styles/app.css'

export async function loader({ context }: Route.LoaderArgs) {
	return { cspNonce: context.cspNonce }
}

export function Layout({ children }: { children: React.ReactNode }) {
	const data = useRouteLoaderData<typeof loader>('root')
	return (
		<html lang="en-GB">
			<head>
				<meta charSet="utf-8" />
				<meta name="viewport" content="width=device-width, initial-scale=1" />
				<Meta />
				<Links />
			</head>
			<body>
				{children}
				<ScrollRestoration nonce={data?.cspNonce} />
				<Scripts nonce={data?.cspNonce} />
			</body>
		</html>
	)
}

export default function App() {
	return <Outlet />
}
