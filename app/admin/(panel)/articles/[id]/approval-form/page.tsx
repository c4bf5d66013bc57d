import type { Metadata } from "next";
import Link from "@/components/admin/link";
import { notFound } from "next/navigation";
import { ApprovalFormSheet } from "@/components/admin/approval-form";
import { PrintPageButton } from "@/components/admin/print-page-button";
import { loadApprovalForm } from "@/lib/approval/form";
import { APPROVAL_TEXT as L } from "@/lib/approval/text";
import { approvalFormView } from "@/lib/approval/view";
import { requireUser } from "@/lib/auth/session";
import "./approval-form.css";

export const metadata: Metadata = { title: L.pageTitle };

type Props = { params: Promise<{ id: string }> };

/** The 发稿审签单 to print (A4) or download as PDF; staff who may see the article. */
export default async function ApprovalFormPage({ params }: Props) {
  const user = await requireUser();
  const { id: raw } = await params;
  if (!/^[1-9]\d{0,8}$/.test(raw)) notFound();
  const form = await loadApprovalForm(Number(raw), user);
  if (!form) notFound();
  return (
    <section className="approval-page">
      <div className="approval-toolbar">
        <Link href={`/admin/articles/${raw}`}>{L.back}</Link>
        <p className="muted">{L.intro}</p>
        <div className="button-row">
          <PrintPageButton label={L.print} />
          <a className="button" href={`/admin/articles/${raw}/approval-form/pdf`} download>
            {L.downloadPdf}
          </a>
        </div>
      </div>
      <ApprovalFormSheet view={approvalFormView(form)} />
    </section>
  );
}
