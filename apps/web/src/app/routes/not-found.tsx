import { Link } from "react-router";
import { PageTitle } from "@/components/layout/page-title";
import { paths } from "@/config/paths";
import "@/components/layout/page.css";

export function NotFoundPage() {
	return (
		<section className="page">
			<PageTitle page="Page not found" />
			<h1>Page not found</h1>
			<p>
				<Link to={paths.generate}>Back to practice</Link>
			</p>
		</section>
	);
}
