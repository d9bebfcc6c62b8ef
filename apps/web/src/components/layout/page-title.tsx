/** The document's title for a page, "Practice · Code Trainer": React puts it in the head and swaps it per page. */
export function PageTitle({ page }: { page: string }) {
	return <title>{`${page} · Code Trainer`}</title>;
}
