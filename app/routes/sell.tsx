import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { parseWithZod, ProducerApplicationSchema } from "~/schemas/storefront.server";
import { PRODUCER_KIND_OPTIONS } from "~/utils/domain";
import { Field, FormErrors, describedBy } from "~/components/forms";
import { applyAsProducer, getProducerOfUser, listCommunes } from "~/models/producer.server";
import { requireUser } from "~/utils/auth.server";
import { readUploadForm, storeUploadedImage, textFields, uploadedFile } from "~/utils/upload.server";
import { getFixedT } from "~/i18n/server";
import { pageMeta } from "~/utils/meta";
import { formatVietnamPhone } from "~/utils/phone";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const producer = getProducerOfUser(user.id);
  return json({
    title: getFixedT(request, "producer")(producer ? "apply.editTitle" : "apply.title"),
    communes: listCommunes(),
    producer: producer
      ? {
          name: producer.name,
          legalName: producer.legalName ?? "",
          kind: producer.kind,
          communeCode: producer.communeCode,
          address: producer.address,
          phone: formatVietnamPhone(producer.phone),
          story: producer.story,
          taxCode: producer.taxCode ?? "",
          gs1CompanyPrefix: producer.gs1CompanyPrefix ?? "",
          status: producer.status,
          rejectionReason: producer.rejectionReason,
        }
      : null,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title);

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { formData, tooLarge } = await readUploadForm(request);
  const submission = parseWithZod(formData, { schema: ProducerApplicationSchema });
  const fail = (error: Record<string, string[]>) =>
    json({ lastResult: { status: "error" as const, error, initialValue: textFields(formData) } }, { status: 400 });
  if (tooLarge.size) return fail({ photo: ["producer:image.tooLarge"] });
  if (submission.status !== "success") return json({ lastResult: submission.reply() }, { status: 400 });

  let photoImageId: string | null = null;
  const photo = uploadedFile(formData, "photo");
  if (photo) {
    const stored = await storeUploadedImage(photo);
    if (!stored.ok) return fail({ photo: [stored.message] });
    photoImageId = stored.id;
  }
  const result = applyAsProducer(user, submission.value, photoImageId);
  if (!result.ok) return fail({ [result.field]: [result.message] });
  return redirect("/dashboard");
}

export default function Sell() {
  const { t } = useTranslation("producer");
  const { t: tl } = useTranslation("legal");
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult: actionData?.lastResult,
    defaultValue: data.producer ?? { kind: "household" },
    // Validated on the server only: zod in the browser would double this page's JavaScript.
    shouldValidate: "onSubmit",
  });
  const byArea = new Map<string, typeof data.communes>();
  for (const c of data.communes) byArea.set(c.area, [...(byArea.get(c.area) ?? []), c]);
  const photoErrors = (form.allErrors["photo"] as string[] | undefined) ?? undefined;

  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="page-title">{data.title}</h1>
      {data.producer?.status === "rejected" ? (
        <div className="mb-4 rounded-lg border border-red-300 bg-red-50 p-3 text-red-900" role="status">
          <p className="font-semibold">{t("status.rejected")}</p>
          <p>{t("status.reason", { reason: data.producer.rejectionReason })}</p>
          <p>{t("apply.resubmitHint")}</p>
        </div>
      ) : (
        <p className="mb-4 text-stone-700">{t("apply.intro")}</p>
      )}
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="card" noValidate>
        <FormErrors errors={form.errors} />
        <Field id={fields.name.id} label={t("apply.name")} hint={t("apply.nameHint")} errors={fields.name.errors}>
          <input
            {...getInputProps(fields.name, { type: "text" })}
            className="input"
            aria-describedby={describedBy(fields.name.id, true, !!fields.name.errors)}
          />
        </Field>
        <Field id={fields.legalName.id} label={tl("seller.legalName")} hint={tl("seller.legalNameHint")} errors={fields.legalName.errors}>
          <input
            {...getInputProps(fields.legalName, { type: "text" })}
            className="input"
            autoComplete="organization"
            aria-describedby={describedBy(fields.legalName.id, true, !!fields.legalName.errors)}
          />
        </Field>
        <Field id={fields.kind.id} label={t("apply.kind")} errors={fields.kind.errors}>
          <select {...getSelectProps(fields.kind)} className="input">
            {PRODUCER_KIND_OPTIONS.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id={fields.communeCode.id} label={t("apply.commune")} hint={t("apply.communeHint")} errors={fields.communeCode.errors}>
          <select
            {...getSelectProps(fields.communeCode)}
            className="input"
            aria-describedby={describedBy(fields.communeCode.id, true, !!fields.communeCode.errors)}
          >
            <option value="">{t("apply.chooseCommune")}</option>
            {[...byArea.entries()].map(([area, list]) => (
              <optgroup key={area} label={t("apply.areaGroup", { area })}>
                {list.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name} ({c.area})
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </Field>
        <Field id={fields.address.id} label={t("apply.address")} hint={t("apply.addressHint")} errors={fields.address.errors}>
          <input
            {...getInputProps(fields.address, { type: "text" })}
            className="input"
            autoComplete="street-address"
            aria-describedby={describedBy(fields.address.id, true, !!fields.address.errors)}
          />
        </Field>
        <Field id={fields.phone.id} label={t("apply.phone")} hint={t("apply.phoneHint")} errors={fields.phone.errors}>
          <input
            {...getInputProps(fields.phone, { type: "tel" })}
            className="input"
            autoComplete="tel"
            inputMode="tel"
            aria-describedby={describedBy(fields.phone.id, true, !!fields.phone.errors)}
          />
        </Field>
        <Field id={fields.story.id} label={t("apply.story")} hint={t("apply.storyHint")} errors={fields.story.errors}>
          <textarea
            {...getTextareaProps(fields.story)}
            className="input min-h-[120px]"
            rows={4}
            aria-describedby={describedBy(fields.story.id, true, !!fields.story.errors)}
          />
        </Field>
        <Field id="photo" label={t("apply.photo")} hint={t("image.hint")} errors={photoErrors}>
          <input
            id="photo"
            name="photo"
            type="file"
            accept="image/jpeg,image/png,image/webp"
            className="input"
            aria-describedby={describedBy("photo", true, !!photoErrors)}
          />
        </Field>
        <Field id={fields.taxCode.id} label={tl("seller.taxCodeLabel")} hint={tl("seller.taxCodeHint")} errors={fields.taxCode.errors}>
          <input
            {...getInputProps(fields.taxCode, { type: "text" })}
            className="input"
            inputMode="numeric"
            aria-describedby={describedBy(fields.taxCode.id, true, !!fields.taxCode.errors)}
          />
        </Field>
        <Field id={fields.gs1CompanyPrefix.id} label={t("apply.gs1")} hint={t("apply.gs1Hint")} errors={fields.gs1CompanyPrefix.errors}>
          <input
            {...getInputProps(fields.gs1CompanyPrefix, { type: "text" })}
            className="input"
            inputMode="numeric"
            aria-describedby={describedBy(fields.gs1CompanyPrefix.id, true, !!fields.gs1CompanyPrefix.errors)}
          />
        </Field>
        <p className="hint mb-4">{tl("seller.publicNote")}</p>
        <button type="submit" className="btn-primary w-full" disabled={navigation.state === "submitting"}>
          {data.producer ? t("apply.save") : t("apply.submit")}
        </button>
      </Form>
    </div>
  );
}
