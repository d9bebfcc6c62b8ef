import type { Language } from "@app/contract";
import { useEffect, useState } from "react";
import { LANGUAGE_LABELS } from "@/config/labels";
import { highlight } from "./highlight";
import "./code-block.css";

/**
 * The snippet as an editor shows it: plain text at once, then syntax-highlighted by Shiki, which
 * is loaded on first use with only the grammars of our languages.
 */
export function CodeBlock({
	code,
	language,
}: {
	code: string;
	language: Language;
}) {
	const [html, setHtml] = useState<string | null>(null);
	useEffect(() => {
		let current = true;
		setHtml(null);
		highlight(code, language)
			.then((highlighted) => current && setHtml(highlighted))
			.catch(() => undefined);
		return () => {
			current = false;
		};
	}, [code, language]);
	const label = `${LANGUAGE_LABELS[language]} code`;
	return (
		<figure
			className="code-block"
			aria-label={label}
			// biome-ignore lint/a11y/noNoninteractiveTabindex: long lines scroll sideways, and a scrolling box must take focus for the keyboard to scroll it (WCAG 2.1.1)
			tabIndex={0}
			// Shiki escapes the code it renders; the HTML is only its own markup around it
			dangerouslySetInnerHTML={html ? { __html: html } : undefined}
		>
			{html ? undefined : (
				<pre>
					<code>{code}</code>
				</pre>
			)}
		</figure>
	);
}
