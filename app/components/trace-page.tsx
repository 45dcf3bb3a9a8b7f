import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import { formatDate, formatDateTime, formatNumber } from "~/utils/format";

type Payload = Record<string, string | number | boolean>;
export type TraceEventView = {
  id: number;
  seq: number;
  kind: string;
  time: string;
  payload: Payload;
  correctionOf: number | null;
  reason: string | null;
  correctedBy: number | null;
};
export type TracePageData = {
  found: true;
  title: string;
  code: string;
  lotNumber: string;
  harvestDate: string;
  quantity: number;
  unit: string;
  canonicalUrl: string;
  beacon: string | null;
  product: { name: string; slug: string; onSale: boolean; image: string | null };
  producer: { name: string; slug: string; verified: boolean };
  plot: { name: string; commune: string; area: string; growingAreaCode: string | null; crops: string; areaSqm: number } | null;
  events: TraceEventView[];
  inputs: { eventId: number; code: string; lotNumber: string; quantity: number; unit: string }[];
  certifications: {
    kind: string;
    name: string | null;
    number: string;
    issuer: string;
    validFrom: string;
    validTo: string;
    ocopStars: number | null;
    valid: boolean;
  }[];
  chainOk: boolean;
  serial: { serial: string; count: number; firstScannedAt: string | null; warning: boolean } | null;
};

const dateOnly = (iso: string) => `${iso}T12:00:00+07:00`;

/** The box to type a code: a plain GET form, works without JavaScript. */
export function TraceCodeForm({ defaultValue = "" }: { defaultValue?: string }) {
  const { t } = useTranslation("trace");
  return (
    <Form method="get" action="/t" reloadDocument className="card" role="search">
      <label htmlFor="trace-code" className="label">
        {t("lookup.label")}
      </label>
      <p id="trace-code-hint" className="hint mb-2">
        {t("lookup.hint")}
      </p>
      <div className="flex gap-2">
        <input
          id="trace-code"
          name="code"
          className="input uppercase"
          defaultValue={defaultValue}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          aria-describedby="trace-code-hint"
        />
        <button type="submit" className="btn-primary">
          {t("lookup.submit")}
        </button>
      </div>
    </Form>
  );
}

// Takes `t` from the timeline: one useTranslation per page instead of one per event (render cost).
function EventDetails({ e, inputs, t, lng }: { e: TraceEventView; inputs: TracePageData["inputs"]; t: TFunction; lng: string }) {
  const p = e.payload;
  const lines: string[] = [];
  if (p.product) lines.push(t(e.kind === "pest_control" ? "details.pesticide" : "details.fertiliser", { value: p.product }));
  if (p.organic) lines.push(t("details.organic"));
  if (p.dose) lines.push(t("details.dose", { value: p.dose }));
  if (p.target) lines.push(t("details.target", { value: p.target }));
  if (p.phiDays !== undefined) lines.push(t("details.phiDays", { count: Number(p.phiDays) }));
  if (p.step) lines.push(t("details.step", { value: p.step }));
  if (p.packaging) lines.push(t("details.packaging", { value: p.packaging }));
  if (p.units) lines.push(t("details.units", { value: formatNumber(Number(p.units)) }));
  if (p.lab) lines.push(t("details.lab", { value: p.lab }));
  if (p.result) lines.push(t("details.result", { value: p.result }));
  if (p.passed !== undefined) lines.push(t(p.passed ? "details.passed" : "details.failed"));
  if (p.document) lines.push(t("details.document", { value: p.document }));
  if (p.certName) lines.push(t("details.certName", { value: p.certName }));
  if (p.certNumber) lines.push(t("details.certNumber", { value: p.certNumber }));
  if (p.issuer) lines.push(t("details.issuer", { value: p.issuer }));
  if (p.validTo) lines.push(t("details.validTo", { value: formatDate(dateOnly(String(p.validTo)), lng) }));
  if (p.party) lines.push(t(e.kind === "receiving" ? "details.from" : "details.to", { value: p.party }));
  for (const i of inputs.filter((x) => x.eventId === e.id))
    lines.push(t("details.input", { code: i.code, quantity: formatNumber(i.quantity), unit: t(`units.${i.unit}`) }));
  if (p.note) lines.push(String(p.note));
  if (!lines.length) return null;
  return (
    <ul className="mt-1 list-disc pl-5 text-sm text-stone-700">
      {lines.map((line, i) => (
        <li key={i}>{line}</li>
      ))}
    </ul>
  );
}

export function Timeline({ events, inputs }: { events: TraceEventView[]; inputs: TracePageData["inputs"] }) {
  const { t, i18n } = useTranslation("trace");
  // A correction is shown right after the event it corrects.
  const ordered: TraceEventView[] = [];
  const corrections = new Map(events.filter((e) => e.correctionOf !== null).map((e) => [e.correctionOf!, e]));
  for (const e of events) {
    if (e.correctionOf !== null && events.some((x) => x.id === e.correctionOf)) continue;
    ordered.push(e);
    let c = corrections.get(e.id);
    while (c) {
      ordered.push(c);
      c = corrections.get(c.id);
    }
  }
  return (
    <ol className="space-y-3" data-testid="timeline">
      {ordered.map((e) => (
        <li
          key={e.id}
          id={`e${e.id}`}
          data-kind={e.kind}
          data-corrected={e.correctedBy !== null ? "true" : undefined}
          className={`rounded-lg border-l-4 bg-white p-3 ${e.correctionOf !== null ? "ml-4 border-amber-500" : e.correctedBy !== null ? "border-stone-300 opacity-75" : "border-tea-600"}`}
        >
          {e.correctionOf !== null ? (
            <p className="badge mb-1 bg-amber-100 text-amber-900" data-testid="correction">
              {t("timeline.correction")}
            </p>
          ) : null}
          <p className="font-semibold">
            <span className={e.correctedBy !== null ? "line-through" : undefined}>{t(`kinds.${e.kind}`)}</span>
            {e.correctedBy !== null ? <span className="ml-2 text-sm font-normal text-amber-900">({t("timeline.corrected")})</span> : null}
          </p>
          <p className="text-sm text-stone-600">
            <time dateTime={e.time}>{formatDateTime(e.time, i18n.language)}</time>
          </p>
          <EventDetails e={e} inputs={inputs} t={t} lng={i18n.language} />
          {e.correctionOf !== null && e.reason ? <p className="mt-1 text-sm text-amber-900">{t("timeline.reason", { reason: e.reason })}</p> : null}
        </li>
      ))}
    </ol>
  );
}

export function TracePage({ data }: { data: TracePageData }) {
  const { t, i18n } = useTranslation("trace");
  const lng = i18n.language;
  const live = data.events.filter((e) => e.correctedBy === null);
  const labs = live.filter((e) => e.kind === "lab_test");
  const certEvents = live.filter((e) => e.kind === "certification");
  const today = new Date().toISOString().slice(0, 10);
  return (
    <article className="mx-auto max-w-2xl space-y-4" data-testid="trace-page">
      {data.serial?.warning ? (
        <div role="alert" className="rounded-lg border-2 border-red-600 bg-red-50 p-3 text-red-900" data-testid="counterfeit-warning">
          {t("serial.warning", { date: data.serial.firstScannedAt ? formatDate(data.serial.firstScannedAt, lng) : "", count: data.serial.count })}
        </div>
      ) : null}
      <header className="card flex gap-3">
        {data.product.image ? <img src={data.product.image} alt="" width={96} height={96} className="h-24 w-24 rounded-lg object-cover" /> : null}
        <div>
          <h1 className="text-xl font-bold">{data.product.name}</h1>
          <p className="text-sm text-stone-700">
            {t("page.lot", { lot: data.lotNumber })} · {t("page.code", { code: data.code })}
            {data.serial ? ` · ${t("serial.unit", { serial: data.serial.serial })}` : ""}
          </p>
          <p className="text-sm text-stone-700">{t("page.harvest", { date: formatDate(dateOnly(data.harvestDate), lng) })}</p>
        </div>
      </header>

      <p
        className={`rounded-lg p-3 font-semibold ${data.chainOk ? "bg-green-50 text-green-900" : "bg-red-50 text-red-900"}`}
        data-testid="chain-status"
        data-ok={data.chainOk ? "true" : "false"}
      >
        {data.chainOk ? `✓ ${t("chain.ok")}` : `✗ ${t("chain.failed")}`}
      </p>

      <section className="card">
        <h2 className="mb-2 font-bold">{t("page.producer")}</h2>
        <p>
          <Link to={`/producers/${data.producer.slug}`}>{data.producer.name}</Link>
          {data.producer.verified ? <span className="badge ml-2 bg-green-100 text-green-900">✓ {t("page.verified")}</span> : null}
        </p>
        {data.plot ? (
          <p className="mt-1 text-sm text-stone-700">
            {t("page.plot", { plot: data.plot.name, commune: data.plot.commune, area: data.plot.area })}
            {data.plot.growingAreaCode ? ` · ${t("page.growingAreaCode", { code: data.plot.growingAreaCode })}` : ""}
          </p>
        ) : null}
      </section>

      <section>
        <h2 className="mb-2 text-lg font-bold">{t("page.history")}</h2>
        <Timeline events={data.events} inputs={data.inputs} />
      </section>

      {labs.length ? (
        <section className="card">
          <h2 className="mb-2 font-bold">{t("page.labResults")}</h2>
          <ul className="text-sm">
            {labs.map((e) => (
              <li key={e.id}>
                {formatDate(e.time, lng)}: {String(e.payload.result ?? "")} — {String(e.payload.lab ?? "")}
                {e.payload.passed === false ? ` (${t("details.failed")})` : e.payload.passed === true ? ` (${t("details.passed")})` : ""}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {data.certifications.length || certEvents.length ? (
        <section className="card">
          <h2 className="mb-2 font-bold">{t("page.certifications")}</h2>
          <ul className="text-sm">
            {data.certifications.map((c) => (
              <li key={c.number}>
                {t(`certKinds.${c.kind}`, { stars: c.ocopStars ?? "" })} ({c.number}) —{" "}
                {c.valid
                  ? t("page.validUntil", { date: formatDate(dateOnly(c.validTo), lng) })
                  : t("page.expired", { date: formatDate(dateOnly(c.validTo), lng) })}
              </li>
            ))}
            {certEvents.map((e) => (
              <li key={e.id}>
                {String(e.payload.certName)}
                {e.payload.validTo
                  ? ` — ${String(e.payload.validTo) >= today ? t("page.validUntil", { date: formatDate(dateOnly(String(e.payload.validTo)), lng) }) : t("page.expired", { date: formatDate(dateOnly(String(e.payload.validTo)), lng) })}`
                  : ""}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <div className="flex flex-wrap gap-2">
        {data.product.onSale ? (
          <Link to={`/products/${data.product.slug}`} className="btn-primary">
            {t("page.buy")}
          </Link>
        ) : null}
        <a href={`/t/${data.code}/epcis.json`} className="btn-secondary btn-small" rel="nofollow">
          {t("page.epcis")}
        </a>
      </div>
      {data.beacon ? <img src={data.beacon} alt="" width={1} height={1} className="absolute h-px w-px opacity-0" /> : null}
    </article>
  );
}

export function TraceNotFound({ code }: { code: string }) {
  const { t } = useTranslation("trace");
  return (
    <div className="mx-auto max-w-xl space-y-4" data-testid="trace-not-found">
      <h1 className="page-title">{t("notFound.title")}</h1>
      <p>{t("notFound.text", { code })}</p>
      <TraceCodeForm defaultValue={code} />
    </div>
  );
}
