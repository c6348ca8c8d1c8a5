/**
 * Any address no other route serves: a 404 in the reader's language. Without this route Remix
 * answers an unknown address before the root loader runs, so the problem page had neither the
 * reader's language nor its strings ("Not Found" in English, whatever the language chosen).
 */
export async function loader() {
  throw Response.json({ message: "problem.notFoundDetail" }, { status: 404 });
}

// The root's error page renders the 404.
export default function NotFound() {
  return null;
}
