import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { parseWithZod } from "~/utils/validation.server";
import { useTranslation } from "react-i18next";
import { eq } from "drizzle-orm";
import { products } from "#db/schema";
import { Timeline } from "~/components/trace-page";
import { getFixedT } from "~/i18n/server";
import { listLotEvents, listSerials, requestSerials, TraceError, verifyChain } from "~/models/trace.server";
import { SerialsSchema } from "~/schemas/trace";
import { db } from "~/utils/db.server";
import { readForm } from "~/utils/forms.server";
import { requireOwnLot, requireOwnProducer } from "~/utils/trace-guard.server";
import { EVENT_KINDS } from "~/utils/trace-kinds";
import { formatDate } from "~/utils/format";
import { pageMeta } from "~/utils/meta";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { producer } = await requireOwnProducer(request);
  const lot = requireOwnLot(producer.id, params.lotId);
  const product = db.select({ name: products.name }).from(products).where(eq(products.id, lot.productId)).get()!;
  const t = getFixedT(request, "trace");
  const events = listLotEvents(lot.id);
  const correctedBy = new Map(events.filter((e) => e.errorDeclarationOf != null).map((e) => [e.errorDeclarationOf!, e.id]));
  return json({
    title: t("dashboard.lotTitle", { lot: lot.lotNumber, product: product.name }),
    lot: { id: lot.id, code: lot.traceCode, lotNumber: lot.lotNumber, harvestDate: lot.harvestDate },
    events: events.map((e) => ({
      id: e.id,
      seq: e.seq,
      kind: e.kind,
      time: e.eventTime.toISOString(),
      payload: e.payload as Record<string, string | number | boolean>,
      correctionOf: e.errorDeclarationOf,
      reason: e.errorReason,
      correctedBy: correctedBy.get(e.id) ?? null,
    })),
    serialCount: listSerials(lot.id).length,
    chainOk: verifyChain(lot.id).ok,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title);

export async function action({ request, params }: ActionFunctionArgs) {
  const { producer } = await requireOwnProducer(request);
  const lot = requireOwnLot(producer.id, params.lotId);
  const formData = await readForm(request);
  switch (formData.get("intent")) {
    case "serials": {
      const submission = parseWithZod(formData, { schema: SerialsSchema });
      if (submission.status !== "success") return json({ lastResult: submission.reply(), created: 0 }, { status: 400 });
      try {
        const created = requestSerials(producer.id, lot.id, submission.value.count);
        return json({ lastResult: submission.reply(), created: created.length });
      } catch (error) {
        if (error instanceof TraceError)
          return json({ lastResult: submission.reply({ formErrors: [`trace:${error.refusal.key}`] }), created: 0 }, { status: 400 });
        throw error;
      }
    }
    default:
      throw new Response("Unknown intent", { status: 400 });
  }
}

export default function LotPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation("trace");
  const serialError = actionData?.lastResult.error ? Object.values(actionData.lastResult.error).flat()[0] : undefined;
  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <Link to="/dashboard/lots">{t("dashboard.backToLots")}</Link>
      <h1 className="page-title">{data.title}</h1>
      <p className="text-stone-700">
        {t("dashboard.traceCode", { code: data.lot.code })} · {formatDate(`${data.lot.harvestDate}T12:00:00+07:00`, i18n.language)}
      </p>
      <p className={data.chainOk ? "text-green-800" : "font-semibold text-red-800"}>{data.chainOk ? `✓ ${t("chain.ok")}` : `✗ ${t("chain.failed")}`}</p>

      <section>
        <h2 className="mb-2 text-lg font-bold">{t("dashboard.record")}</h2>
        <div className="grid grid-cols-2 gap-2 sm:grid-cols-3" data-testid="kind-picker">
          {EVENT_KINDS.map((kind) => (
            <Link key={kind} to={`record?kind=${kind}`} className="btn-secondary flex-col !items-start text-left">
              <span>{t(`kinds.${kind}`)}</span>
              <span className="text-xs font-normal text-stone-600">{t(`kindHints.${kind}`)}</span>
            </Link>
          ))}
        </div>
      </section>

      <section>
        <h2 className="mb-2 text-lg font-bold">{t("dashboard.history")}</h2>
        {data.events.length === 0 ? <p>{t("dashboard.noEvents")}</p> : <Timeline events={data.events} inputs={[]} />}
        {data.events.length ? (
          <ul className="mt-2 flex flex-wrap gap-2">
            {data.events
              .filter((e) => e.correctedBy === null && e.kind !== "transformation")
              .map((e) => (
                <li key={e.id}>
                  <Link to={`record?kind=${e.kind}&corrects=${e.id}`} className="btn-secondary btn-small">
                    {t("dashboard.correct")}: {t(`kinds.${e.kind}`)} #{e.seq}
                  </Link>
                </li>
              ))}
          </ul>
        ) : null}
      </section>

      <section className="card space-y-2">
        <h2 className="text-lg font-bold">{t("dashboard.labels")}</h2>
        <img src={`/t/${data.lot.code}/qr.svg`} alt={data.lot.code} width={160} height={160} />
        <div className="flex flex-col gap-2">
          <a href={`/dashboard/lots/${data.lot.id}/labels?format=a4`} className="btn-primary" download>
            {t("dashboard.labelsA4")}
          </a>
          <a href={`/dashboard/lots/${data.lot.id}/labels?format=thermal`} className="btn-secondary" download>
            {t("dashboard.labelsThermal")}
          </a>
          <a href={`/t/${data.lot.code}`} className="btn-secondary">
            {t("dashboard.openPublic")}
          </a>
        </div>
      </section>

      <section className="card space-y-2">
        <h2 className="text-lg font-bold">{t("dashboard.serialsTitle")}</h2>
        <p className="hint">{t("dashboard.serialsHint")}</p>
        <p data-testid="serial-count">{t("dashboard.serialsCount", { count: data.serialCount })}</p>
        <Form method="post" className="flex items-end gap-2">
          <input type="hidden" name="intent" value="serials" />
          <div className="flex-1">
            <label htmlFor="serial-count-input" className="label">
              {t("dashboard.serialCount")}
            </label>
            <input id="serial-count-input" name="count" type="number" min={1} max={500} defaultValue={24} className="input" />
          </div>
          <button type="submit" className="btn-primary">
            {t("dashboard.requestSerials")}
          </button>
        </Form>
        {serialError ? (
          <p className="field-error" role="alert">
            {t(serialError)}
          </p>
        ) : null}
        {data.serialCount > 0 ? (
          <a href={`/dashboard/lots/${data.lot.id}/labels?format=serials`} className="btn-secondary" download>
            {t("dashboard.labelsSerials")}
          </a>
        ) : null}
      </section>
    </div>
  );
}
