import Link from "@/components/admin/link";
import { actionFamily, actionLabel, familyLabel, targetTypeLabel } from "@/lib/audit/labels";
import type { AuditFilter } from "@/lib/audit/filters";
import { t } from "@/lib/i18n/zh-CN";
import { fill } from "./governance-text";

const L = t.adminAudit;

/**
 * The filters as a plain GET form: works without JavaScript, and a filtered view is
 * a URL one can bookmark or send. Actions are grouped by family, each family also
 * selectable as a whole ("用户（全部）").
 */
export function GovernanceAuditFilters({
  filter,
  actions,
  targetTypes,
  actorEmails,
}: {
  filter: AuditFilter;
  actions: string[];
  targetTypes: string[];
  actorEmails: string[];
}) {
  const families = [...new Set(actions.map(actionFamily))];
  return (
    <form method="get" action="/admin/audit" className="gov-filters" aria-label={L.filters}>
      <div className="field">
        <label htmlFor="audit-actor">{L.actor}</label>
        <input id="audit-actor" name="actor" list="audit-actors" defaultValue={filter.actor ?? ""} placeholder={L.actorPlaceholder} maxLength={254} />
        <datalist id="audit-actors">
          {actorEmails.map((e) => (
            <option key={e} value={e} />
          ))}
        </datalist>
      </div>
      <div className="field">
        <label htmlFor="audit-action">{L.action}</label>
        <select id="audit-action" name="action" defaultValue={filter.action ?? ""}>
          <option value="">{L.anyAction}</option>
          {families.map((family) => {
            const members = actions.filter((a) => actionFamily(a) === family);
            return (
              <optgroup key={family} label={familyLabel(family)}>
                {members.length > 1 && <option value={`${family}.*`}>{fill(L.actionFamily, { family: familyLabel(family) })}</option>}
                {members.map((a) => (
                  <option key={a} value={a}>
                    {actionLabel(a)}
                  </option>
                ))}
              </optgroup>
            );
          })}
        </select>
      </div>
      <div className="field">
        <label htmlFor="audit-target-type">{L.targetType}</label>
        <select id="audit-target-type" name="targetType" defaultValue={filter.targetType ?? ""}>
          <option value="">{L.anyTargetType}</option>
          {targetTypes.map((type) => (
            <option key={type} value={type}>
              {targetTypeLabel(type)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="audit-target-id">{L.targetId}</label>
        <input id="audit-target-id" name="targetId" defaultValue={filter.targetId ?? ""} size={8} maxLength={64} inputMode="numeric" />
      </div>
      <div className="field">
        <label htmlFor="audit-from">{L.from}</label>
        <input id="audit-from" name="from" type="date" defaultValue={filter.from ?? ""} />
      </div>
      <div className="field">
        <label htmlFor="audit-to">{L.to}</label>
        <input id="audit-to" name="to" type="date" defaultValue={filter.to ?? ""} />
      </div>
      <div className="button-row">
        <button type="submit" className="button button-primary">
          {L.apply}
        </button>
        <Link href="/admin/audit" className="button">
          {L.reset}
        </Link>
      </div>
    </form>
  );
}
