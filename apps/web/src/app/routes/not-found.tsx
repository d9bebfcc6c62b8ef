import { Link } from "react-router";
import { paths } from "@/config/paths";

export function NotFoundPage() {
	return (
		<section className="page">
			<h1>Page not found</h1>
			<p>
				<Link to={paths.generate}>Back to practice</Link>
			</p>
		</section>
	);
}
