import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "~/utils/validation.server";
import { useTranslation } from "react-i18next";
import { eq } from "drizzle-orm";
import { StallSchema } from "~/schemas/market";
import { Field, FormErrors, describedBy } from "~/components/forms";
import { getTraderStall, listMarkets, MarketError, registerStall } from "~/models/market/stall.server";
import { requireRole } from "~/utils/auth.server";
import { readForm } from "~/utils/forms.server";
import { getFixedT } from "~/i18n/server";
import { pageMeta } from "~/utils/meta";
import { BANKS } from "~/data/banks";
import { db } from "~/utils/db.server";
import { producers } from "#db/schema";

function verifiedProducers() {
  return db.select({ id: producers.id, name: producers.name }).from(producers).where(eq(producers.status, "verified")).orderBy(producers.name).all();
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "trader");
  const existing = getTraderStall(user.id);
  if (existing && existing.stall.status !== "rejected") throw redirect("/till");
  return json({
    title: getFixedT(request, "market")("stall.registerTitle"),
    markets: listMarkets().map((m) => ({ id: m.id, name: m.name })),
    banks: BANKS.map((b) => ({ bin: b.bin, name: `${b.shortName} — ${b.name}` })),
    producers: verifiedProducers(),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title);

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "trader");
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: StallSchema });
  if (submission.status !== "success") return json({ lastResult: submission.reply() }, { status: 400 });
  const v = submission.value;
  const producerId = v.linkProducer && /^\d+$/.test(v.linkProducer) ? Number(v.linkProducer) : null;
  if (producerId && !verifiedProducers().some((p) => p.id === producerId)) {
    return json({ lastResult: submission.reply({ fieldErrors: { linkProducer: ["market:validation.producerUnknown"] } }) }, { status: 400 });
  }
  try {
    registerStall(user.id, {
      marketId: v.marketId,
      stallNumber: v.stallNumber,
      name: v.name,
      goods: v.goods,
      bankBin: v.bankBin,
      accountNumber: v.accountNumber,
      accountHolder: v.accountHolder,
      producerId,
    });
  } catch (error) {
    if (error instanceof MarketError) {
      return json({ lastResult: submission.reply({ fieldErrors: { [error.field ?? ""]: [error.key] } }) }, { status: 400 });
    }
    throw error;
  }
  return redirect("/till");
}

export default function RegisterStall() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("market");
  const [form, fields] = useForm({
    lastResult: actionData?.lastResult,
    // Validation runs on the server only: zod stays out of the browser bundle (docs/decisions/009).
  });
  return (
    <div className="mx-auto max-w-md">
      <h1 className="page-title">{t("stall.registerTitle")}</h1>
      <Form method="post" {...getFormProps(form)} className="card" noValidate>
        <FormErrors errors={form.errors} />
        <Field id={fields.marketId.id} label={t("stall.market")} errors={fields.marketId.errors}>
          <select {...getSelectProps(fields.marketId)} className="input">
            <option value="">{t("stall.choose")}</option>
            {data.markets.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id={fields.stallNumber.id} label={t("stall.number")} hint={t("stall.numberHint")} errors={fields.stallNumber.errors}>
          <input
            {...getInputProps(fields.stallNumber, { type: "text" })}
            className="input"
            aria-describedby={describedBy(fields.stallNumber.id, true, !!fields.stallNumber.errors)}
          />
        </Field>
        <Field id={fields.name.id} label={t("stall.name")} errors={fields.name.errors}>
          <input {...getInputProps(fields.name, { type: "text" })} className="input" />
        </Field>
        <Field id={fields.goods.id} label={t("stall.goods")} errors={fields.goods.errors}>
          <input {...getInputProps(fields.goods, { type: "text" })} className="input" />
        </Field>
        <Field id={fields.bankBin.id} label={t("stall.bank")} errors={fields.bankBin.errors}>
          <select {...getSelectProps(fields.bankBin)} className="input">
            <option value="">{t("stall.choose")}</option>
            {data.banks.map((b) => (
              <option key={b.bin} value={b.bin}>
                {b.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id={fields.accountNumber.id} label={t("stall.accountNumber")} hint={t("stall.accountHint")} errors={fields.accountNumber.errors}>
          <input
            {...getInputProps(fields.accountNumber, { type: "text" })}
            inputMode="numeric"
            className="input"
            aria-describedby={describedBy(fields.accountNumber.id, true, !!fields.accountNumber.errors)}
          />
        </Field>
        <Field id={fields.accountHolder.id} label={t("stall.accountHolder")} hint={t("stall.holderHint")} errors={fields.accountHolder.errors}>
          <input
            {...getInputProps(fields.accountHolder, { type: "text" })}
            className="input uppercase"
            autoCapitalize="characters"
            aria-describedby={describedBy(fields.accountHolder.id, true, !!fields.accountHolder.errors)}
          />
        </Field>
        <Field id={fields.linkProducer.id} label={t("stall.linkProducer")} hint={t("stall.linkProducerHint")} errors={fields.linkProducer.errors}>
          <select {...getSelectProps(fields.linkProducer)} className="input">
            <option value="">{t("stall.noProducer")}</option>
            {data.producers.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit" className="btn-primary w-full">
          {t("stall.submit")}
        </button>
      </Form>
    </div>
  );
}
