import type { GenerateChallengeRequest } from "@app/contract";
import { useEffect, useRef, useState } from "react";
import { useLocation, useNavigate } from "react-router";
import { PageTitle } from "@/components/layout/page-title";
import { ErrorMessage } from "@/components/ui/error-message";
import { Skeleton } from "@/components/ui/skeleton";
import { useGenerateChallenge } from "@/features/challenges/api/generate-challenge";
import { ChallengeSession } from "@/features/challenges/components/challenge-session";
import {
	GenerateForm,
	remembered,
} from "@/features/challenges/components/generate-form";
import { useQuota } from "@/features/quota/api/get-quota";
import { QuotaPanel } from "@/features/quota/components/quota-panel";
import { ApiError } from "@/lib/api-client";
import { practiseRequestOf } from "@/lib/practise";
import "@/components/layout/page.css";
import "@/components/ui/empty-state.css";

/**
 * "Practise this idea" on another page comes here with the request in the location's state: it
 * is generated once, and the state is dropped so that Back or a reload does not spend another unit.
 */
function usePractiseFromLocation(
	run: (request: GenerateChallengeRequest) => void,
) {
	const location = useLocation();
	const navigate = useNavigate();
	const handled = useRef<string | null>(null);
	const runRef = useRef(run);
	runRef.current = run;
	useEffect(() => {
		const practise = practiseRequestOf(location.state);
		if (!practise || handled.current === location.key) return;
		handled.current = location.key;
		navigate(location.pathname, { replace: true, state: null });
		runRef.current({
			difficulty: practise.difficulty ?? remembered().difficulty,
			idea: practise.idea,
		});
	}, [location, navigate]);
}

export function GeneratePage() {
	const generate = useGenerateChallenge();
	const quota = useQuota();
	const [lastRequest, setLastRequest] =
		useState<GenerateChallengeRequest | null>(null);
	const run = (request: GenerateChallengeRequest) => {
		setLastRequest(request);
		generate.mutate(request);
	};
	usePractiseFromLocation(run);
	// a 429 holds only until the quota is read again after it: once the quota refills, generating works again
	const refusedForQuota =
		generate.error instanceof ApiError &&
		generate.error.code === "quota_exhausted";
	const exhausted =
		quota.data?.quota_remaining === 0 ||
		(refusedForQuota && quota.dataUpdatedAt <= generate.submittedAt);
	const error = refusedForQuota && !exhausted ? null : generate.error;
	const practisedIdea =
		lastRequest?.idea &&
		(generate.data?.idea?.id === lastRequest.idea
			? generate.data.idea.name
			: null);

	return (
		<section className="page generate-page">
			<PageTitle page="Practice" />
			<div className="page-heading">
				<h1>Practice</h1>
				<QuotaPanel />
			</div>
			<GenerateForm
				onGenerate={run}
				busy={generate.isPending}
				exhausted={exhausted}
			/>
			{/* the form's status already announces "Generating…" */}
			{generate.isPending && <Skeleton lines={7} label={null} />}
			{error && !generate.isPending && (
				<ErrorMessage
					error={error}
					onRetry={
						exhausted || !lastRequest ? undefined : () => run(lastRequest)
					}
				/>
			)}
			{practisedIdea && !generate.isPending && (
				<p className="practise-note">
					Practising one idea: <strong>{practisedIdea}</strong>. Next challenge
					stays on it; Generate challenge goes back to your settings.
				</p>
			)}
			{generate.data && !generate.isPending && (
				<ChallengeSession
					key={generate.data.id}
					challenge={generate.data}
					onNext={() => lastRequest && run(lastRequest)}
					onPractise={run}
					focusOnShow
				/>
			)}
			{!generate.data && !generate.isPending && !error && (
				<p className="empty-state">
					Choose a difficulty and a language, then generate a challenge. Every
					answer is checked by running the code.
				</p>
			)}
		</section>
	);
}
