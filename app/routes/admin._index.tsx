import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireRole } from "~/utils/auth.server";
import { getFixedT } from "~/i18n/server";
import { pageMeta } from "~/utils/meta";
import { RoleHome } from "~/components/role-home";
import { OrderLinks } from "~/components/order-links";
import { MarketLinks } from "~/components/market-links";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "admin");
  return json({ title: getFixedT(request)("dashboard.adminTitle"), name: user.name, role: user.role });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title);

export default function Page() {
  const data = useLoaderData<typeof loader>();
  return (
    <RoleHome title={data.title} name={data.name} role={data.role}>
      <OrderLinks role={data.role} />
      <MarketLinks />
    </RoleHome>
  );
}
