import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/utils/auth.server";
import { buildExportZip, collectUserData } from "~/models/privacy.server";
import { localIsoDate } from "~/utils/format";

/** GET /account/data.zip: everything we hold about the signed-in user (docs/decisions/071). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const zip = buildExportZip(collectUserData(user.id));
  return new Response(new Uint8Array(zip), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="cho-so-du-lieu-${localIsoDate()}.zip"`,
      "Content-Length": String(zip.byteLength),
      "Cache-Control": "no-store",
    },
  });
}
