import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "~/utils/validation.server";
import { useTranslation } from "react-i18next";
import { Field, FormErrors } from "~/components/forms";
import { getFixedT, getLang } from "~/i18n/server";
import { listLotEvents, recordTraceEvent, TraceError } from "~/models/trace.server";
import { EventSchema, localToUtc, payloadOf } from "~/schemas/trace";
import { readForm } from "~/utils/forms.server";
import { refusalText, requireOwnLot, requireOwnProducer } from "~/utils/trace-guard.server";
import { EVENT_KINDS, KIND_SPECS, type EventKind, type PayloadField } from "~/utils/trace-kinds";
import { localIsoDate } from "~/utils/format";
import { pageMeta } from "~/utils/meta";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { producer } = await requireOwnProducer(request);
  const lot = requireOwnLot(producer.id, params.lotId);
  const url = new URL(request.url);
  const kind = url.searchParams.get("kind") as EventKind | null;
  if (!kind || !(EVENT_KINDS as readonly string[]).includes(kind)) throw new Response("Unknown kind", { status: 400 });
  const correctsRaw = url.searchParams.get("corrects");
  const corrects = correctsRaw ? listLotEvents(lot.id).find((e) => e.id === Number(correctsRaw)) : undefined;
  if (correctsRaw && !corrects) throw new Response("Not Found", { status: 404 });
  const t = getFixedT(request, "trace");
  const now = new Date();
  const hhmm = new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Ho_Chi_Minh", hour: "2-digit", minute: "2-digit", hour12: false }).format(
    corrects?.eventTime ?? now,
  );
  return json({
    title: t(corrects ? "dashboard.correctTitle" : "dashboard.recordTitle", { kind: t(`kinds.${kind}`) }),
    lotId: lot.id,
    kind,
    corrects: corrects ? { id: corrects.id, payload: corrects.payload as Record<string, unknown> } : null,
    defaults: { date: localIsoDate(corrects?.eventTime ?? now), time: hhmm },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title);

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, producer } = await requireOwnProducer(request);
  const lot = requireOwnLot(producer.id, params.lotId);
  const submission = parseWithZod(await readForm(request), { schema: EventSchema });
  if (submission.status !== "success") return json({ lastResult: submission.reply(), refusal: null }, { status: 400 });
  const v = submission.value;
  try {
    recordTraceEvent({
      lotId: lot.id,
      producerId: producer.id,
      userId: user.id,
      kind: v.kind,
      eventTime: localToUtc(v.date, v.time),
      payload: payloadOf(v),
      errorDeclarationOf: v.correctsEventId ?? null,
      errorReason: v.reason ?? null,
    });
  } catch (error) {
    if (error instanceof TraceError) {
      const t = getFixedT(request, "trace");
      // Already a sentence (with the product and the date): shown as is, not as a key.
      return json({ lastResult: submission.reply(), refusal: refusalText(t, error.refusal, getLang(request)) }, { status: 400 });
    }
    throw error;
  }
  return redirect(`/dashboard/lots/${lot.id}`);
}

const FIELD_LABEL: Record<PayloadField, string> = {
  product: "fieldProduct",
  dose: "fieldDose",
  phiDays: "fieldPhiDays",
  target: "fieldTarget",
  organic: "fieldOrganic",
  step: "fieldStep",
  packaging: "fieldPackaging",
  units: "fieldUnits",
  lab: "fieldLab",
  result: "fieldResult",
  passed: "fieldPassed",
  document: "fieldDocument",
  certName: "fieldCertName",
  certNumber: "fieldCertNumber",
  issuer: "fieldIssuer",
  validTo: "fieldValidTo",
  party: "fieldParty",
};

export default function RecordEvent() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("trace");
  const spec = KIND_SPECS[data.kind];
  const old = data.corrects?.payload ?? {};
  const defaults: Record<string, string> = { kind: data.kind, ...data.defaults };
  for (const f of spec.fields) {
    const v = old[f];
    if (v === undefined) continue;
    defaults[f] = f === "organic" ? (v ? "on" : "") : f === "passed" ? (v ? "yes" : "no") : String(v);
  }
  if (typeof old.note === "string") defaults.note = old.note;
  // Form fields are strings on the wire; the server schema coerces them.
  const [form, fields] = useForm<Record<string, string | undefined>>({
    lastResult: actionData?.lastResult,
    defaultValue: defaults,
    // Validated on the server only (docs/decisions/009).
  });
  return (
    <div className="mx-auto max-w-md">
      <Link to={`/dashboard/lots/${data.lotId}`}>←</Link>
      <h1 className="page-title">{data.title}</h1>
      {data.corrects ? <p className="hint mb-3">{t("dashboard.correctHint")}</p> : null}
      <Form method="post" {...getFormProps(form)} className="card" noValidate>
        <FormErrors errors={form.errors} />
        {actionData?.refusal ? (
          <div className="mb-4 rounded-lg border border-red-300 bg-red-50 p-3 text-red-900" role="alert" data-testid="refusal">
            {actionData.refusal}
          </div>
        ) : null}
        <input type="hidden" name="kind" value={data.kind} />
        {data.corrects ? <input type="hidden" name="correctsEventId" value={data.corrects.id} /> : null}
        <div className="grid grid-cols-2 gap-2">
          <Field id={fields.date.id} label={t("dashboard.date")} errors={fields.date.errors}>
            <input {...getInputProps(fields.date, { type: "date" })} className="input" />
          </Field>
          <Field id={fields.time.id} label={t("dashboard.time")} errors={fields.time.errors}>
            <input {...getInputProps(fields.time, { type: "time" })} className="input" />
          </Field>
        </div>
        {spec.fields.map((f) => {
          const meta = fields[f];
          const label = t(`dashboard.${FIELD_LABEL[f]}`);
          if (f === "organic")
            return (
              <label key={f} className="mb-4 flex min-h-[48px] items-center gap-3">
                <input {...getInputProps(meta, { type: "checkbox" })} className="h-6 w-6" />
                <span>{label}</span>
              </label>
            );
          if (f === "passed")
            return (
              <Field key={f} id={meta.id} label={label} errors={meta.errors}>
                <select {...getSelectProps(meta)} className="input">
                  <option value="">—</option>
                  <option value="yes">{t("dashboard.passedYes")}</option>
                  <option value="no">{t("dashboard.passedNo")}</option>
                </select>
              </Field>
            );
          const type = f === "validTo" ? "date" : "text";
          const numeric = f === "phiDays" || f === "units";
          return (
            <Field key={f} id={meta.id} label={label} errors={meta.errors}>
              <input {...getInputProps(meta, { type })} inputMode={numeric ? "numeric" : undefined} className="input" />
            </Field>
          );
        })}
        <Field id={fields.note.id} label={t("dashboard.note")} errors={fields.note.errors}>
          <textarea {...getTextareaProps(fields.note)} rows={2} className="input" />
        </Field>
        {data.corrects ? (
          <Field id={fields.reason.id} label={t("dashboard.reason")} errors={fields.reason.errors}>
            <input {...getInputProps(fields.reason, { type: "text" })} className="input" />
          </Field>
        ) : null}
        <button type="submit" className="btn-primary w-full">
          {t("dashboard.save")}
        </button>
      </Form>
    </div>
  );
}
