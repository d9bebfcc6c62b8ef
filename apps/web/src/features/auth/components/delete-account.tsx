import { type FormEvent, useId, useState } from "react";
import { useNavigate } from "react-router";
import { Button } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/error-message";
import { paths } from "@/config/paths";
import { useAuth } from "@/lib/auth-context";
import { useDeleteAccount } from "../api/delete-account";
import "@/components/ui/field.css";
import "./delete-account.css";

/** Local accounts only: Clerk users delete their account through Clerk, and the route is 404 there. */
export function DeleteAccount() {
	const { provider } = useAuth();
	const remove = useDeleteAccount();
	const navigate = useNavigate();
	const [open, setOpen] = useState(false);
	const headingId = useId();
	const formId = useId();
	const passwordId = useId();
	const warningId = useId();
	if (provider !== "local") return null;

	const onSubmit = (event: FormEvent<HTMLFormElement>) => {
		event.preventDefault();
		const password = String(
			new FormData(event.currentTarget).get("password") ?? "",
		);
		remove.mutate(
			{ password },
			{ onSuccess: () => navigate(paths.signIn, { replace: true }) },
		);
	};

	return (
		<section className="account-section" aria-labelledby={headingId}>
			<h2 id={headingId}>Your account</h2>
			<p id={warningId} className="hint">
				Deleting your account deletes all your challenges, answers and progress,
				and signs you out. It cannot be undone.
			</p>
			{!open ? (
				<Button
					variant="secondary"
					className="account-action"
					aria-expanded={false}
					aria-controls={formId}
					onClick={() => setOpen(true)}
				>
					Delete account
				</Button>
			) : (
				<form id={formId} className="account-form" onSubmit={onSubmit}>
					<div className="field">
						<label htmlFor={passwordId}>Password</label>
						<input
							id={passwordId}
							name="password"
							type="password"
							autoComplete="current-password"
							aria-describedby={warningId}
							required
							// biome-ignore lint/a11y/noAutofocus: the person just asked for this form
							autoFocus
						/>
					</div>
					{remove.isError && <ErrorMessage error={remove.error} />}
					<div className="account-buttons">
						<Button type="submit" busy={remove.isPending}>
							Delete my account and everything in it
						</Button>
						<Button
							variant="quiet"
							disabled={remove.isPending}
							onClick={() => {
								remove.reset();
								setOpen(false);
							}}
						>
							Cancel
						</Button>
					</div>
				</form>
			)}
		</section>
	);
}
