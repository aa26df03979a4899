export default function HomeRoute() {
	return (
		<main>
			<h1>Circle</h1>
		</main>
	)
}
