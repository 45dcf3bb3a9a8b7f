import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import {
  parseWithZod,
  PhotoRemoveSchema,
  ProductSchema,
  VariantEditSchema,
  VariantRemoveSchema,
  VariantSchema,
  type VariantInput,
} from "~/schemas/storefront.server";
import { MAX_PHOTOS_PER_PRODUCT } from "~/utils/domain";
import {
  addProductPhoto,
  addVariant,
  getOwnProduct,
  listCategories,
  removeProductPhoto,
  removeVariant,
  setProductStatus,
  updateProduct,
  updateVariant,
} from "~/models/product.server";
import { requireOwnProducer } from "~/models/producer.server";
import { ProductFieldsForm, VariantInputs } from "~/components/product-form";
import { FormErrors, useErrorText } from "~/components/forms";
import { readUploadForm, storeUploadedImage, textFields, uploadedFile } from "~/utils/upload.server";
import { getFixedT } from "~/i18n/server";
import { pageMeta } from "~/utils/meta";
import { imageUrl } from "~/utils/images";

function productIdOf(params: { id?: string }) {
  const id = Number(params.id);
  if (!Number.isSafeInteger(id) || id <= 0) throw new Response("Not Found", { status: 404 });
  return id;
}
const notFound = () => new Response("Not Found", { status: 404 });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { producer } = await requireOwnProducer(request);
  const own = getOwnProduct(producer.id, productIdOf(params));
  if (!own) throw notFound();
  return json({
    title: getFixedT(request, "producer")("product.editTitle", { name: own.product.name }),
    ...own,
    categories: listCategories(),
    producerVerified: producer.status === "verified",
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title);

type ErrorReply = { status: "error"; error: Record<string, string[] | undefined>; initialValue?: Record<string, unknown> };

export async function action({ request, params }: ActionFunctionArgs) {
  const { producer } = await requireOwnProducer(request);
  const productId = productIdOf(params);
  const { formData, tooLarge } = await readUploadForm(request);
  const intent = String(formData.get("intent") ?? "");
  const back = redirect(`/dashboard/products/${productId}`);
  const fail = (error: Record<string, string[]>, status = 400) =>
    json(
      { intent, variantId: formData.get("variantId"), lastResult: { status: "error", error, initialValue: textFields(formData) } as ErrorReply },
      { status },
    );

  switch (intent) {
    case "update": {
      const submission = parseWithZod(formData, { schema: ProductSchema });
      if (submission.status !== "success") return json({ intent, variantId: null, lastResult: submission.reply() }, { status: 400 });
      const result = updateProduct(producer.id, productId, submission.value);
      if (!result) throw notFound();
      if (!result.ok) return fail({ [result.field]: [result.message] });
      return back;
    }
    case "publish":
    case "hide": {
      const result = setProductStatus(producer.id, productId, intent === "publish" ? "published" : "hidden");
      if (!result) throw notFound();
      if (!result.ok) return fail({ "": [result.message] });
      return back;
    }
    case "addVariant":
    case "updateVariant": {
      const submission = parseWithZod(formData, { schema: intent === "addVariant" ? VariantSchema : VariantEditSchema });
      if (submission.status !== "success") return json({ intent, variantId: formData.get("variantId"), lastResult: submission.reply() }, { status: 400 });
      const value = submission.value as VariantInput & { variantId?: number };
      const result = intent === "updateVariant" ? updateVariant(producer.id, productId, value.variantId!, value) : addVariant(producer.id, productId, value);
      if (!result) throw notFound();
      if (!result.ok) return fail({ [result.field]: [result.message] });
      return back;
    }
    case "removeVariant": {
      const submission = parseWithZod(formData, { schema: VariantRemoveSchema });
      if (submission.status !== "success" || !removeVariant(producer.id, productId, submission.value.variantId)) throw notFound();
      return back;
    }
    case "addPhoto": {
      if (tooLarge.size) return fail({ photo: ["producer:image.tooLarge"] });
      const file = uploadedFile(formData, "photo");
      if (!file) return fail({ photo: ["producer:image.missing"] });
      // Ownership first: nothing is stored for a product that is not the producer's.
      if (!getOwnProduct(producer.id, productId)) throw notFound();
      const stored = await storeUploadedImage(file);
      if (!stored.ok) return fail({ photo: [stored.message] });
      const result = addProductPhoto(producer.id, productId, stored.id);
      if (!result) throw notFound();
      if (!result.ok) return fail({ photo: [result.message] });
      return back;
    }
    case "removePhoto": {
      const submission = parseWithZod(formData, { schema: PhotoRemoveSchema });
      if (submission.status !== "success" || !removeProductPhoto(producer.id, productId, submission.value.imageRowId)) throw notFound();
      return back;
    }
    default:
      throw new Response("Unknown intent", { status: 400 });
  }
}

export default function EditProduct() {
  const { t } = useTranslation("producer");
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const errorText = useErrorText();
  const { product, variants, photos } = data;
  const errorsFor = (intent: string, variantId?: number) =>
    actionData && actionData.intent === intent && (variantId === undefined || String(actionData.variantId) === String(variantId))
      ? (actionData.lastResult?.error as Record<string, string[] | undefined> | undefined)
      : undefined;
  const valuesFor = (intent: string) =>
    actionData?.intent === intent ? ((actionData.lastResult?.initialValue ?? undefined) as Record<string, string> | undefined) : undefined;
  const statusErrors = errorsFor("publish")?.[""];
  const photoError = errorText(errorsFor("addPhoto")?.photo);
  const visible = product.status === "published" && !product.moderationHiddenReason && data.producerVerified;

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <p>
        <Link to="/dashboard/products">← {t("products.title")}</Link>
      </p>
      <h1 className="page-title">{product.name}</h1>
      {searchParams.get("created") ? (
        <p className="rounded-lg bg-tea-50 p-3" role="status">
          {t("product.createdHint")}
        </p>
      ) : null}

      <section className="card space-y-3" aria-labelledby="status-title" data-testid="product-status" data-status={product.status}>
        <h2 id="status-title" className="text-lg font-bold">
          {t("product.statusTitle")}: {t(`products.status.${product.status}`)}
        </h2>
        {product.moderationHiddenReason ? <p className="text-red-900">{t("products.moderated", { reason: product.moderationHiddenReason })}</p> : null}
        {!data.producerVerified ? <p className="text-amber-800">{t("product.waitVerification")}</p> : null}
        {visible ? (
          <p>
            <Link to={`/products/${product.slug}`}>{t("product.viewInStore")}</Link>
          </p>
        ) : null}
        <FormErrors errors={statusErrors} />
        <div className="flex flex-wrap gap-3">
          {product.status !== "published" ? (
            <Form method="post">
              <input type="hidden" name="intent" value="publish" />
              <button type="submit" className="btn-primary">
                {t("product.publish")}
              </button>
            </Form>
          ) : (
            <Form method="post">
              <input type="hidden" name="intent" value="hide" />
              <button type="submit" className="btn-secondary">
                {t("product.hide")}
              </button>
            </Form>
          )}
        </div>
      </section>

      <section className="space-y-3" aria-labelledby="variants-title">
        <h2 id="variants-title" className="text-lg font-bold">
          {t("variant.title")}
        </h2>
        {variants.length === 0 ? <p className="text-stone-700">{t("variant.none")}</p> : null}
        {variants.map((v) => (
          <div key={v.id} className="card" data-testid="variant-row">
            <Form method="post">
              <input type="hidden" name="intent" value="updateVariant" />
              <input type="hidden" name="variantId" value={v.id} />
              <VariantInputs
                prefix={`variant-${v.id}`}
                values={valuesFor("updateVariant") && errorsFor("updateVariant", v.id) ? valuesFor("updateVariant") : v}
                errors={errorsFor("updateVariant", v.id)}
              />
              <button type="submit" className="btn-secondary btn-small mt-3">
                {t("variant.save", { label: v.label })}
              </button>
            </Form>
            <Form method="post" className="mt-2">
              <input type="hidden" name="intent" value="removeVariant" />
              <input type="hidden" name="variantId" value={v.id} />
              <button type="submit" className="btn-secondary btn-small text-red-800">
                {t("variant.remove", { label: v.label })}
              </button>
            </Form>
          </div>
        ))}
        <Form method="post" className="card" key={`add-${variants.length}`} data-testid="add-variant">
          <h3 className="mb-2 font-semibold">{t("variant.add")}</h3>
          <input type="hidden" name="intent" value="addVariant" />
          <VariantInputs prefix="new-variant" values={valuesFor("addVariant")} errors={errorsFor("addVariant")} />
          <button type="submit" className="btn-primary mt-3">
            {t("variant.addButton")}
          </button>
        </Form>
      </section>

      <section className="space-y-3" aria-labelledby="photos-title">
        <h2 id="photos-title" className="text-lg font-bold">
          {t("photos.title")}
        </h2>
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="product-photos">
          {photos.map((p) => (
            <li key={p.id} className="card p-2">
              <img src={imageUrl(p.imageId, Math.min(320, p.width))} alt="" width={320} height={240} className="aspect-[4/3] w-full rounded object-cover" />
              <Form method="post" className="mt-2">
                <input type="hidden" name="intent" value="removePhoto" />
                <input type="hidden" name="imageRowId" value={p.id} />
                <button type="submit" className="btn-secondary btn-small w-full">
                  {t("photos.remove")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
        {photos.length < MAX_PHOTOS_PER_PRODUCT ? (
          <Form method="post" encType="multipart/form-data" className="card">
            <input type="hidden" name="intent" value="addPhoto" />
            <label htmlFor="photo" className="label">
              {t("photos.add")}
            </label>
            <input
              id="photo"
              name="photo"
              type="file"
              accept="image/jpeg,image/png,image/webp"
              className="input"
              aria-invalid={photoError ? true : undefined}
              aria-describedby={photoError ? "photo-error photo-hint" : "photo-hint"}
            />
            <p id="photo-hint" className="hint">
              {t("image.hint")}
            </p>
            {photoError ? (
              <p id="photo-error" className="field-error" role="alert">
                {photoError}
              </p>
            ) : null}
            <button type="submit" className="btn-primary mt-3">
              {t("photos.upload")}
            </button>
          </Form>
        ) : (
          <p>{t("validation.tooManyPhotos")}</p>
        )}
      </section>

      <section aria-labelledby="details-title">
        <h2 id="details-title" className="mb-2 text-lg font-bold">
          {t("product.detailsTitle")}
        </h2>
        <ProductFieldsForm
          categories={data.categories}
          intent="update"
          lastResult={actionData?.intent === "update" ? (actionData.lastResult as never) : undefined}
          defaultValue={{
            name: product.name,
            nameEn: product.nameEn ?? "",
            categoryId: product.categoryId,
            description: product.description,
            descriptionEn: product.descriptionEn ?? "",
            gtin: product.gtin ?? "",
          }}
          submitLabel={t("product.save")}
        />
      </section>
    </div>
  );
}
