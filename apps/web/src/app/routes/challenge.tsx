import { Link, useParams } from "react-router";
import { PageTitle } from "@/components/layout/page-title";
import { ErrorMessage } from "@/components/ui/error-message";
import { Skeleton } from "@/components/ui/skeleton";
import { paths } from "@/config/paths";
import { useChallenge } from "@/features/challenges/api/get-challenge";
import { ChallengeSession } from "@/features/challenges/components/challenge-session";
import { ApiError } from "@/lib/api-client";
import "@/components/layout/page.css";
import "@/components/ui/empty-state.css";

/** Ids are positive integers; anything else names no challenge, and is not asked for. */
const idOf = (param: string | undefined) =>
	param && /^[1-9]\d{0,9}$/.test(param) ? Number(param) : null;

function NoSuchChallenge() {
	return (
		<div className="empty-state">
			<p>This challenge does not exist, or it is not one of yours.</p>
			<Link to={paths.history}>Back to your history</Link>
		</div>
	);
}

function ChallengeView({ id }: { id: number }) {
	const challenge = useChallenge(id);
	if (challenge.isPending)
		return <Skeleton lines={7} label="Loading the challenge" />;
	if (challenge.isError) {
		if (challenge.error instanceof ApiError && challenge.error.status === 404)
			return <NoSuchChallenge />;
		return (
			<ErrorMessage
				error={challenge.error}
				onRetry={() => challenge.refetch()}
			/>
		);
	}
	// an unanswered challenge is answered here as on the practice page; an answered one shows its answer
	return (
		<ChallengeSession
			challenge={challenge.data}
			recorded={challenge.data.answer}
			pageLink={false}
		/>
	);
}

/** One challenge at /challenges/:id: its code, options, recorded answer, misconception and explanation. */
export function ChallengePage() {
	const id = idOf(useParams().id);
	return (
		<section className="page challenge-page">
			<PageTitle page="Challenge" />
			<div className="page-heading">
				<h1>Challenge</h1>
				<Link to={paths.history}>All your challenges</Link>
			</div>
			{id === null ? <NoSuchChallenge /> : <ChallengeView key={id} id={id} />}
		</section>
	);
}
