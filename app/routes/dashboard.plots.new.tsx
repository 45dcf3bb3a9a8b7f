import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "~/utils/validation.server";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { asc } from "drizzle-orm";
import { communes } from "#db/schema";
import { Field, FormErrors } from "~/components/forms";
import { getFixedT } from "~/i18n/server";
import { createPlot, TraceError } from "~/models/trace.server";
import { PlotSchema } from "~/schemas/trace";
import { db } from "~/utils/db.server";
import { readForm } from "~/utils/forms.server";
import { requireOwnProducer } from "~/utils/trace-guard.server";
import { pageMeta } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const { producer } = await requireOwnProducer(request);
  const list = db
    .select({ code: communes.code, name: communes.name, area: communes.area })
    .from(communes)
    .orderBy(asc(communes.area), asc(communes.name))
    .all();
  return json({ title: getFixedT(request, "trace")("dashboard.newPlot"), communes: list, defaultCommune: producer.communeCode });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title);

export async function action({ request }: ActionFunctionArgs) {
  const { producer } = await requireOwnProducer(request);
  const submission = parseWithZod(await readForm(request), { schema: PlotSchema });
  if (submission.status !== "success") return json({ lastResult: submission.reply() }, { status: 400 });
  try {
    createPlot(producer.id, submission.value);
  } catch (error) {
    if (error instanceof TraceError)
      return json({ lastResult: submission.reply({ fieldErrors: { communeCode: [`trace:${error.refusal.key}`] } }) }, { status: 400 });
    throw error;
  }
  return redirect("/dashboard/plots");
}

export default function NewPlot() {
  const { communes: list, defaultCommune } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("trace");
  const [form, fields] = useForm<z.input<typeof PlotSchema>>({
    lastResult: actionData?.lastResult,
    defaultValue: { communeCode: defaultCommune },
    // Validated on the server only (docs/decisions/009).
  });
  return (
    <div className="mx-auto max-w-md">
      <h1 className="page-title">{t("dashboard.newPlot")}</h1>
      <Form method="post" {...getFormProps(form)} className="card" noValidate>
        <FormErrors errors={form.errors} />
        <Field id={fields.name.id} label={t("dashboard.plotName")} hint={t("dashboard.plotNameHint")} errors={fields.name.errors}>
          <input {...getInputProps(fields.name, { type: "text" })} className="input" />
        </Field>
        <Field id={fields.areaSqm.id} label={t("dashboard.areaSqm")} hint={t("dashboard.areaSqmHint")} errors={fields.areaSqm.errors}>
          <input {...getInputProps(fields.areaSqm, { type: "number" })} inputMode="numeric" className="input" />
        </Field>
        <Field id={fields.communeCode.id} label={t("dashboard.commune")} errors={fields.communeCode.errors}>
          <select {...getSelectProps(fields.communeCode)} className="input">
            <option value="">{t("dashboard.chooseCommune")}</option>
            {list.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name} ({c.area})
              </option>
            ))}
          </select>
        </Field>
        <Field id={fields.crops.id} label={t("dashboard.crops")} hint={t("dashboard.cropsHint")} errors={fields.crops.errors}>
          <input {...getInputProps(fields.crops, { type: "text" })} className="input" />
        </Field>
        <div className="grid grid-cols-2 gap-2">
          <Field id={fields.lat.id} label={t("dashboard.lat")} errors={fields.lat.errors}>
            <input {...getInputProps(fields.lat, { type: "text" })} inputMode="decimal" className="input" />
          </Field>
          <Field id={fields.lng.id} label={t("dashboard.lng")} errors={fields.lng.errors}>
            <input {...getInputProps(fields.lng, { type: "text" })} inputMode="decimal" className="input" />
          </Field>
        </div>
        <Field id={fields.growingAreaCode.id} label={t("dashboard.growingAreaCode")} errors={fields.growingAreaCode.errors}>
          <input {...getInputProps(fields.growingAreaCode, { type: "text" })} className="input" />
        </Field>
        <button type="submit" className="btn-primary w-full">
          {t("dashboard.savePlot")}
        </button>
      </Form>
    </div>
  );
}
