import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDate } from "~/utils/format";

type Block = string | { list: string[] };
export type LegalPageData = {
  kind: "privacy" | "terms";
  version: string;
  effective: string;
  isCurrent: boolean;
  versions: { version: string; effective: string }[];
  text: { title: string; summary: string; sections: { id: string; title: string; body: Block[] }[] };
  demoOperator: boolean;
};

/** A versioned legal text: title, version line, summary, contents, sections, older versions. */
export function LegalDocument({ doc }: { doc: LegalPageData }) {
  const { t, i18n } = useTranslation("legal");
  const path = doc.kind === "privacy" ? "/privacy" : "/terms";
  return (
    <article className="mx-auto max-w-3xl space-y-5" data-testid="legal-document" data-version={doc.version}>
      <header>
        <h1 className="page-title mb-1">{doc.text.title}</h1>
        <p className="text-sm text-stone-600">{t("doc.version", { version: doc.version, date: formatDate(`${doc.effective}T12:00:00Z`, i18n.language) })}</p>
        {!doc.isCurrent ? (
          <p className="mt-1">
            <Link to={path}>{t("doc.current")}</Link>
          </p>
        ) : null}
      </header>
      {doc.demoOperator ? (
        <p className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-amber-900" data-testid="demo-operator">
          {t("doc.demoOperator")}
        </p>
      ) : null}
      <p className="text-lg">{doc.text.summary}</p>
      <nav aria-label={t("doc.contents")} className="card">
        <h2 className="mb-2 font-bold">{t("doc.contents")}</h2>
        <ol className="space-y-1">
          {doc.text.sections.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`}>{s.title}</a>
            </li>
          ))}
        </ol>
      </nav>
      {doc.text.sections.map((s) => (
        <section key={s.id} id={s.id} aria-labelledby={`${s.id}-title`}>
          <h2 id={`${s.id}-title`} className="mb-2 text-xl font-bold">
            {s.title}
          </h2>
          {s.body.map((b, i) =>
            typeof b === "string" ? (
              <p key={i} className="mb-2">
                {b}
              </p>
            ) : (
              <ul key={i} className="mb-2 list-disc space-y-1 pl-5">
                {b.list.map((item, j) => (
                  <li key={j}>{item}</li>
                ))}
              </ul>
            ),
          )}
        </section>
      ))}
      {doc.versions.length > 1 ? (
        <footer className="border-t border-stone-200 pt-3 text-sm">
          <h2 className="font-bold">{t("doc.older")}</h2>
          <ul>
            {doc.versions.map((v) => (
              <li key={v.version}>
                <Link to={`${path}?v=${encodeURIComponent(v.version)}`}>
                  {t("doc.version", { version: v.version, date: formatDate(`${v.effective}T12:00:00Z`, i18n.language) })}
                </Link>
              </li>
            ))}
          </ul>
        </footer>
      ) : null}
    </article>
  );
}
