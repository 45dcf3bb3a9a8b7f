/**
 * Demo data of Thái Nguyên (docs/decisions/006-demo-data.md). Communes are real units in force
 * since 1/7/2025 (db/data/communes.json); people, cooperatives and certificate numbers are invented.
 */
export const DEMO_PASSWORD = "choso-demo-2026";

export const CATEGORIES = [
  { slug: "che", nameVi: "Chè (trà)", nameEn: "Tea", sort: 1 },
  { slug: "gao", nameVi: "Gạo và ngũ cốc", nameEn: "Rice and grains", sort: 2 },
  { slug: "mat-ong", nameVi: "Mật ong", nameEn: "Honey", sort: 3 },
  { slug: "trai-cay", nameVi: "Trái cây", nameEn: "Fruit", sort: 4 },
  { slug: "rau-cu", nameVi: "Rau củ", nameEn: "Vegetables", sort: 5 },
  { slug: "dac-san", nameVi: "Đặc sản", nameEn: "Specialities", sort: 6 },
] as const;

export type CategorySlug = (typeof CATEGORIES)[number]["slug"];

type V = [label: string, grams: number | null, priceVnd: number, stock: number];
export type SeedProduct = {
  slug: string;
  name: string;
  nameEn: string;
  category: CategorySlug;
  description: string;
  descriptionEn: string;
  variants: V[];
  gtin?: string;
  featured?: boolean;
};
export type SeedCert = {
  kind: "vietgap" | "globalgap" | "organic" | "ocop" | "other";
  number: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  ocopStars?: number;
};
export type SeedProducer = {
  slug: string;
  name: string;
  /** The registered name shown to buyers (docs/decisions/074); for a household, the head's name. */
  legalName: string;
  kind: "household" | "cooperative" | "enterprise";
  communeCode: string;
  address: string;
  phone: string;
  owner: { name: string; email: string };
  story: string;
  taxCode?: string;
  gs1CompanyPrefix?: string;
  certs: SeedCert[];
  products: SeedProduct[];
};

const TEA_DESC = (area: string) =>
  `Chè búp được hái một tôm hai lá tại vùng chè ${area}, sao sấy thủ công trên chảo gang. Nước xanh vàng, hương cốm, vị chát dịu rồi ngọt hậu.`;
const TEA_DESC_EN = (area: string) =>
  `Young shoots (one bud, two leaves) picked in the ${area} tea area and pan-fired by hand. Green-gold liquor, a young-rice aroma, gentle astringency and a sweet finish.`;

export const PRODUCERS: SeedProducer[] = [
  {
    slug: "htx-che-tan-cuong",
    name: "HTX Chè Tân Cương",
    legalName: "Hợp tác xã Chè Tân Cương",
    kind: "cooperative",
    communeCode: "05503",
    address: "Xóm Hồng Thái 2, Xã Tân Cương, Tỉnh Thái Nguyên",
    phone: "+84912345001",
    owner: { name: "Nguyễn Thị Hoa", email: "tancuong@choso.test" },
    story: "Hợp tác xã của 38 hộ trồng chè quanh hồ Núi Cốc, giữ cách sao chè truyền thống ba đời. Mỗi lô chè đều có nhật ký canh tác và mã QR truy xuất.",
    taxCode: "4601234567",
    gs1CompanyPrefix: "9528536",
    certs: [
      { kind: "vietgap", number: "VietGAP-TT-19-03-0127", issuer: "Trung tâm Chứng nhận Phù hợp (QUACERT)", validFrom: "2025-03-01", validTo: "2028-02-28" },
      { kind: "ocop", number: "OCOP-TN-2024-045", issuer: "UBND tỉnh Thái Nguyên", validFrom: "2024-06-15", validTo: "2027-06-14", ocopStars: 4 },
      { kind: "organic", number: "ORG-VN-2022-0311", issuer: "Control Union Việt Nam", validFrom: "2022-05-01", validTo: "2025-04-30" },
    ],
    products: [
      {
        slug: "che-tan-cuong-dac-biet",
        name: "Chè Tân Cương đặc biệt",
        nameEn: "Tân Cương special green tea",
        category: "che",
        gtin: "09528536000017",
        featured: true,
        description: TEA_DESC("Tân Cương") + " Loại đặc biệt chỉ hái búp non vụ xuân.",
        descriptionEn: TEA_DESC_EN("Tân Cương") + " The special grade uses only spring buds.",
        variants: [
          ["Hộp 100g", 100, 120000, 60],
          ["Hộp 200g", 200, 230000, 40],
          ["Túi 500g", 500, 550000, 15],
        ],
      },
      {
        slug: "che-tom-non-tan-cuong",
        name: "Chè tôm nõn Tân Cương",
        nameEn: "Tân Cương bud tea (tôm nõn)",
        category: "che",
        featured: true,
        description: TEA_DESC("Tân Cương") + " Chỉ lấy phần tôm nõn, cánh chè nhỏ xoăn, có lông tơ trắng.",
        descriptionEn: TEA_DESC_EN("Tân Cương") + " Buds only: small curled leaves with white down.",
        variants: [
          ["Hộp 100g", 100, 250000, 30],
          ["Hộp 250g", 250, 600000, 12],
        ],
      },
      {
        slug: "che-moc-cau-tan-cuong",
        name: "Chè móc câu Tân Cương",
        nameEn: "Tân Cương hook-shaped tea (móc câu)",
        category: "che",
        description: TEA_DESC("Tân Cương"),
        descriptionEn: TEA_DESC_EN("Tân Cương"),
        variants: [
          ["Túi 200g", 200, 150000, 80],
          ["Túi 500g", 500, 360000, 35],
        ],
      },
      {
        slug: "tra-hoa-nhai-tan-cuong",
        name: "Trà ướp hoa nhài Tân Cương",
        nameEn: "Tân Cương jasmine-scented tea",
        category: "che",
        description: "Chè Tân Cương ướp hoa nhài tươi qua năm lần, hương thơm tự nhiên, không dùng hương liệu.",
        descriptionEn: "Tân Cương tea scented five times with fresh jasmine flowers, no added flavouring.",
        variants: [["Hộp 100g", 100, 140000, 25]],
      },
      {
        slug: "che-vu-thu-tan-cuong",
        name: "Chè búp vụ thu Tân Cương",
        nameEn: "Tân Cương autumn-crop tea",
        category: "che",
        description: TEA_DESC("Tân Cương") + " Vụ thu cho nước đậm, hậu ngọt sâu.",
        descriptionEn: TEA_DESC_EN("Tân Cương") + " The autumn crop brews stronger with a deep sweet finish.",
        variants: [
          ["Túi 250g", 250, 130000, 50],
          ["Túi 500g", 500, 250000, 30],
        ],
      },
    ],
  },
  {
    slug: "htx-che-la-bang",
    name: "HTX Chè La Bằng",
    legalName: "Hợp tác xã Chè La Bằng",
    taxCode: "4600911223",
    kind: "cooperative",
    communeCode: "05818",
    address: "Xóm Đồng Tiến, Xã La Bằng, Tỉnh Thái Nguyên",
    phone: "+84912345002",
    owner: { name: "Hoàng Văn Lực", email: "labang@choso.test" },
    story: "Vùng chè dưới chân dãy Tam Đảo, sương mù quanh năm. Hợp tác xã trồng chè theo VietGAP và làm du lịch cộng đồng.",
    certs: [
      { kind: "vietgap", number: "VietGAP-TT-19-03-0211", issuer: "Trung tâm Chứng nhận Phù hợp (QUACERT)", validFrom: "2024-09-01", validTo: "2027-08-31" },
      { kind: "ocop", number: "OCOP-TN-2023-112", issuer: "UBND tỉnh Thái Nguyên", validFrom: "2023-11-20", validTo: "2026-11-19", ocopStars: 3 },
    ],
    products: [
      {
        slug: "che-la-bang-thuong-hang",
        name: "Chè La Bằng thượng hạng",
        nameEn: "La Bằng premium green tea",
        category: "che",
        featured: true,
        description: TEA_DESC("La Bằng"),
        descriptionEn: TEA_DESC_EN("La Bằng"),
        variants: [
          ["Hộp 200g", 200, 200000, 50],
          ["Túi 500g", 500, 450000, 20],
        ],
      },
      {
        slug: "che-xanh-la-bang",
        name: "Chè xanh La Bằng",
        nameEn: "La Bằng everyday green tea",
        category: "che",
        description: TEA_DESC("La Bằng"),
        descriptionEn: TEA_DESC_EN("La Bằng"),
        variants: [
          ["Túi 500g", 500, 220000, 90],
          ["Túi 1kg", 1000, 420000, 30],
        ],
      },
      {
        slug: "che-den-la-bang",
        name: "Chè đen La Bằng",
        nameEn: "La Bằng black tea",
        category: "che",
        description: "Chè La Bằng lên men toàn phần, nước đỏ nâu, vị dịu, hợp pha với sữa.",
        descriptionEn: "Fully oxidised La Bằng tea: red-brown liquor, mellow, good with milk.",
        variants: [["Hộp 100g", 100, 110000, 40]],
      },
    ],
  },
  {
    slug: "htx-che-trai-cai",
    name: "HTX Chè Trại Cài",
    legalName: "Hợp tác xã Chè Trại Cài",
    taxCode: "4600922334",
    kind: "cooperative",
    communeCode: "05692",
    address: "Xóm Trại Cài, Xã Đồng Hỷ, Tỉnh Thái Nguyên",
    phone: "+84912345003",
    owner: { name: "Trần Văn Bình", email: "traicai@choso.test" },
    story: "Trại Cài (Minh Lập cũ) là một trong bốn vùng chè danh tiếng của Thái Nguyên, đất đồi bên sông Cầu.",
    certs: [
      {
        kind: "vietgap",
        number: "VietGAP-TT-19-03-0305",
        issuer: "Chi cục Quản lý chất lượng Nông Lâm sản Thái Nguyên",
        validFrom: "2025-01-10",
        validTo: "2028-01-09",
      },
    ],
    products: [
      {
        slug: "che-trai-cai",
        name: "Chè Trại Cài",
        nameEn: "Trại Cài green tea",
        category: "che",
        description: TEA_DESC("Trại Cài"),
        descriptionEn: TEA_DESC_EN("Trại Cài"),
        variants: [
          ["Túi 200g", 200, 140000, 70],
          ["Túi 500g", 500, 330000, 25],
        ],
      },
      {
        slug: "che-nu-trai-cai",
        name: "Chè nụ Trại Cài",
        nameEn: "Trại Cài bud tea",
        category: "che",
        description: TEA_DESC("Trại Cài") + " Chè nụ hái khi búp còn búp kín.",
        descriptionEn: TEA_DESC_EN("Trại Cài") + " Picked while the bud is still closed.",
        variants: [["Hộp 100g", 100, 180000, 20]],
      },
    ],
  },
  {
    slug: "htx-che-khe-coc",
    name: "HTX Chè Khe Cốc",
    legalName: "Hợp tác xã Chè Khe Cốc",
    taxCode: "4600933445",
    kind: "cooperative",
    communeCode: "05641",
    address: "Xóm Khe Cốc, Xã Vô Tranh, Tỉnh Thái Nguyên",
    phone: "+84912345004",
    owner: { name: "Lương Thị Thu", email: "khecoc@choso.test" },
    story: "Vùng chè Khe Cốc và Vô Tranh của huyện Phú Lương cũ, chè trồng trên đồi thấp, vị đậm.",
    certs: [{ kind: "ocop", number: "OCOP-TN-2024-078", issuer: "UBND tỉnh Thái Nguyên", validFrom: "2024-08-01", validTo: "2027-07-31", ocopStars: 4 }],
    products: [
      {
        slug: "che-khe-coc",
        name: "Chè Khe Cốc",
        nameEn: "Khe Cốc green tea",
        category: "che",
        description: TEA_DESC("Khe Cốc"),
        descriptionEn: TEA_DESC_EN("Khe Cốc"),
        variants: [
          ["Túi 200g", 200, 130000, 60],
          ["Túi 500g", 500, 300000, 30],
        ],
      },
      {
        slug: "che-vo-tranh-ocop",
        name: "Chè Vô Tranh OCOP 4 sao",
        nameEn: "Vô Tranh tea (OCOP 4 stars)",
        category: "che",
        description: TEA_DESC("Vô Tranh"),
        descriptionEn: TEA_DESC_EN("Vô Tranh"),
        variants: [["Hộp 200g", 200, 170000, 45]],
      },
    ],
  },
  {
    slug: "ho-nong-duc-tan-cuong",
    name: "Hộ ông Nông Văn Đức",
    legalName: "Nông Văn Đức",
    kind: "household",
    communeCode: "05503",
    address: "Xóm Nam Thái, Xã Tân Cương, Tỉnh Thái Nguyên",
    phone: "+84912345005",
    owner: { name: "Nông Văn Đức", email: "nongduc@choso.test" },
    story: "Gia đình tôi có 1,2 ha chè, tự hái, tự sao. Bán chè cho khách quen hơn 20 năm.",
    certs: [],
    products: [
      {
        slug: "che-sao-tay-ong-duc",
        name: "Chè sao tay nhà ông Đức",
        nameEn: "Mr Đức's hand-roasted tea",
        category: "che",
        description: TEA_DESC("Tân Cương"),
        descriptionEn: TEA_DESC_EN("Tân Cương"),
        variants: [
          ["Túi 500g", 500, 280000, 25],
          ["Túi 1kg", 1000, 540000, 10],
        ],
      },
    ],
  },
  {
    slug: "htx-gao-bao-thai-dinh-hoa",
    name: "HTX Nông nghiệp Bao Thai Định Hóa",
    legalName: "Hợp tác xã Nông nghiệp Bao Thai Định Hóa",
    taxCode: "4600944556",
    kind: "cooperative",
    communeCode: findCode("Xã Định Hóa"),
    address: "Thôn Bản Pục, Xã Định Hóa, Tỉnh Thái Nguyên",
    phone: "+84912345006",
    owner: { name: "Ma Văn Sáng", email: "baothai@choso.test" },
    story: "Gạo Bao Thai trồng trên ruộng bậc thang ATK Định Hóa, một vụ mỗi năm, cơm dẻo, để nguội không cứng.",
    certs: [
      { kind: "ocop", number: "OCOP-TN-2022-019", issuer: "UBND tỉnh Thái Nguyên", validFrom: "2022-10-01", validTo: "2025-09-30", ocopStars: 3 },
      {
        kind: "vietgap",
        number: "VietGAP-TT-19-01-0088",
        issuer: "Chi cục Quản lý chất lượng Nông Lâm sản Thái Nguyên",
        validFrom: "2025-04-01",
        validTo: "2028-03-31",
      },
    ],
    products: [
      {
        slug: "gao-bao-thai-dinh-hoa",
        name: "Gạo Bao Thai Định Hóa",
        nameEn: "Định Hóa Bao Thai rice",
        category: "gao",
        featured: true,
        description: "Gạo Bao Thai vụ mùa, xay mới mỗi tuần, hạt nhỏ, cơm dẻo thơm.",
        descriptionEn: "Bao Thai rice from the main season, milled weekly: small grains, soft and fragrant.",
        variants: [
          ["Túi 5kg", 5000, 125000, 120],
          ["Bao 10kg", 10000, 240000, 60],
        ],
      },
      {
        slug: "gao-nep-vai-dinh-hoa",
        name: "Gạo nếp vải Định Hóa",
        nameEn: "Định Hóa glutinous rice (nếp vải)",
        category: "gao",
        description: "Nếp vải dùng đồ xôi, gói bánh chưng, hạt tròn, dẻo.",
        descriptionEn: "Round, sticky glutinous rice for xôi and bánh chưng.",
        variants: [["Túi 2kg", 2000, 70000, 80]],
      },
      {
        slug: "gao-lut-do-dinh-hoa",
        name: "Gạo lứt đỏ Định Hóa",
        nameEn: "Định Hóa red brown rice",
        category: "gao",
        description: "Gạo lứt đỏ giữ cám, giàu chất xơ.",
        descriptionEn: "Red brown rice with its bran, rich in fibre.",
        variants: [["Túi 2kg", 2000, 90000, 50]],
      },
      {
        slug: "gao-nep-cai-hoa-vang",
        name: "Gạo nếp cái hoa vàng",
        nameEn: "Golden-flower glutinous rice",
        category: "gao",
        description: "Nếp cái hoa vàng thơm, dùng nấu rượu và đồ xôi ngày Tết.",
        descriptionEn: "Fragrant golden-flower glutinous rice for festive xôi and rice wine.",
        variants: [
          ["Túi 2kg", 2000, 85000, 0],
          ["Túi 5kg", 5000, 200000, 12],
        ],
      },
    ],
  },
  {
    slug: "ho-ma-thi-lan-phu-dinh",
    name: "Hộ bà Ma Thị Lan",
    legalName: "Ma Thị Lan",
    taxCode: "8056781234",
    kind: "household",
    communeCode: findCode("Xã Phú Đình"),
    address: "Bản Quyền, Xã Phú Đình, Tỉnh Thái Nguyên",
    phone: "+84912345007",
    owner: { name: "Ma Thị Lan", email: "malan@choso.test" },
    story: "Trồng măng, nuôi ong và làm miến tại quê ATK Phú Đình.",
    certs: [],
    products: [
      {
        slug: "mang-kho-phu-dinh",
        name: "Măng khô Phú Đình",
        nameEn: "Phú Đình dried bamboo shoots",
        category: "dac-san",
        description: "Măng nứa rừng luộc chín, phơi nắng, không lưu huỳnh.",
        descriptionEn: "Wild bamboo shoots, boiled and sun-dried, no sulphur.",
        variants: [["Túi 500g", 500, 160000, 30]],
      },
      {
        slug: "mat-ong-rung-phu-dinh",
        name: "Mật ong rừng Phú Đình",
        nameEn: "Phú Đình wild honey",
        category: "mat-ong",
        description: "Mật ong khai thác từ đàn ong nội nuôi ven rừng ATK.",
        descriptionEn: "Honey from native bees kept at the edge of the ATK forest.",
        variants: [["Chai 500ml", 700, 250000, 25]],
      },
    ],
  },
  {
    slug: "htx-mat-ong-ba-be",
    name: "HTX Mật ong Ba Bể",
    legalName: "Hợp tác xã Mật ong Ba Bể",
    taxCode: "4700355667",
    kind: "cooperative",
    communeCode: findCode("Xã Ba Bể"),
    address: "Thôn Pác Ngòi, Xã Ba Bể, Tỉnh Thái Nguyên",
    phone: "+84912345008",
    owner: { name: "Hoàng Văn Thắng", email: "babe@choso.test" },
    story: "Ong nội nuôi quanh hồ Ba Bể (Bắc Kạn cũ), hút mật hoa rừng, hoa bạc hà và hoa cúc quỳ.",
    certs: [
      {
        kind: "ocop",
        number: "OCOP-BK-2023-031",
        issuer: "UBND tỉnh Bắc Kạn (nay là Thái Nguyên)",
        validFrom: "2023-05-10",
        validTo: "2026-05-09",
        ocopStars: 4,
      },
    ],
    products: [
      {
        slug: "mat-ong-hoa-rung-ba-be",
        name: "Mật ong hoa rừng Ba Bể",
        nameEn: "Ba Bể wild-flower honey",
        category: "mat-ong",
        featured: true,
        description: "Mật đặc, màu hổ phách, vị ngọt sâu.",
        descriptionEn: "Thick, amber honey with a deep sweetness.",
        variants: [
          ["Chai 350ml", 480, 180000, 40],
          ["Chai 1 lít", 1400, 450000, 15],
        ],
      },
      {
        slug: "mat-ong-bac-ha-ba-be",
        name: "Mật ong hoa bạc hà",
        nameEn: "Mint-flower honey",
        category: "mat-ong",
        description: "Mật ong hoa bạc hà vụ thu đông, thơm mát.",
        descriptionEn: "Autumn-winter mint-flower honey, fresh and fragrant.",
        variants: [["Chai 350ml", 480, 220000, 20]],
      },
      {
        slug: "mien-dong-ba-be",
        name: "Miến dong Ba Bể",
        nameEn: "Ba Bể arrowroot noodles",
        category: "dac-san",
        description: "Miến làm từ tinh bột dong riềng, dai, không chất tẩy trắng.",
        descriptionEn: "Noodles of pure arrowroot starch, chewy, no bleach.",
        variants: [["Túi 500g", 500, 65000, 100]],
      },
    ],
  },
  {
    slug: "htx-mien-dong-na-ri",
    name: "HTX Miến dong Na Rì",
    legalName: "Hợp tác xã Miến dong Na Rì",
    taxCode: "4700366778",
    kind: "cooperative",
    communeCode: findCode("Xã Na Rì"),
    address: "Thôn Pàn Xả, Xã Na Rì, Tỉnh Thái Nguyên",
    phone: "+84912345009",
    owner: { name: "Lý Thị Hồng", email: "nari@choso.test" },
    story: "Làm miến dong thủ công, phơi bằng nắng gió vùng cao.",
    certs: [
      {
        kind: "ocop",
        number: "OCOP-BK-2021-007",
        issuer: "UBND tỉnh Bắc Kạn (nay là Thái Nguyên)",
        validFrom: "2021-12-01",
        validTo: "2024-11-30",
        ocopStars: 4,
      },
    ],
    products: [
      {
        slug: "mien-dong-na-ri",
        name: "Miến dong Na Rì",
        nameEn: "Na Rì arrowroot noodles",
        category: "dac-san",
        description: "Sợi miến nhỏ, trong, nấu không nát.",
        descriptionEn: "Thin, clear noodles that keep their bite.",
        variants: [
          ["Túi 500g", 500, 60000, 150],
          ["Túi 1kg", 1000, 115000, 60],
        ],
      },
    ],
  },
  {
    slug: "ho-vi-van-tien-bach-thong",
    name: "Vườn cam quýt nhà anh Tiến",
    legalName: "Vi Văn Tiến",
    kind: "household",
    communeCode: findCode("Xã Bạch Thông"),
    address: "Thôn Nà Pài, Xã Bạch Thông, Tỉnh Thái Nguyên",
    phone: "+84912345010",
    owner: { name: "Vi Văn Tiến", email: "camquyt@choso.test" },
    story: "Cam sành và quýt Bắc Kạn trồng trên đồi, thu hoạch từ tháng 11 đến Tết.",
    certs: [{ kind: "vietgap", number: "VietGAP-BK-06-02-0045", issuer: "Chi cục Trồng trọt và BVTV Bắc Kạn", validFrom: "2024-10-01", validTo: "2026-09-30" }],
    products: [
      {
        slug: "quyt-bac-kan",
        name: "Quýt Bắc Kạn",
        nameEn: "Bắc Kạn mandarins",
        category: "trai-cay",
        featured: true,
        description: "Quýt vỏ mỏng, múi mọng, ngọt thanh.",
        descriptionEn: "Thin-skinned, juicy mandarins, mildly sweet.",
        variants: [
          ["Thùng 5kg", 5000, 175000, 40],
          ["Thùng 10kg", 10000, 330000, 15],
        ],
      },
      {
        slug: "cam-sanh-bach-thong",
        name: "Cam sành Bạch Thông",
        nameEn: "Bạch Thông king oranges",
        category: "trai-cay",
        description: "Cam sành vỏ xanh, nhiều nước.",
        descriptionEn: "Green-skinned king oranges, very juicy.",
        variants: [["Thùng 5kg", 5000, 150000, 35]],
      },
      {
        slug: "hong-khong-hat-bac-kan",
        name: "Hồng không hạt Bắc Kạn",
        nameEn: "Bắc Kạn seedless persimmons",
        category: "trai-cay",
        description: "Hồng ngâm giòn, ngọt, không hạt, mùa thu.",
        descriptionEn: "Crisp, sweet, seedless persimmons in autumn.",
        variants: [["Hộp 3kg", 3000, 150000, 20]],
      },
    ],
  },
  {
    slug: "htx-na-la-hien",
    name: "HTX Na La Hiên",
    legalName: "Hợp tác xã Na La Hiên",
    taxCode: "4600977889",
    kind: "cooperative",
    communeCode: findCode("Xã La Hiên"),
    address: "Xóm Cây Bòng, Xã La Hiên, Tỉnh Thái Nguyên",
    phone: "+84912345011",
    owner: { name: "Dương Văn Hải", email: "nalahien@choso.test" },
    story: "Na dai trồng trên núi đá vôi Võ Nhai, quả to, ngọt đậm.",
    certs: [
      { kind: "vietgap", number: "VietGAP-TT-19-04-0150", issuer: "Trung tâm Chứng nhận Phù hợp (QUACERT)", validFrom: "2025-06-01", validTo: "2028-05-31" },
    ],
    products: [
      {
        slug: "na-dai-vo-nhai",
        name: "Na dai Võ Nhai",
        nameEn: "Võ Nhai custard apples",
        category: "trai-cay",
        description: "Na dai chín cây, thu hoạch tháng 7 đến tháng 9.",
        descriptionEn: "Tree-ripened custard apples, July to September.",
        variants: [
          ["Hộp 2kg", 2000, 110000, 50],
          ["Thùng 5kg", 5000, 260000, 20],
        ],
      },
      {
        slug: "rau-ngot-nui-vo-nhai",
        name: "Rau ngót núi Võ Nhai",
        nameEn: "Võ Nhai mountain sweet leaf",
        category: "rau-cu",
        description: "Rau ngót rừng hái buổi sáng, giao trong ngày tại Thái Nguyên.",
        descriptionEn: "Mountain sweet leaf picked in the morning, delivered the same day in Thái Nguyên.",
        variants: [["Bó 500g", 500, 30000, 40]],
      },
    ],
  },
  {
    slug: "cong-ty-nong-san-song-cong",
    name: "Công ty TNHH Nông sản sạch Sông Công",
    legalName: "Công ty TNHH Nông sản sạch Sông Công",
    kind: "enterprise",
    communeCode: findCode("Phường Sông Công"),
    address: "Số 12 đường Thắng Lợi, Phường Sông Công, Tỉnh Thái Nguyên",
    phone: "+842083861234",
    owner: { name: "Phạm Minh Tuấn", email: "songcong@choso.test" },
    story: "Doanh nghiệp sơ chế và đóng gói rau củ VietGAP của các hộ quanh Sông Công, Phổ Yên.",
    taxCode: "4601987654",
    certs: [
      { kind: "vietgap", number: "VietGAP-TT-19-02-0099", issuer: "Trung tâm Chứng nhận Phù hợp (QUACERT)", validFrom: "2024-02-01", validTo: "2027-01-31" },
      { kind: "globalgap", number: "GGN 4063061234567", issuer: "Control Union Certifications", validFrom: "2025-08-01", validTo: "2026-07-31" },
    ],
    products: [
      {
        slug: "rau-cai-ngot-vietgap",
        name: "Rau cải ngọt VietGAP",
        nameEn: "VietGAP choy sum",
        category: "rau-cu",
        description: "Rau cải ngọt trồng nhà lưới, thu hoạch sáng sớm.",
        descriptionEn: "Net-house choy sum, harvested at dawn.",
        variants: [["Túi 500g", 500, 18000, 100]],
      },
      {
        slug: "ca-chua-bi-song-cong",
        name: "Cà chua bi Sông Công",
        nameEn: "Sông Công cherry tomatoes",
        category: "rau-cu",
        description: "Cà chua bi đỏ, ngọt, trồng giá thể.",
        descriptionEn: "Sweet red cherry tomatoes grown in substrate.",
        variants: [["Hộp 500g", 500, 35000, 80]],
      },
      {
        slug: "dua-chuot-bao-tu",
        name: "Dưa chuột baby",
        nameEn: "Baby cucumbers",
        category: "rau-cu",
        description: "Dưa chuột baby giòn, ăn sống.",
        descriptionEn: "Crisp baby cucumbers for eating raw.",
        variants: [["Túi 1kg", 1000, 32000, 70]],
      },
      {
        slug: "bi-xanh-pho-yen",
        name: "Bí xanh Phổ Yên",
        nameEn: "Phổ Yên winter melon",
        category: "rau-cu",
        description: "Bí xanh ruột đặc, nấu canh ngọt nước.",
        descriptionEn: "Dense winter melon for sweet soups.",
        variants: [["Quả ~2kg", 2000, 30000, 40]],
      },
    ],
  },
  {
    slug: "ho-tran-thi-mai-pho-yen",
    name: "Hộ bà Trần Thị Mai",
    legalName: "Trần Thị Mai",
    kind: "household",
    communeCode: findCode("Phường Phổ Yên"),
    address: "Tổ dân phố 3, Phường Phổ Yên, Tỉnh Thái Nguyên",
    phone: "+84912345013",
    owner: { name: "Trần Thị Mai", email: "maiphoyen@choso.test" },
    story: "Vườn vải và nhãn lâu năm, làm thêm bánh chưng, bánh gai cho khách đặt.",
    certs: [],
    products: [
      {
        slug: "vai-thieu-pho-yen",
        name: "Vải thiều Phổ Yên",
        nameEn: "Phổ Yên lychees",
        category: "trai-cay",
        description: "Vải chín tháng 6, hái buổi sáng.",
        descriptionEn: "Lychees ripening in June, picked in the morning.",
        variants: [["Thùng 3kg", 3000, 90000, 30]],
      },
      {
        slug: "nhan-long-pho-yen",
        name: "Nhãn lồng Phổ Yên",
        nameEn: "Phổ Yên longans",
        category: "trai-cay",
        description: "Nhãn cùi dày, ngọt sắc.",
        descriptionEn: "Thick-fleshed, very sweet longans.",
        variants: [["Túi 2kg", 2000, 70000, 25]],
      },
      {
        slug: "banh-chung-pho-yen",
        name: "Bánh chưng gói lá dong",
        nameEn: "Bánh chưng in dong leaves",
        category: "dac-san",
        description: "Bánh chưng nếp vải, nhân đậu xanh thịt ba chỉ, luộc 10 tiếng.",
        descriptionEn: "Sticky-rice cakes with mung bean and pork, boiled for ten hours.",
        variants: [["Cái 1kg", 1000, 90000, 20]],
      },
    ],
  },
  {
    slug: "htx-banh-chung-bo-dau",
    name: "HTX Bánh chưng Bờ Đậu",
    legalName: "Hợp tác xã Bánh chưng Bờ Đậu",
    taxCode: "4600988990",
    kind: "cooperative",
    communeCode: findCode("Xã Phú Lương"),
    address: "Xóm Bờ Đậu, Xã Phú Lương, Tỉnh Thái Nguyên",
    phone: "+84912345014",
    owner: { name: "Đỗ Thị Nga", email: "bodau@choso.test" },
    story: "Làng nghề bánh chưng Bờ Đậu bên quốc lộ 3, gói bánh quanh năm.",
    certs: [{ kind: "ocop", number: "OCOP-TN-2022-064", issuer: "UBND tỉnh Thái Nguyên", validFrom: "2022-12-01", validTo: "2025-11-30", ocopStars: 3 }],
    products: [
      {
        slug: "banh-chung-bo-dau",
        name: "Bánh chưng Bờ Đậu",
        nameEn: "Bờ Đậu bánh chưng",
        category: "dac-san",
        featured: true,
        description: "Bánh chưng xanh, dẻo, để được 5 ngày.",
        descriptionEn: "Green, tender rice cakes that keep for five days.",
        variants: [
          ["Cái 0,5kg", 500, 45000, 60],
          ["Cặp 2 cái 1kg", 2000, 170000, 30],
        ],
      },
      {
        slug: "banh-gai-bo-dau",
        name: "Bánh gai",
        nameEn: "Bánh gai (ramie-leaf cakes)",
        category: "dac-san",
        description: "Bánh gai nhân đỗ, dừa, vừng.",
        descriptionEn: "Ramie-leaf cakes filled with mung bean, coconut and sesame.",
        variants: [["Hộp 10 cái", 800, 80000, 25]],
      },
    ],
  },
  {
    slug: "cong-ty-che-dai-tu",
    name: "Công ty CP Chè Đại Từ",
    legalName: "Công ty Cổ phần Chè Đại Từ",
    kind: "enterprise",
    communeCode: findCode("Xã Đại Từ"),
    address: "Tổ dân phố Đình, Xã Đại Từ, Tỉnh Thái Nguyên",
    phone: "+842083824567",
    owner: { name: "Vũ Quang Hưng", email: "chedaitu@choso.test" },
    story: "Nhà máy chế biến chè xanh và chè túi lọc, thu mua búp tươi từ 400 hộ quanh hồ Núi Cốc.",
    taxCode: "4600345678",
    gs1CompanyPrefix: "8935001",
    certs: [{ kind: "other", number: "ISO 22000:2018 VN-2291", issuer: "Bureau Veritas Việt Nam", validFrom: "2024-03-15", validTo: "2027-03-14" }],
    products: [
      {
        slug: "che-tui-loc-dai-tu",
        name: "Chè xanh túi lọc Đại Từ",
        nameEn: "Đại Từ green tea bags",
        category: "che",
        description: "Hộp 25 túi lọc, tiện pha văn phòng.",
        descriptionEn: "Box of 25 tea bags for the office.",
        variants: [
          ["Hộp 25 túi", 50, 45000, 200],
          ["Lốc 4 hộp", 200, 165000, 50],
        ],
      },
      {
        slug: "tra-xanh-bot-matcha-thai-nguyen",
        name: "Bột trà xanh Thái Nguyên",
        nameEn: "Thái Nguyên green tea powder",
        category: "che",
        description: "Bột chè xanh xay mịn, dùng pha đồ uống và làm bánh.",
        descriptionEn: "Finely milled green tea powder for drinks and baking.",
        variants: [["Gói 100g", 100, 95000, 60]],
      },
      {
        slug: "tra-o-long-thai-nguyen",
        name: "Trà ô long Thái Nguyên",
        nameEn: "Thái Nguyên oolong tea",
        category: "che",
        description: "Trà lên men một phần từ giống chè Kim Tuyên trồng ở Đại Từ.",
        descriptionEn: "Semi-oxidised tea from Kim Tuyên cultivar grown in Đại Từ.",
        variants: [["Hộp 150g", 150, 210000, 35]],
      },
    ],
  },
  {
    slug: "ho-luong-van-kien-cho-don",
    name: "Hộ ông Lương Văn Kiên",
    legalName: "Lương Văn Kiên",
    kind: "household",
    communeCode: findCode("Xã Chợ Đồn"),
    address: "Thôn Nà Đon, Xã Chợ Đồn, Tỉnh Thái Nguyên",
    phone: "+84912345016",
    owner: { name: "Lương Văn Kiên", email: "kienchodon@choso.test" },
    story: "Trồng gừng, nghệ và nuôi gà đồi ở vùng cao Chợ Đồn.",
    certs: [],
    products: [
      {
        slug: "gung-tuoi-cho-don",
        name: "Gừng trâu Chợ Đồn",
        nameEn: "Chợ Đồn ginger",
        category: "rau-cu",
        description: "Gừng củ to, cay ấm.",
        descriptionEn: "Large, warmly pungent ginger roots.",
        variants: [["Túi 1kg", 1000, 40000, 50]],
      },
      {
        slug: "tinh-bot-nghe-cho-don",
        name: "Tinh bột nghệ",
        nameEn: "Turmeric starch",
        category: "dac-san",
        description: "Tinh bột nghệ vàng lọc thủ công.",
        descriptionEn: "Yellow turmeric starch, filtered by hand.",
        variants: [["Lọ 200g", 200, 120000, 30]],
      },
    ],
  },
];

import communesFile from "../data/communes.json" with { type: "json" };

function findCode(name: string): string {
  const unit = (communesFile as { units: { code: string; name: string }[] }).units.find((u) => u.name === name);
  if (!unit) throw new Error(`No commune named ${name} in db/data/communes.json`);
  return unit.code;
}

export const DEMO_USERS = {
  admin: { name: "Cán bộ Sở Công Thương", email: "admin@choso.test", role: "admin" as const },
  trader: { name: "Bà Lê Thị Tám", email: "trader@choso.test", role: "trader" as const },
  shopper: { name: "Chị Nguyễn Minh Anh", email: "shopper@choso.test", role: "shopper" as const },
};
