import { ErrorBoundary as RootErrorBoundary } from "~/root";

/** Any unknown URL: the friendly 404 page, in the user's language, with status 404. */
export async function loader() {
  throw new Response("Not Found", { status: 404 });
}

export default function NotFound() {
  return null;
}

export const ErrorBoundary = RootErrorBoundary;
