import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { parseWithZod, ProductSchema } from "~/schemas/storefront.server";
import { createProduct, listCategories } from "~/models/product.server";
import { requireOwnProducer } from "~/models/producer.server";
import { ProductFieldsForm } from "~/components/product-form";
import { getFixedT } from "~/i18n/server";
import { pageMeta } from "~/utils/meta";
import { readForm } from "~/utils/forms.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOwnProducer(request);
  return json({ title: getFixedT(request, "producer")("product.newTitle"), categories: listCategories() });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title);

export async function action({ request }: ActionFunctionArgs) {
  const { producer } = await requireOwnProducer(request);
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: ProductSchema });
  if (submission.status !== "success") return json({ lastResult: submission.reply() }, { status: 400 });
  const result = createProduct(producer.id, submission.value);
  if (!result.ok) return json({ lastResult: submission.reply({ fieldErrors: { [result.field]: [result.message] } }) }, { status: 400 });
  return redirect(`/dashboard/products/${result.product.id}?created=1`);
}

export default function NewProduct() {
  const { t } = useTranslation("producer");
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <p>
        <Link to="/dashboard/products">← {t("products.title")}</Link>
      </p>
      <h1 className="page-title">{data.title}</h1>
      <p className="text-stone-700">{t("product.newIntro")}</p>
      <ProductFieldsForm categories={data.categories} lastResult={actionData?.lastResult} submitLabel={t("product.create")} />
    </div>
  );
}
