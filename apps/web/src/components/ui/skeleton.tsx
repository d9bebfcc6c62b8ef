import "./skeleton.css";

/**
 * A placeholder with the shape of content that is loading, announced as a status with its label.
 * `label={null}` makes it decorative, for a wait that something else already announces.
 */
export function Skeleton({
	lines = 3,
	label = "Loading",
}: {
	lines?: number;
	label?: string | null;
}) {
	const shapes = Array.from({ length: lines }, (_, i) => (
		<span
			key={i}
			className="skeleton-line"
			style={{ width: `${90 - i * 12}%` }}
		/>
	));
	if (label === null)
		return (
			<div className="skeleton" aria-hidden="true">
				{shapes}
			</div>
		);
	// the text, not only aria-label, is what a status region announces
	return (
		<div className="skeleton" role="status" aria-label={label}>
			<span className="visually-hidden">{label}</span>
			{shapes}
		</div>
	);
}
