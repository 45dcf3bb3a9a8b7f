import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { parseWithZod, CertificationSchema } from "~/schemas/storefront.server";
import type { z } from "zod";
import { CERT_KIND_OPTIONS } from "~/utils/domain";
import { Field, FormErrors } from "~/components/forms";
import { CertificationList } from "~/components/storefront";
import { addCertification, deleteCertification, listOwnCertifications, requireOwnProducer } from "~/models/producer.server";
import { readUploadForm, storeUploadedImage, textFields, uploadedFile } from "~/utils/upload.server";
import { getFixedT } from "~/i18n/server";
import { pageMeta } from "~/utils/meta";
import { imageUrl } from "~/utils/images";

export async function loader({ request }: LoaderFunctionArgs) {
  const { producer } = await requireOwnProducer(request);
  return json({ title: getFixedT(request, "producer")("cert.title"), certs: listOwnCertifications(producer.id) });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title);

export async function action({ request }: ActionFunctionArgs) {
  const { producer } = await requireOwnProducer(request);
  const { formData, tooLarge } = await readUploadForm(request);
  const intent = formData.get("intent");
  const fail = (error: Record<string, string[]>) =>
    json({ lastResult: { status: "error" as const, error, initialValue: textFields(formData) } }, { status: 400 });
  switch (intent) {
    case "add": {
      if (tooLarge.size) return fail({ scan: ["producer:image.tooLarge"] });
      const submission = parseWithZod(formData, { schema: CertificationSchema });
      if (submission.status !== "success") return json({ lastResult: submission.reply() }, { status: 400 });
      let scanImageId: string | null = null;
      const scan = uploadedFile(formData, "scan");
      if (!scan) return fail({ scan: ["producer:cert.scanRequired"] });
      const stored = await storeUploadedImage(scan);
      if (!stored.ok) return fail({ scan: [stored.message] });
      scanImageId = stored.id;
      addCertification(producer.id, submission.value, scanImageId);
      return redirect("/dashboard/certifications");
    }
    case "delete": {
      const id = Number(formData.get("certificationId"));
      if (!Number.isInteger(id) || !deleteCertification(producer.id, id)) throw new Response("Not Found", { status: 404 });
      return redirect("/dashboard/certifications");
    }
    default:
      throw new Response("Unknown intent", { status: 400 });
  }
}

export default function Certifications() {
  const { t } = useTranslation("producer");
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm<z.input<typeof CertificationSchema>>({
    lastResult: actionData?.lastResult,
    defaultValue: { kind: "vietgap" },
    shouldValidate: "onSubmit",
  });
  const scanErrors = form.allErrors["scan"] as string[] | undefined;
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <p>
        <Link to="/dashboard">← {t("dashboard.back")}</Link>
      </p>
      <h1 className="page-title">{data.title}</h1>
      <section className="card">
        <CertificationList certs={data.certs} />
        <ul className="mt-4 space-y-2">
          {data.certs.map((c) => (
            <li key={c.id} className="flex flex-wrap items-center gap-3">
              {c.scanImageId ? (
                <a href={imageUrl(c.scanImageId, Math.min(1024, c.scanWidth ?? 1024))} target="_blank" rel="noreferrer">
                  {t("cert.viewScan", { number: c.number })}
                </a>
              ) : null}
              <Form method="post">
                <input type="hidden" name="intent" value="delete" />
                <input type="hidden" name="certificationId" value={c.id} />
                <button type="submit" className="btn-secondary btn-small">
                  {t("cert.delete", { number: c.number })}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      </section>
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="card" noValidate>
        <h2 className="mb-3 text-lg font-bold">{t("cert.add")}</h2>
        <FormErrors errors={form.errors} />
        <input type="hidden" name="intent" value="add" />
        <Field id={fields.kind.id} label={t("cert.kind")} errors={fields.kind.errors}>
          <select {...getSelectProps(fields.kind)} className="input">
            {CERT_KIND_OPTIONS.map((k) => (
              <option key={k} value={k}>
                {t(`certKinds.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id={fields.ocopStars.id} label={t("cert.stars")} hint={t("cert.starsHint")} errors={fields.ocopStars.errors}>
          <select {...getSelectProps(fields.ocopStars)} className="input">
            <option value="">—</option>
            {[3, 4, 5].map((s) => (
              <option key={s} value={s}>
                {t("cert.ocopStars", { stars: s })}
              </option>
            ))}
          </select>
        </Field>
        <Field id={fields.name.id} label={t("cert.name")} hint={t("cert.nameHint")} errors={fields.name.errors}>
          <input {...getInputProps(fields.name, { type: "text" })} className="input" />
        </Field>
        <Field id={fields.number.id} label={t("cert.number")} errors={fields.number.errors}>
          <input {...getInputProps(fields.number, { type: "text" })} className="input" />
        </Field>
        <Field id={fields.issuer.id} label={t("cert.issuer")} errors={fields.issuer.errors}>
          <input {...getInputProps(fields.issuer, { type: "text" })} className="input" />
        </Field>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field id={fields.validFrom.id} label={t("cert.validFrom")} errors={fields.validFrom.errors}>
            <input {...getInputProps(fields.validFrom, { type: "date" })} className="input" />
          </Field>
          <Field id={fields.validTo.id} label={t("cert.validTo")} errors={fields.validTo.errors}>
            <input {...getInputProps(fields.validTo, { type: "date" })} className="input" />
          </Field>
        </div>
        <Field id="scan" label={t("cert.scan")} hint={t("image.hint")} errors={scanErrors}>
          <input id="scan" name="scan" type="file" accept="image/jpeg,image/png,image/webp" className="input" />
        </Field>
        <button type="submit" className="btn-primary w-full" disabled={navigation.state === "submitting"}>
          {t("cert.addButton")}
        </button>
      </Form>
    </div>
  );
}
