import { useNavigate } from "react-router";
import { Button } from "@/components/ui/button";
import { paths } from "@/config/paths";
import { useSignOut } from "../api/sign-out";

export function SignOutButton() {
	const signOut = useSignOut();
	const navigate = useNavigate();
	return (
		<Button
			variant="quiet"
			busy={signOut.isPending}
			onClick={() =>
				signOut.mutate(undefined, {
					onSettled: () => navigate(paths.signIn, { replace: true }),
				})
			}
		>
			Sign out
		</Button>
	);
}
