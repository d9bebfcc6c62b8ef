import { createBrowserRouter, type RouteObject } from "react-router";
import { AppLayout } from "@/components/layout/app-layout";
import { FullPageLoading } from "@/components/layout/full-page";
import { paths } from "@/config/paths";
import { AppRoot } from "./app-root";
import { RequireAuth } from "./require-auth";
import { RouteError } from "./routes/route-error";

/** Every page is its own chunk, loaded when first visited. */
export const routes: RouteObject[] = [
	{
		element: <AppRoot />,
		errorElement: <RouteError />,
		HydrateFallback: FullPageLoading,
		children: [
			{
				path: `${paths.signIn}/*`,
				lazy: async () => ({
					Component: (await import("./routes/auth-page")).SignInPage,
				}),
			},
			{
				path: `${paths.signUp}/*`,
				lazy: async () => ({
					Component: (await import("./routes/auth-page")).SignUpPage,
				}),
			},
			{
				element: (
					<RequireAuth>
						<AppLayout />
					</RequireAuth>
				),
				children: [
					{
						index: true,
						lazy: async () => ({
							Component: (await import("./routes/generate")).GeneratePage,
						}),
					},
					{
						path: paths.history,
						lazy: async () => ({
							Component: (await import("./routes/history")).HistoryPage,
						}),
					},
					{
						path: paths.progress,
						lazy: async () => ({
							Component: (await import("./routes/progress")).ProgressPage,
						}),
					},
					{
						path: paths.challenge,
						lazy: async () => ({
							Component: (await import("./routes/challenge")).ChallengePage,
						}),
					},
					{
						path: "*",
						lazy: async () => ({
							Component: (await import("./routes/not-found")).NotFoundPage,
						}),
					},
				],
			},
		],
	},
];

export const createRouter = () => createBrowserRouter(routes);
