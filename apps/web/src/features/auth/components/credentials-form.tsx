import { PASSWORD_MIN_LENGTH } from "@app/contract/constants";
import { type FormEvent, useId } from "react";
import { Link } from "react-router";
import { Button } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/error-message";
import { paths } from "@/config/paths";
import { useSignIn } from "../api/sign-in";
import "@/components/ui/field.css";
import "./credentials-form.css";

interface CredentialsFormProps {
	mode: "sign-in" | "sign-up";
}

const TEXT = {
	"sign-in": {
		title: "Sign in",
		action: "Sign in",
		other: "New here?",
		otherLink: "Create an account",
		to: paths.signUp,
	},
	"sign-up": {
		title: "Create your account",
		action: "Sign up",
		other: "Have an account?",
		otherLink: "Sign in",
		to: paths.signIn,
	},
} as const;

/** The local accounts' sign-in and sign-up form (CONTRACT: inputs Email and Password, buttons Sign in / Sign up). */
export function CredentialsForm({ mode }: CredentialsFormProps) {
	const text = TEXT[mode];
	const submit = useSignIn(mode);
	const emailId = useId();
	const passwordId = useId();
	const hintId = useId();

	const onSubmit = (event: FormEvent<HTMLFormElement>) => {
		event.preventDefault();
		const form = new FormData(event.currentTarget);
		// on success the session changes, and the page sends the person back where they came from
		submit.mutate({
			email: String(form.get("email") ?? ""),
			password: String(form.get("password") ?? ""),
		});
	};

	return (
		<form className="auth-card" onSubmit={onSubmit} noValidate={false}>
			<h1>{text.title}</h1>
			<div className="field">
				<label htmlFor={emailId}>Email</label>
				<input
					id={emailId}
					name="email"
					type="email"
					autoComplete="email"
					required
				/>
			</div>
			<div className="field">
				<label htmlFor={passwordId}>Password</label>
				<input
					id={passwordId}
					name="password"
					type="password"
					autoComplete={
						mode === "sign-up" ? "new-password" : "current-password"
					}
					minLength={mode === "sign-up" ? PASSWORD_MIN_LENGTH : undefined}
					aria-describedby={mode === "sign-up" ? hintId : undefined}
					required
				/>
				{mode === "sign-up" && (
					<p id={hintId} className="hint">
						At least {PASSWORD_MIN_LENGTH} characters, and not a common
						password.
					</p>
				)}
			</div>
			{submit.isError && <ErrorMessage error={submit.error} />}
			<Button type="submit" busy={submit.isPending}>
				{text.action}
			</Button>
			<p className="auth-switch">
				{text.other} <Link to={text.to}>{text.otherLink}</Link>
			</p>
		</form>
	);
}
