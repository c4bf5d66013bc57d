"use client";

import { signOut } from "next-auth/react";
import { t } from "@/lib/i18n/zh-CN";

export function LogoutButton() {
  return (
    <button type="button" className="button button-quiet" onClick={() => signOut({ callbackUrl: "/admin/login" })}>
      {t.admin.logout}
    </button>
  );
}
