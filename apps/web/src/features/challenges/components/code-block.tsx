import type { Language } from "@app/contract";
import { useEffect, useState } from "react";
import { highlight } from "./highlight";

/**
 * The snippet as an editor shows it: plain text at once, then syntax-highlighted by Shiki, which
 * is loaded on first use with only the two grammars we need.
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
	const label = `${language === "python" ? "Python" : "JavaScript"} code`;
	if (html) {
		// Shiki escapes the code it renders; the HTML is only its own markup around it
		return (
			<figure
				className="code-block"
				aria-label={label}
				dangerouslySetInnerHTML={{ __html: html }}
			/>
		);
	}
	return (
		<figure className="code-block" aria-label={label}>
			<pre>
				<code>{code}</code>
			</pre>
		</figure>
	);
}
