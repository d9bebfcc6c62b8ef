/** A placeholder with the shape of content that is loading. */
export function Skeleton({
	lines = 3,
	label = "Loading",
}: {
	lines?: number;
	label?: string;
}) {
	return (
		<div className="skeleton" role="status" aria-label={label}>
			{Array.from({ length: lines }, (_, i) => (
				<span
					key={i}
					className="skeleton-line"
					style={{ width: `${90 - i * 12}%` }}
				/>
			))}
		</div>
	);
}
