import type { ButtonHTMLAttributes } from "react";
import "./spinner.css";
import "./button.css";

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
	variant?: "primary" | "secondary" | "quiet";
	/** shows progress and refuses a second click while an action runs */
	busy?: boolean;
}

export function Button({
	variant = "primary",
	busy = false,
	className,
	disabled,
	children,
	...props
}: ButtonProps) {
	return (
		<button
			type="button"
			{...props}
			className={["button", `button-${variant}`, className]
				.filter(Boolean)
				.join(" ")}
			disabled={disabled || busy}
			aria-busy={busy || undefined}
		>
			{busy && <span className="spinner" aria-hidden="true" />}
			{children}
		</button>
	);
}
