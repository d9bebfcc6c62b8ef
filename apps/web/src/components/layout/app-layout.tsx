import { NavLink, Outlet } from "react-router";
import { paths } from "@/config/paths";
import { useAuth } from "@/lib/auth-context";
import { useOnline } from "@/lib/use-online";
import "./app-layout.css";

const LINKS = [
	{ to: paths.generate, label: "Generate" },
	{ to: paths.history, label: "History" },
	{ to: paths.progress, label: "Progress" },
];

/** The frame of every signed-in page: navigation, the account control, and an offline notice. */
export function AppLayout() {
	const { AccountControl } = useAuth();
	const online = useOnline();
	return (
		<div className="app">
			<a className="skip-link" href="#main">
				Skip to content
			</a>
			<header className="app-header">
				<span className="brand" aria-hidden="true">
					{"{ }"} Code Trainer
				</span>
				<nav aria-label="Main">
					{LINKS.map((link) => (
						<NavLink
							key={link.to}
							to={link.to}
							end={link.to === paths.generate}
						>
							{link.label}
						</NavLink>
					))}
				</nav>
				<div className="account">
					<AccountControl />
				</div>
			</header>
			{!online && (
				<p className="offline-banner" role="status">
					You are offline. Challenges you already have still work; new ones need
					the server.
				</p>
			)}
			<main id="main" tabIndex={-1}>
				<Outlet />
			</main>
		</div>
	);
}
