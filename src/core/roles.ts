/**
 * Role and list addresses: nobody in particular reads them, and an invitation sent there went
 * out by mistake for sure. One list, German and English.
 */
const ROLE_LOCAL_PARTS = new Set([
  "admin",
  "anfrage",
  "anfragen",
  "bestellung",
  "bewerbung",
  "bewerbungen",
  "billing",
  "buchhaltung",
  "büro",
  "buero",
  "career",
  "careers",
  "contact",
  "datenschutz",
  "empfang",
  "hallo",
  "hello",
  "help",
  "hr",
  "info",
  "information",
  "jobs",
  "karriere",
  "kontakt",
  "kundenservice",
  "mail",
  "mailbox",
  "marketing",
  "newsletter",
  "no-reply",
  "noreply",
  "do-not-reply",
  "donotreply",
  "office",
  "personal",
  "post",
  "postmaster",
  "presse",
  "press",
  "rechnung",
  "rechnungen",
  "sales",
  "sekretariat",
  "service",
  "support",
  "team",
  "verkauf",
  "verwaltung",
  "vertrieb",
  "webmaster",
  "zentrale",
]);

/** Whether an address names a role or list (`info@`, `bewerbung.berlin@`, `no-reply@`). */
export function isRoleAddress(email: string | null): boolean {
  if (!email) return false;
  const local = email.slice(0, email.indexOf("@")).toLowerCase();
  if (ROLE_LOCAL_PARTS.has(local)) return true;
  // `info.berlin@`, `jobs-de@`, `support_team@`: the first word decides.
  const first = local.split(/[.\-_+]/, 1)[0] ?? "";
  return first !== local && ROLE_LOCAL_PARTS.has(first);
}
