import { NotFoundNotice } from "@/components/site/not-found-notice";

/** 404 for unknown addresses (and notFound() anywhere in the public site). */
export default function NotFound() {
  return <NotFoundNotice />;
}
