"use client";

import { signOutTo } from "@/lib/auth/sign-out";
import { t } from "@/lib/i18n/zh-CN";

export function LogoutButton() {
  return (
    <button type="button" className="button button-quiet" onClick={() => void signOutTo("/admin/login")}>
      {t.admin.logout}
    </button>
  );
}
