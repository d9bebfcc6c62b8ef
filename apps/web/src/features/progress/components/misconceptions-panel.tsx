import { ErrorMessage } from "@/components/ui/error-message";
import { Skeleton } from "@/components/ui/skeleton";
import { usePractise } from "@/lib/practise";
import { useMisconceptions } from "../api/get-misconceptions";
import { IdeaAccuracyTable } from "./idea-accuracy";
import { IdeasToRevisit } from "./ideas-to-revisit";

/** What the learner's wrong answers suggest they believe, and how they do on each idea. */
export function MisconceptionsPanel() {
	const misconceptions = useMisconceptions();
	const practise = usePractise();
	if (misconceptions.isPending)
		return <Skeleton lines={4} label="Loading the ideas to revisit" />;
	if (misconceptions.isError && !misconceptions.data)
		return (
			<ErrorMessage
				error={misconceptions.error}
				onRetry={() => misconceptions.refetch()}
			/>
		);
	const pages = misconceptions.data.pages;
	// offsets shift when a new misconception arrives between pages: one may come twice
	const seen = new Set<string>();
	const list = pages
		.flatMap((page) => page.misconceptions)
		.filter((item) => !seen.has(item.id) && Boolean(seen.add(item.id)));
	return (
		<>
			<IdeasToRevisit
				misconceptions={list}
				onPractise={(idea) => practise({ idea })}
				hasMore={misconceptions.hasNextPage}
				loadingMore={misconceptions.isFetchingNextPage}
				onLoadMore={() => misconceptions.fetchNextPage()}
			/>
			<IdeaAccuracyTable ideas={pages.at(-1)?.ideas ?? []} />
		</>
	);
}
