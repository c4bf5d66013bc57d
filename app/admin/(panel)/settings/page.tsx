import type { Metadata } from "next";
import { GovernanceLogoForm } from "@/components/admin/governance-logo-form";
import { GovernanceSettingsForm } from "@/components/admin/governance-settings-form";
import { requireRole } from "@/lib/auth/session";
import { t } from "@/lib/i18n/zh-CN";
import { getSiteSettings } from "@/lib/settings/queries";

const L = t.adminSettings;

export const metadata: Metadata = { title: L.title };

export default async function SettingsPage() {
  const me = await requireRole("ADMIN");
  const s = await getSiteSettings();
  return (
    <section className="gov-page gov-narrow">
      <header className="gov-page-header">
        <div>
          <h1>{L.title}</h1>
          <p className="muted">{L.intro}</p>
        </div>
        <a href="/" target="_blank" rel="noopener" className="button">
          {L.viewSite}
        </a>
      </header>
      <section className="gov-card">
        <h2>{L.logo}</h2>
        <GovernanceLogoForm logo={s.logo} />
      </section>
      <GovernanceSettingsForm
        adminHas2fa={!!me.totpEnabled}
        settings={{
          siteName: s.siteName,
          host: s.host,
          maintainer: s.maintainer,
          address: s.address,
          postcode: s.postcode,
          phone: s.phone,
          psbFiling: s.psbFiling,
          icpFiling: s.icpFiling,
          siteCode: s.siteCode,
          copyright: s.copyright,
          showPartyGovBadge: s.showPartyGovBadge,
          require2faForStaff: s.require2faForStaff,
          remoteImageHosts: s.remoteImageHosts,
          checkExternalLinks: s.checkExternalLinks,
          indexNoPattern: s.indexNoPattern,
        }}
      />
    </section>
  );
}
