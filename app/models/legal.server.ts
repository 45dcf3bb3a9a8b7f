/**
 * The privacy notice and the terms as pages: the requested (or current) version, in the reader's
 * language, with the operator's details filled in (docs/decisions/072, 073).
 */
import { LEGAL_DOCUMENTS, findVersion, renderLegalText, type LegalDocumentKind } from "~/legal/documents.server";
import { operator, type Operator } from "~/utils/operator.server";
import { formatVietnamPhone } from "~/utils/phone";

export function operatorPlaceholders(op: Operator = operator()) {
  return {
    operatorName: op.name,
    operatorAddress: op.address,
    operatorTaxCode: op.taxCode,
    operatorPhone: formatVietnamPhone(op.phone),
    operatorEmail: op.email,
    operatorRegistration: op.registration ?? "",
  };
}

export function legalPage(kind: LegalDocumentKind, lang: "vi" | "en", version?: string | null) {
  const found = findVersion(kind, version);
  if (!found) return undefined;
  const op = operator();
  const list = LEGAL_DOCUMENTS[kind];
  return {
    kind,
    version: found.version,
    effective: found.effective,
    isCurrent: found === list[list.length - 1],
    versions: list.map((v) => ({ version: v.version, effective: v.effective })),
    text: renderLegalText(found[lang], operatorPlaceholders(op)),
    demoOperator: op.demo,
  };
}

/** What the footer shows of the operator. */
export function footerOperator() {
  const op = operator();
  return {
    name: op.name,
    address: op.address,
    taxCode: op.taxCode,
    phone: formatVietnamPhone(op.phone),
    email: op.email,
    registration: op.registration,
    demo: op.demo,
  };
}
