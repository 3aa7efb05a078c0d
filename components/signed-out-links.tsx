import Link from "next/link";

export function SignedOutLinks() {
  return (
    <>
      <Link href="/login" className="button button-quiet">
        Log in
      </Link>
      <Link href="/signup" className="button">
        Sign up
      </Link>
    </>
  );
}
